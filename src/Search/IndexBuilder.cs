using System.Collections.Concurrent;

namespace SiteGen.Search;

/// <summary>
/// Gathers the pages' terms as their translation groups render, on every thread at once, then turns them into posting
/// lists with BM25 impacts: each posting carries the page's score for the term except the term's rarity (idf), which
/// the browser multiplies in.
/// </summary>
/// <remarks>
/// Each thread numbers the terms it meets (its <see cref="TermCounts"/>) and appends each page's id, then a (term,
/// weight) record per term of the page, to a few large blocks: no list per term while rendering (a site has hundreds of thousands of Han pairs, and growing a list for each was most of what
/// indexing allocated and what the collector then walked). The records are sorted into posting lists once, at the end.
/// </remarks>
public sealed class IndexBuilder
{
    private const float K1 = 1.2f, B = 0.75f;
    private const int BlockSize = 1 << 16;

    /// <summary>A term of a page and its weighted frequency, or (<see cref="Term"/> negative) the start of page ~Term's records.</summary>
    private struct Record
    {
        public int Term;
        public float Tf;
    }

    private sealed class Accumulator
    {
        public readonly TermCounts Counts = new();
        public readonly List<Record[]> Blocks = new();
        private Record[] _last = [];
        private int _inLast = BlockSize;

        public void Add(int term, float tf)
        {
            if (_inLast == BlockSize)
            {
                Blocks.Add(_last = GC.AllocateUninitializedArray<Record>(BlockSize));
                _inLast = 0;
            }
            _last[_inLast++] = new Record { Term = term, Tf = tf };
        }

        public ReadOnlySpan<Record> Block(int i) => Blocks[i].AsSpan(0, i == Blocks.Count - 1 ? _inLast : BlockSize);
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
        {
            into.Add(~doc, 0);
            foreach (var id in counts.OnPage) into.Add(id, counts.Tf(id));
        }
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
        var lengths = new float[_lengths.Keys.DefaultIfEmpty(-1).Max() + 1];
        foreach (var (doc, length) in _lengths) lengths[doc] = length;
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

        // Every term's postings side by side in two arrays, placed by counting, each with its impact.
        var start = new int[names.Length + 1];
        for (var t = 0; t < threads.Count; t++)
            for (var b = 0; b < threads[t].Blocks.Count; b++)
                foreach (var r in threads[t].Block(b))
                    if (r.Term >= 0) start[maps[t][r.Term] + 1]++;
        for (var i = 0; i < names.Length; i++) start[i + 1] += start[i];
        var docs = new int[start[^1]];
        var impacts = new byte[start[^1]];
        var next = (int[])start.Clone();
        for (var t = 0; t < threads.Count; t++)
        {
            var (map, doc) = (maps[t], 0);
            for (var b = 0; b < threads[t].Blocks.Count; b++)
                foreach (var r in threads[t].Block(b))
                {
                    if (r.Term < 0)
                    {
                        doc = ~r.Term;
                        continue;
                    }
                    var at = next[map[r.Term]]++;
                    docs[at] = doc;
                    impacts[at] = Impact(r.Tf, lengths[doc], avg);
                }
        }

        // Each term's list is sorted and encoded on its own: spread over the cores.
        var encoded = new T[names.Length];
        Parallel.For(0, names.Length, parallelism, term =>
        {
            var (from, count) = (start[term], start[term + 1] - start[term]);
            if (count == 0) return;
            docs.AsSpan(from, count).Sort(impacts.AsSpan(from, count));
            encoded[term] = encode(docs.AsSpan(from, count), impacts.AsSpan(from, count));
        });
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
