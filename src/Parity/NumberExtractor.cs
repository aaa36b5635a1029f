using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SiteGen.Parity;

/// <summary>
/// Finds the numbers a text states, normalised so that the same quantity written in Chinese and in English compares
/// equal: `11 萬` = `110,000`, `2–3 萬` = `20,000–30,000`, full-width digits, thousands separators, percentages.
/// Number words (五倍, five times) are left alone on both sides.
/// </summary>
public static partial class NumberExtractor
{
    public static List<decimal> Extract(string text)
    {
        var result = new List<decimal>();
        text = ToHalfWidth(text);
        foreach (var m in NumberPattern().EnumerateMatches(text)) Add(text.AsSpan(m.Index, m.Length), result);
        return result;
    }

    /// <summary>
    /// The same numbers with where each was written, one entry per match (a range gives two values). Full-width digits
    /// are read as ASCII ones, which keeps every index in place. For the search index, which skips the digits a number covers.
    /// </summary>
    public static List<(int Index, int Length, List<decimal> Values)> ExtractWithSpans(string text)
    {
        var result = new List<(int, int, List<decimal>)>();
        text = ToHalfWidth(text);
        foreach (var m in NumberPattern().EnumerateMatches(text))
        {
            var values = new List<decimal>();
            Add(text.AsSpan(m.Index, m.Length), values);
            if (values.Count > 0) result.Add((m.Index, m.Length, values));
        }
        return result;
    }

    /// <summary>
    /// The values of the numbers in a text whose digits are already ASCII (folded, as the search index reads it), in
    /// order: the same values as <see cref="ExtractWithSpans"/> gives, without a string for the text.
    /// </summary>
    public static void Values(ReadOnlySpan<char> asciiDigits, List<decimal> into)
    {
        foreach (var m in NumberPattern().EnumerateMatches(asciiDigits)) Add(asciiDigits.Slice(m.Index, m.Length), into);
    }

    /// <summary>
    /// A match, already checked by the pattern, is a number, then perhaps a range sign and a second number, then perhaps
    /// 萬 or 億. Read here from the span: `Matches` would allocate a Match, its groups and their strings for each one.
    /// </summary>
    private static void Add(ReadOnlySpan<char> match, List<decimal> result)
    {
        var unit = match[^1] switch { '萬' => 10_000m, '億' => 100_000_000m, _ => 1m };
        var a = NumberLength(match);
        if (!TryRead(match[..a], unit, out var first)) return;
        result.Add(first);
        var rest = match[a..];
        var range = rest.IndexOfAny(RangeSigns);
        if (range < 0) return;
        rest = rest[(range + 1)..];
        rest = rest[rest.IndexOfAnyInRange('0', '9')..];
        if (TryRead(rest[..NumberLength(rest)], unit, out var second)) result.Add(second);
    }

    private static readonly SearchValues<char> NumberChars = SearchValues.Create("0123456789,.");
    private static readonly SearchValues<char> RangeSigns = SearchValues.Create("-–—~～至到");

    private static int NumberLength(ReadOnlySpan<char> s) => s.IndexOfAnyExcept(NumberChars) is var i and >= 0 ? i : s.Length;

    /// <returns>false for a number too large for a decimal (29 digits and more), which is left alone like a number word.</returns>
    private static bool TryRead(ReadOnlySpan<char> digits, decimal unit, out decimal value)
    {
        Span<char> plain = digits.Length <= 256 ? stackalloc char[digits.Length] : new char[digits.Length];
        var n = 0;
        foreach (var c in digits) if (c != ',') plain[n++] = c;
        value = 0;
        if (!decimal.TryParse(plain[..n], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)) return false;
        if (unit > 1 && number > decimal.MaxValue / unit) return false;
        value = unit == 1 ? number : number * unit / 1.0000000000000000000000000000m; // 3.5 萬 is 35000, not 35000.0
        return true;
    }

    private static string ToHalfWidth(string text)
    {
        if (text.AsSpan().IndexOfAnyInRange('０', '９') < 0 && text.AsSpan().IndexOfAny('，', '．') < 0) return text;
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
            sb.Append(c is >= '０' and <= '９' ? (char)(c - '０' + '0') : c);
        return sb.ToString();
    }

    // A number (optionally with thousands separators and decimals), optionally a range to a second one, optionally
    // followed by 萬 or 億, which then scales both ends. Digits glued to letters (GB300, Colossus 2) still count.
    // ASCII digits (full-width ones are folded first): `\d` would also match other scripts' digits (٣, ९), which are
    // left alone like number words.
    [GeneratedRegex(@"(?<![0-9.,])(?<a>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)(?:\s*[-–—~～至到]\s*(?<b>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?))?(?:\s*(?<unit>[萬億]))?")]
    private static partial Regex NumberPattern();
}
