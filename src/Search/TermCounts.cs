using System.Text;

namespace SiteGen.Search;

/// <summary>
/// The weighted term frequencies of one page. Han terms are kept as numbers (a character, or two in a row), not strings:
/// a Chinese page has thousands of them, and a string for each was most of what indexing allocated.
/// </summary>
public sealed class TermCounts
{
    private const long UnigramTag = 1L << 42;

    public Dictionary<long, float> Han { get; } = new();
    public Dictionary<string, float> Words { get; } = new(StringComparer.Ordinal);
    /// <summary>The page's length in weighted terms, for BM25's length normalisation.</summary>
    public float Length { get; private set; }

    /// <summary>Empties the counts for the next page, keeping their room.</summary>
    public void Clear()
    {
        Han.Clear();
        Words.Clear();
        Length = 0;
    }

    public int Count => Han.Count + Words.Count;

    public void AddHan(Rune single, float weight) => Add(Han, (long)(uint)single.Value | UnigramTag, weight);
    public void AddHan(Rune first, Rune second, float weight) => Add(Han, ((long)first.Value << 21) | (uint)second.Value, weight);
    public void AddWord(string term, float weight) => Add(Words, term, weight);

    /// <summary>Counts a word given as a span: a word the page already has costs no string, a new one is shared between pages (<see cref="TermStrings"/>).</summary>
    public void AddWord(ReadOnlySpan<char> term, float weight)
    {
        var lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(term, out var count)) lookup[term] = count + weight;
        else Words[TermStrings.Get(term)] = weight;
        Length += weight;
    }

    private void Add<TKey>(Dictionary<TKey, float> terms, TKey key, float weight) where TKey : notnull
    {
        System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(terms, key, out _) += weight;
        Length += weight;
    }

    /// <summary>The term as the browser spells it: the character or the pair.</summary>
    public static string HanTerm(long key)
    {
        if ((key & UnigramTag) != 0) return new Rune((int)(key & 0x1FFFFF)).ToString();
        return new Rune((int)(key >> 21)).ToString() + new Rune((int)(key & 0x1FFFFF)).ToString();
    }

    /// <summary>The single character a key stands for, or null for a pair.</summary>
    public static Rune? Unigram(long key) => (key & UnigramTag) != 0 ? new Rune((int)(key & 0x1FFFFF)) : null;
}
