using System.Collections.Concurrent;

namespace SiteGen.Search;

/// <summary>
/// Gathers the pages' terms as their translation groups render, on every thread at once, then turns them into posting
/// lists with BM25 impacts: each posting carries the page's score for the term except the term's rarity (idf), which
/// the browser multiplies in.
/// </summary>
/// <remarks>
/// Each thread numbers the terms it meets (its <see cref="TermCounts"/>) and appends each page's id and its (term,
/// weight) pairs to a few large blocks: no list per term while rendering (a site has hundreds of thousands of Han pairs, and growing a list for each was most of what
/// indexing allocated and what the collector then walked). The records are sorted into posting lists once, at the end.
/// </remarks>
public sealed class IndexBuilder
{
    private const float K1 = 1.2f, B = 0.75f;
    private const int BlockSize = 1 << 20;

    /// <summary>
    /// One thread's pages, as variable-length numbers in large blocks: each page's id, its number of terms, then each
    /// term's number and its weighted frequency in halves (the weights are halves: <see cref="DocumentExtractor"/>).
    /// About 3 bytes per term of a page where a record was 8: these are held until the end, on every page of the site.
    /// </summary>
    private sealed class Accumulator
    {
        public readonly TermCounts Counts = new();
        public readonly List<(byte[] Bytes, int Used)> Blocks = new();
        private byte[] _last = [];
        private int _used;

        public void Add(int doc, TermCounts counts)
        {
            var terms = counts.OnPage;
            var most = 10 + terms.Length * 10; // two 5-byte numbers at most for the page, and for each term
            if (_last.Length - _used < most)
            {
                if (_last.Length > 0) Blocks[^1] = (_last, _used);
                _last = GC.AllocateUninitializedArray<byte>(Math.Max(BlockSize, most));
                _used = 0;
                Blocks.Add((_last, 0));
            }
            Write((uint)doc);
            Write((uint)terms.Length);
            foreach (var id in terms)
            {
                var halves = counts.Tf(id) * 2;
                if (halves != MathF.Floor(halves) || halves >= uint.MaxValue) throw new InvalidOperationException($"a term's weight {counts.Tf(id)} is not a whole number of halves");
                Write((uint)id);
                Write((uint)halves);
            }
            Blocks[^1] = (_last, _used);
        }

        private void Write(uint n)
        {
            while (n >= 0x80)
            {
                _last[_used++] = (byte)(n | 0x80);
                n >>= 7;
            }
            _last[_used++] = (byte)n;
        }

    }

    /// <summary>Reads an <see cref="Accumulator"/>'s blocks back.</summary>
    private ref struct Reader(ReadOnlySpan<byte> block)
    {
        private readonly ReadOnlySpan<byte> _block = block;
        private int _at;

        public readonly bool More => _at < _block.Length;

        public int Next()
        {
            uint n = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = _block[_at++];
                n |= (uint)(b & 0x7F) << shift;
                if (b < 0x80) return (int)n;
            }
        }
    }

    private readonly ThreadLocal<Accumulator> _threads = new(() => new Accumulator(), trackAllValues: true);
    private readonly ConcurrentDictionary<int, float> _lengths = new();

    /// <summary>This thread's counts, for one page at a time: fill them, then <see cref="Add"/> them.</summary>
    public TermCounts Counts => _threads.Value!.Counts;

    /// <summary>Adds the page in this thread's counts, and clears them.</summary>
    public void Add(int doc)
    {
        var into = _threads.Value!;
        if (_lengths.TryAdd(doc, into.Counts.Length)) into.Add(doc, into.Counts);
        into.Counts.Clear();
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

        // Every term's postings side by side in two arrays, placed by counting, each with its impact. The threads' blocks
        // are read on every core, a thread's at a time: each thread counts its pages' terms by its own numbers, then
        // places them into its own part of each term's list, after the threads before it.
        var places = new int[threads.Count][];
        Parallel.For(0, threads.Count, parallelism, t =>
        {
            var count = new int[maps[t].Length];
            foreach (var (bytes, used) in threads[t].Blocks)
                for (var read = new Reader(bytes.AsSpan(0, used)); read.More;)
                {
                    read.Next(); // the page
                    for (var n = read.Next(); n > 0; n--)
                    {
                        count[read.Next()]++;
                        read.Next(); // its frequency
                    }
                }
            places[t] = count;
        });
        var start = new int[names.Length + 1];
        for (var t = 0; t < threads.Count; t++)
            for (var local = 0; local < places[t].Length; local++)
                start[maps[t][local] + 1] += places[t][local];
        for (var i = 0; i < names.Length; i++) start[i + 1] += start[i];
        var next = (int[])start.Clone();
        for (var t = 0; t < threads.Count; t++)
            for (var local = 0; local < places[t].Length; local++)
            {
                ref var term = ref next[maps[t][local]];
                (places[t][local], term) = (term, term + places[t][local]);
            }
        var docs = new int[start[^1]];
        var impacts = new byte[start[^1]];
        Parallel.For(0, threads.Count, parallelism, t =>
        {
            var place = places[t];
            foreach (var (bytes, used) in threads[t].Blocks)
                for (var read = new Reader(bytes.AsSpan(0, used)); read.More;)
                {
                    var doc = read.Next();
                    for (var n = read.Next(); n > 0; n--)
                    {
                        var at = place[read.Next()]++;
                        docs[at] = doc;
                        impacts[at] = Impact(read.Next() / 2f, lengths[doc], avg);
                    }
                }
        });

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
