using System.Buffers;
using System.Globalization;
using System.Text;
using SiteGen.Parity;

namespace SiteGen.Search;

/// <summary>
/// Splits text into search terms, the same way for the index and (mirrored in search.js) for queries. Han text has no
/// spaces and no dictionary is used: every character and every pair of neighbours is a term, so any substring of two
/// or more characters can be found, including words no dictionary knows. Latin words are folded and stemmed. Numbers
/// become their value (`#110000`), read by the parity stage's <see cref="NumberExtractor"/>, so `110,000`, `110000` and
/// `11 萬` are one term; a word of digits alone adds nothing beside it.
/// </summary>
public static class Tokenizer
{
    public const string NumberPrefix = "#";

    /// <summary>Adds the terms of an indexed text to a page's counts.</summary>
    /// <remarks>
    /// Every page's every block comes through here, so nothing is allocated per term: the text is folded a character at
    /// a time as it is read, a word is folded and stemmed in a buffer, and the page's counts look it up by span.
    /// </remarks>
    public static void Index(ReadOnlySpan<char> text, float weight, TermCounts counts)
    {
        var previousHan = -1;
        var wordStart = -1;
        var digits = false;
        for (var i = 0; i < text.Length;)
        {
            if (wordStart < 0 && char.IsAsciiLetterOrDigit(text[i]) && AsciiWordEnd(text, i) is var end and >= 0)
            {
                // A word of ASCII letters and digits, most words of English text: found with one vectorised search.
                digits |= EndWord(text[i..end], counts, weight);
                previousHan = -1;
                i = end;
                continue;
            }
            var rune = FoldedRuneAt(text, i);
            digits |= rune.IsAscii && char.IsAsciiDigit((char)rune.Value);
            if (HanScript.Is(rune))
            {
                if (wordStart >= 0) EndWord(text[wordStart..i], counts, weight);
                wordStart = -1;
                counts.AddHan(rune, weight);
                if (previousHan >= 0) counts.AddHan(new Rune(previousHan), rune, weight);
                previousHan = rune.Value;
            }
            else
            {
                previousHan = -1;
                if (Rune.IsLetterOrDigit(rune))
                {
                    if (wordStart < 0) wordStart = i;
                }
                else if (wordStart >= 0)
                {
                    EndWord(text[wordStart..i], counts, weight);
                    wordStart = -1;
                }
            }
            i += rune.Utf16SequenceLength;
        }
        if (wordStart >= 0) EndWord(text[wordStart..], counts, weight);
        if (digits) Numbers(text, weight, counts); // full-width ones too, folded above
    }

    /// <summary>The character (or surrogate pair) at <paramref name="i"/>, folded; a lone surrogate is U+FFFD, one unit long.</summary>
    private static Rune FoldedRuneAt(ReadOnlySpan<char> text, int i)
    {
        var c = TextFolder.Fold(text[i]);
        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) return new Rune(c, text[i + 1]);
        return char.IsSurrogate(c) ? Rune.ReplacementChar : new Rune(c);
    }

    private static readonly SearchValues<char> AsciiLetterOrDigit = SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <returns>
    /// Where the run of ASCII letters and digits at <paramref name="i"/> ends, or -1 when a letter or digit of another
    /// script (`café`, `ＧＢ`) carries the word on.
    /// </returns>
    private static int AsciiWordEnd(ReadOnlySpan<char> text, int i)
    {
        var length = text[i..].IndexOfAnyExcept(AsciiLetterOrDigit);
        if (length < 0) return text.Length;
        var rune = FoldedRuneAt(text, i + length);
        return HanScript.Is(rune) || !Rune.IsLetterOrDigit(rune) ? i + length : -1;
    }

    [ThreadStatic] private static char[]? _folded;
    [ThreadStatic] private static List<decimal>? _values;

    /// <summary>The text's numbers, read from its folded copy in a reused buffer (a block with a number is common).</summary>
    private static void Numbers(ReadOnlySpan<char> text, float weight, TermCounts counts)
    {
        if (_folded is null || _folded.Length < text.Length) _folded = new char[Math.Max(text.Length, 1024)];
        var folded = _folded.AsSpan(0, text.Length);
        for (var i = 0; i < text.Length; i++) folded[i] = TextFolder.Fold(text[i]);
        var values = _values ??= new List<decimal>();
        values.Clear();
        NumberExtractor.Values(folded, values);
        Span<char> term = stackalloc char[64];
        foreach (var value in values) counts.AddWord(term[..NumberTerm(value, term)], weight);
    }

    /// <summary>A word of the original text, folded (one character for one) and stemmed in a buffer, then counted.</summary>
    /// <returns>whether the word has a digit.</returns>
    private static bool EndWord(ReadOnlySpan<char> original, TermCounts counts, float weight)
    {
        Span<char> word = original.Length <= 128 ? stackalloc char[128] : new char[original.Length];
        word = word[..original.Length];
        var digits = 0;
        for (var i = 0; i < original.Length; i++)
        {
            word[i] = TextFolder.Fold(original[i]);
            if (char.IsAsciiDigit(word[i])) digits++;
        }
        if (digits < word.Length) counts.AddWord(word[..EnglishStemmer.Stem(word)], weight); // digits alone: the number term stands for them
        return digits > 0;
    }

    /// <summary>
    /// The terms of a query, each once, in order. A run of Han characters gives its pairs (or the character, if alone);
    /// `萬` or `億` that scales a number is part of the number, not a character to find.
    /// </summary>
    /// <param name="fold">Simplified characters to their traditional form, applied after folding.</param>
    /// <param name="phrases">Mainland phrases to Taiwan ones (<see cref="TaiwanPhrases"/>), applied after that.</param>
    public static List<string> Query(string text, IReadOnlyDictionary<char, char>? fold = null, IReadOnlyDictionary<string, string>? phrases = null)
    {
        var folded = TextFolder.Fold(text);
        if (fold is not null) folded = string.Create(folded.Length, folded, (span, s) =>
        {
            for (var i = 0; i < s.Length; i++) span[i] = fold.TryGetValue(s[i], out var t) ? t : s[i];
        });
        if (phrases is not null) folded = TaiwanPhrases.Apply(folded, phrases);
        var terms = new List<string>();
        var units = new HashSet<int>();
        foreach (var (index, length, values) in NumberExtractor.ExtractWithSpans(folded))
        {
            foreach (var value in values) terms.Add(NumberTerm(value));
            if (folded[index + length - 1] is '萬' or '億') units.Add(index + length - 1);
        }
        var run = new List<Rune>();
        var word = new StringBuilder();
        var at = 0;
        foreach (var rune in folded.EnumerateRunes())
        {
            var han = HanScript.Is(rune) && !units.Contains(at);
            at += rune.Utf16SequenceLength;
            if (han)
            {
                AddWord(word, terms);
                run.Add(rune);
                continue;
            }
            AddRun(run, terms);
            if (Rune.IsLetterOrDigit(rune) && !HanScript.Is(rune)) word.Append(rune.ToString());
            else AddWord(word, terms);
        }
        AddWord(word, terms);
        AddRun(run, terms);
        return terms.Distinct(StringComparer.Ordinal).ToList();
    }

    private static void AddWord(StringBuilder word, List<string> terms)
    {
        if (word.Length > 0 && WordTerm(word) is { } term) terms.Add(term);
        word.Clear();
    }

    private static void AddRun(List<Rune> run, List<string> terms)
    {
        if (run.Count == 1) terms.Add(run[0].ToString());
        for (var i = 1; i < run.Count; i++) terms.Add(run[i - 1].ToString() + run[i].ToString());
        run.Clear();
    }

    /// <returns>null for digits alone, which the number term stands for.</returns>
    private static string? WordTerm(StringBuilder word)
    {
        for (var i = 0; i < word.Length; i++)
            if (!char.IsAsciiDigit(word[i])) return EnglishStemmer.Stem(word.ToString());
        return null;
    }

    /// <summary>`#` and the value without trailing zeros: 3.50 and 3.5 are one number.</summary>
    public static string NumberTerm(decimal value)
    {
        Span<char> term = stackalloc char[64];
        return term[..NumberTerm(value, term)].ToString();
    }

    /// <returns>the term's length in <paramref name="into"/> (64 characters hold any decimal).</returns>
    private static int NumberTerm(decimal value, Span<char> into)
    {
        NumberPrefix.CopyTo(into);
        (value / 1.0000000000000000000000000000m).TryFormat(into[NumberPrefix.Length..], out var written, default, CultureInfo.InvariantCulture);
        return NumberPrefix.Length + written;
    }
}
