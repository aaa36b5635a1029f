using System.Collections.Concurrent;

namespace SiteGen.Search;

/// <summary>
/// Gathers the pages' terms as their translation groups render, on every thread at once, then turns them into posting
/// lists with BM25 impacts: each posting carries the page's score for the term except the term's rarity (idf), which
/// the browser multiplies in.
/// </summary>
/// <remarks>
/// Each thread numbers the terms it meets (its <see cref="TermCounts"/>) and appends (term, page, weight) records to a few
/// large blocks: no list per term while rendering (a site has hundreds of thousands of Han pairs, and growing a list for each was most of what
/// indexing allocated and what the collector then walked). The records are sorted into posting lists once, at the end.
/// </remarks>
public sealed class IndexBuilder
{
    private const float K1 = 1.2f, B = 0.75f;
    private const int BlockSize = 1 << 16;

    private struct Posting
    {
        public int Term;
        public int Doc;
        public float Tf;
    }

    private sealed class Accumulator
    {
        public readonly TermCounts Counts = new();
        public readonly List<Posting[]> Blocks = new();
        public int InLast = BlockSize;
        private Posting[] _last = [];

        public void Add(int term, int doc, float tf)
        {
            if (InLast == BlockSize)
            {
                Blocks.Add(_last = new Posting[BlockSize]);
                InLast = 0;
            }
            _last[InLast++] = new Posting { Term = term, Doc = doc, Tf = tf };
        }

        public IEnumerable<Posting[]> Filled => Blocks.Select((b, i) => i == Blocks.Count - 1 ? b[..InLast] : b);
    }

    private readonly ThreadLocal<Accumulator> _threads = new(() => new Accumulator(), trackAllValues: true);
    private readonly ConcurrentDictionary<int, float> _lengths = new();

    /// <summary>This thread's counts, for one page at a time: fill them, then <see cref="Add"/> them.</summary>
    public TermCounts Counts => _threads.Value!.Counts;

    /// <summary>Adds the page in this thread's counts, and clears them.</summary>
    public void Add(int doc)
    {
        var into = _threads.Value!;
        var counts = into.Counts;
        if (_lengths.TryAdd(doc, counts.Length))
            foreach (var (id, tf) in counts.Page) into.Add(id, doc, tf);
        counts.Clear();
    }

    public int DocumentCount => _lengths.Count;

    /// <summary>
    /// The terms in ordinal order, each with its postings (page ids ascending, with impacts 1–255) encoded by
    /// <paramref name="encode"/>: the same for any thread count.
    /// </summary>
    public List<(string Term, T Postings)> Build<T>(ParallelOptions parallelism, Func<ReadOnlySpan<int>, ReadOnlySpan<byte>, T> encode)
    {
        // Summed in page order: the same float whatever order the threads added the pages in.
        var avg = _lengths.IsEmpty ? 1f : (float)(_lengths.OrderBy(l => l.Key).Sum(l => (double)l.Value) / _lengths.Count);
        var threads = _threads.Values.ToList();

        // One number per term for the whole site; each thread's numbers mapped onto it.
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var maps = new List<int[]>();
        foreach (var thread in threads)
        {
            var numbered = thread.Counts.Numbered;
            var map = new int[numbered.Count];
            for (var local = 0; local < numbered.Count; local++)
            {
                ref var id = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(ids, thread.Counts.TermOf(local), out var known);
                if (!known) id = ids.Count - 1;
                map[local] = id;
            }
            maps.Add(map);
        }
        var names = new string[ids.Count];
        foreach (var (term, id) in ids) names[id] = term;

        // Every term's postings side by side in two arrays, placed by counting.
        var start = new int[names.Length + 1];
        for (var t = 0; t < threads.Count; t++)
            foreach (var block in threads[t].Filled)
                foreach (var p in block) start[maps[t][p.Term] + 1]++;
        for (var i = 0; i < names.Length; i++) start[i + 1] += start[i];
        var docs = new int[start[^1]];
        var tfs = new float[start[^1]];
        var next = (int[])start.Clone();
        for (var t = 0; t < threads.Count; t++)
            foreach (var block in threads[t].Filled)
                foreach (var p in block)
                {
                    var at = next[maps[t][p.Term]]++;
                    docs[at] = p.Doc;
                    tfs[at] = p.Tf;
                }

        // Each term's list is sorted, scored and encoded on its own: spread over the cores.
        var lengths = new float[_lengths.Keys.DefaultIfEmpty(-1).Max() + 1];
        foreach (var (doc, length) in _lengths) lengths[doc] = length;
        var encoded = new T[names.Length];
        Parallel.For(0, names.Length, parallelism, () => new byte[0], (term, _, impacts) =>
        {
            var (from, count) = (start[term], start[term + 1] - start[term]);
            if (count == 0) return impacts;
            var ids = docs.AsSpan(from, count);
            ids.Sort(tfs.AsSpan(from, count));
            if (impacts.Length < count) impacts = new byte[Math.Max(count, impacts.Length * 2)];
            for (var i = 0; i < count; i++) impacts[i] = Impact(tfs[from + i], lengths[ids[i]], avg);
            encoded[term] = encode(ids, impacts.AsSpan(0, count));
            return impacts;
        }, _ => { });
        // A term counted on a page that was then refused (too many terms) has no postings.
        var order = Enumerable.Range(0, names.Length).Where(t => start[t + 1] > start[t]).ToArray();
        Array.Sort(order.Select(t => names[t]).ToArray(), order, StringComparer.Ordinal);
        return order.Select(i => (names[i], encoded[i])).ToList();
    }

    private static byte Impact(float tf, float length, float avg)
    {
        var score = tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / avg));
        return (byte)Math.Clamp(MathF.Round(score / (K1 + 1) * 255), 1, 255);
    }
}
