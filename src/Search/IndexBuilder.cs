using System.Collections.Concurrent;

namespace SiteGen.Search;

/// <summary>
/// Gathers the pages' terms as their translation groups render, on every thread at once (each thread into its own
/// lists, merged at the end), then turns them into posting lists with BM25 impacts: each posting carries the page's
/// score for the term except the term's rarity (idf), which the browser multiplies in.
/// </summary>
public sealed class IndexBuilder
{
    private const float K1 = 1.2f, B = 0.75f;

    private sealed class Accumulator
    {
        public readonly Dictionary<long, List<(int Doc, float Tf)>> Han = new();
        public readonly Dictionary<string, List<(int Doc, float Tf)>> Words = new(StringComparer.Ordinal);
    }

    private readonly ThreadLocal<Accumulator> _threads = new(() => new Accumulator(), trackAllValues: true);
    private readonly ConcurrentDictionary<int, float> _lengths = new();

    public void Add(SearchDocument doc)
    {
        if (!_lengths.TryAdd(doc.Id, doc.Terms.Length)) return;
        var into = _threads.Value!;
        foreach (var (key, tf) in doc.Terms.Han) Postings(into.Han, key).Add((doc.Id, tf));
        foreach (var (term, tf) in doc.Terms.Words) Postings(into.Words, term).Add((doc.Id, tf));
    }

    private static List<(int, float)> Postings<TKey>(Dictionary<TKey, List<(int, float)>> map, TKey key) where TKey : notnull
    {
        ref var list = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(map, key, out _);
        return list ??= new List<(int, float)>();
    }

    public int DocumentCount => _lengths.Count;

    /// <summary>Every Han character that some page holds, for the simplified-character table.</summary>
    public HashSet<char> HanCharacters()
    {
        var chars = new HashSet<char>();
        foreach (var thread in _threads.Values)
            foreach (var key in thread.Han.Keys)
                if (TermCounts.Unigram(key) is { IsBmp: true } r) chars.Add((char)r.Value);
        return chars;
    }

    /// <summary>Term → postings (page id, impact 1–255), terms in ordinal order and postings by page: the same for any thread count.</summary>
    public SortedDictionary<string, List<(int Doc, byte Impact)>> Build(ParallelOptions parallelism)
    {
        // Summed in page order: the same float whatever order the threads added the pages in.
        var avg = _lengths.IsEmpty ? 1f : (float)(_lengths.OrderBy(l => l.Key).Sum(l => (double)l.Value) / _lengths.Count);
        var merged = new Dictionary<string, List<(int Doc, float Tf)>>(StringComparer.Ordinal);
        foreach (var thread in _threads.Values)
        {
            foreach (var (key, list) in thread.Han) Postings(merged, TermCounts.HanTerm(key)).AddRange(list);
            foreach (var (term, list) in thread.Words) Postings(merged, term).AddRange(list);
        }
        // Each term's list is sorted and scored on its own: spread over the cores.
        var scored = new System.Collections.Concurrent.ConcurrentDictionary<string, List<(int, byte)>>(StringComparer.Ordinal);
        Parallel.ForEach(merged, parallelism, entry =>
        {
            entry.Value.Sort((a, b) => a.Doc.CompareTo(b.Doc));
            scored[entry.Key] = entry.Value.ConvertAll(p => (p.Doc, Impact(p.Tf, _lengths[p.Doc], avg)));
        });
        return new SortedDictionary<string, List<(int, byte)>>(scored, StringComparer.Ordinal);
    }

    private static byte Impact(float tf, float length, float avg)
    {
        var score = tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / avg));
        return (byte)Math.Clamp(MathF.Round(score / (K1 + 1) * 255), 1, 255);
    }
}
