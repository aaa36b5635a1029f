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
        foreach (Match m in NumberPattern().Matches(ToHalfWidth(text)))
        {
            var unit = m.Groups["unit"].Value switch { "萬" => 10_000m, "億" => 100_000_000m, _ => 1m };
            result.Add(Parse(m.Groups["a"].Value) * unit);
            if (m.Groups["b"].Success) result.Add(Parse(m.Groups["b"].Value) * unit);
        }
        return result;
    }

    private static decimal Parse(string digits) =>
        decimal.Parse(digits.Replace(",", ""), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

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
    [GeneratedRegex(@"(?<![\d.,])(?<a>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s*[-–—~～至到]\s*(?<b>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?))?(?:\s*(?<unit>[萬億]))?")]
    private static partial Regex NumberPattern();
}
