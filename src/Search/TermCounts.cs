using System.Text;

namespace SiteGen.Search;

/// <summary>
/// The weighted term frequencies of one page at a time, on one indexing thread. Every term the thread meets gets a
/// number once, kept from page to page, so counting a term is one table look-up and an array slot, and the index takes
/// the page's terms by number; <see cref="Clear"/> readies it for the next page. Han terms are keyed as numbers (a
/// character, or two in a row; a character of the common blocks by its place in an array, with no look-up at all), a
/// word by its text looked up as a span: nothing is allocated for a term the thread has seen before.
/// </summary>
public sealed class TermCounts
{
    private const long UnigramTag = 1L << 42;

    /// <summary>A Han term as a 64-bit key: a character tagged as single, or two characters' code points side by side.</summary>
    private static long KeyOf(Rune single) => (uint)single.Value | UnigramTag;
    private static long KeyOf(Rune first, Rune second) => ((long)first.Value << 21) | (uint)second.Value;

    private readonly TermNumbers _han = new();
    private readonly Dictionary<string, int> _words = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _wordsBySpan;
    private readonly List<(long Han, string? Word)> _terms = new();
    private float[] _tf = new float[4096];
    private readonly List<int> _onPage = new();

    public TermCounts() => _wordsBySpan = _words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The page's length in weighted terms, for BM25's length normalisation.</summary>
    public float Length { get; private set; }

    /// <summary>How many different terms the page has.</summary>
    public int Count => _onPage.Count;

    /// <summary>The page's terms by number (their weighted frequencies from <see cref="Tf"/>).</summary>
    public ReadOnlySpan<int> OnPage => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_onPage);

    public float Tf(int id) => _tf[id];

    /// <summary>The page's terms as the browser spells them (for tests).</summary>
    public IEnumerable<(string Term, float Tf)> Terms => _onPage.Select(id => (TermOf(id), _tf[id]));

    /// <summary>Every term numbered so far: its number, and the Han key or the word.</summary>
    internal IReadOnlyList<(long Han, string? Word)> Numbered => _terms;

    /// <summary>Empties the counts for the next page; the numbers stay.</summary>
    public void Clear()
    {
        foreach (var id in _onPage) _tf[id] = 0;
        _onPage.Clear();
        Length = 0;
    }

    /// <summary>
    /// A character of the Basic Multilingual Plane's Han and kana blocks (<see cref="HanScript"/>) as an index from 0 to
    /// <see cref="DenseCount"/>, or -1 for any other (extensions B and later go through the 64-bit table).
    /// </summary>
    private static int Dense(int c) => c switch
    {
        >= 0x3040 and <= 0x9FFF => c - 0x3040,
        >= 0xF900 and <= 0xFAFF => c - 0xF900 + (0xA000 - 0x3040),
        _ => -1,
    };

    private const int DenseCount = 0xA000 - 0x3040 + 0x200; // under 2^15: two indices make a 30-bit pair key

    // Every Han character is counted as itself: by its index here (the number + 1, 0 for none), with no look-up.
    private readonly int[] _characters = new int[DenseCount];
    private readonly PairNumbers _pairs = new();

    public void AddHan(Rune single, float weight)
    {
        var dense = Dense(single.Value);
        if (dense < 0)
        {
            AddHan(KeyOf(single), weight);
            return;
        }
        ref var number = ref _characters[dense];
        if (number == 0)
        {
            _terms.Add((KeyOf(single), null));
            number = _terms.Count;
        }
        Add(number - 1, weight);
    }

    public void AddHan(Rune first, Rune second, float weight)
    {
        int a = Dense(first.Value), b = Dense(second.Value);
        if ((a | b) < 0)
        {
            AddHan(KeyOf(first, second), weight);
            return;
        }
        var key = (uint)(a << 15 | b);
        var id = _pairs.Find(key, out var slot);
        if (id < 0)
        {
            id = _terms.Count;
            _pairs.Set(slot, key, id);
            _terms.Add((KeyOf(first, second), null));
        }
        Add(id, weight);
    }

    /// <summary>A character or pair outside the dense range, keyed by its code points.</summary>
    private void AddHan(long key, float weight)
    {
        var id = _han.Find(key, out var slot);
        if (id < 0)
        {
            id = _terms.Count;
            _han.Set(slot, key, id);
            _terms.Add((key, null));
        }
        Add(id, weight);
    }

    public void AddWord(string term, float weight) => AddWord(term.AsSpan(), weight);

    public void AddWord(ReadOnlySpan<char> term, float weight)
    {
        if (!_wordsBySpan.TryGetValue(term, out var id))
        {
            var word = term.ToString();
            id = _terms.Count;
            _words[word] = id;
            _terms.Add((0, word));
        }
        Add(id, weight);
    }

    private void Add(int id, float weight)
    {
        if (id >= _tf.Length) Array.Resize(ref _tf, Math.Max(_tf.Length * 2, id + 1));
        if (_tf[id] == 0) _onPage.Add(id); // weights are positive: zero is a term not yet on this page
        _tf[id] += weight;
        Length += weight;
    }

    public string TermOf(int id) => _terms[id].Word ?? HanTerm(_terms[id].Han);

    /// <summary>The term as the browser spells it: the character or the pair.</summary>
    public static string HanTerm(long key)
    {
        if ((key & UnigramTag) != 0) return new Rune((int)(key & 0x1FFFFF)).ToString();
        return new Rune((int)(key >> 21)).ToString() + new Rune((int)(key & 0x1FFFFF)).ToString();
    }
}
