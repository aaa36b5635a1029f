using System.Globalization;
using SiteGen.Diagnostics;

namespace SiteGen.Yaml;

/// <summary>
/// Reads located YAML values as the types SiteGen's settings have, each wrong value reported at its position in the
/// author's terms: `'weight' must be a whole number, not 'abc'`. A value that is wrong is reported and left unset.
/// </summary>
public sealed class YamlMapper(DiagnosticBag bag)
{
    public DiagnosticBag Bag => bag;

    /// <summary>Whether anything was reported through this mapper.</summary>
    public bool Failed { get; private set; }

    public void Error(SourceLocation at, string message, string? hint = null)
    {
        Failed = true;
        bag.Error(at, message, hint);
    }

    /// <summary>Any scalar, as written; null for nothing (`~`, `null`, empty).</summary>
    public string? Text(YamlValue value, string key)
    {
        if (value is YamlScalar s) return s.IsNull ? null : s.Text;
        return Wrong(value, key, "text");
    }

    /// <summary>A whole number as YAML writes one: decimal with an optional sign and `_` separators, or `0x` hexadecimal.</summary>
    public int? WholeNumber(YamlValue value, string key)
    {
        if (value is not YamlScalar s) return Wrong<int?>(value, key, "a whole number");
        if (s.IsNull) return null;
        var text = s.Text.Replace("_", "");
        var negative = text.StartsWith('-');
        var digits = text.TrimStart('+', '-');
        var ok = digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? ulong.TryParse(digits.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var n)
            : ulong.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out n);
        if (!ok || text.Length - digits.Length > 1) return Wrong<int?>(value, key, "a whole number");
        if (n > int.MaxValue + (negative ? 1UL : 0UL)) return Wrong<int?>(value, key, $"a whole number from {int.MinValue} to {int.MaxValue}");
        return negative ? (int)-(long)n : (int)n;
    }

    /// <summary>true or false; also yes/no, on/off and y/n (YAML 1.1, which earlier versions accepted), in any case.</summary>
    public bool? Boolean(YamlValue value, string key)
    {
        if (value is not YamlScalar s) return Wrong<bool?>(value, key, "true or false");
        if (s.IsNull) return null;
        switch (s.Text.ToLowerInvariant())
        {
            case "true" or "yes" or "on" or "y": return true;
            case "false" or "no" or "off" or "n": return false;
            default: return Wrong<bool?>(value, key, "true or false");
        }
    }

    /// <summary>A calendar date written YYYY-MM-DD: other forms are read differently from one country to the next.</summary>
    public DateOnly? IsoDate(YamlValue value, string key)
    {
        if (value is not YamlScalar s) return Wrong<DateOnly?>(value, key, "a date written YYYY-MM-DD");
        if (s.IsNull) return null;
        return DateOnly.TryParseExact(s.Text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : Wrong<DateOnly?>(value, key, "a date written YYYY-MM-DD");
    }

    /// <summary>A list, each item read by <paramref name="item"/> (which gets the item and its index); null for nothing.</summary>
    public List<T>? List<T>(YamlValue value, string key, Func<YamlValue, int, T?> item) where T : class
    {
        if (value is YamlScalar { IsNull: true }) return null;
        if (value is not YamlSequence seq) return Wrong<List<T>?>(value, key, "a list");
        var list = new List<T>(seq.Items.Count);
        for (var i = 0; i < seq.Items.Count; i++)
            if (item(seq.Items[i], i) is { } read) list.Add(read);
        return list;
    }

    /// <summary>A mapping of names to text, such as a language's `strings:`.</summary>
    public Dictionary<string, string>? TextMap(YamlValue value, string key)
    {
        if (value is YamlScalar { IsNull: true }) return null;
        if (value is not YamlMapping map) return Wrong<Dictionary<string, string>?>(value, key, "a mapping of names to text");
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in map.Entries)
        {
            if (KeyText(k) is not { } name) continue;
            if (result.ContainsKey(name)) { Error(k.At, $"duplicate key '{name}'"); continue; }
            if (Text(v, name) is { } text) result[name] = text;
            else if (v is YamlScalar) Error(v.At, $"'{name}' must be text, not empty");
        }
        return result;
    }

    /// <summary>
    /// Free data for templates: text stays text (templates and the parity check compare what was written), lists become
    /// lists and mappings dictionaries in the order written.
    /// </summary>
    public object? Data(YamlValue value)
    {
        switch (value)
        {
            case YamlScalar s:
                return s.IsNull ? null : s.Text;
            case YamlSequence seq:
                var list = new List<object?>(seq.Items.Count);
                foreach (var item in seq.Items) list.Add(Data(item));
                return list;
            default:
                var map = (YamlMapping)value;
                var dict = new Dictionary<string, object?>(map.Entries.Count, StringComparer.Ordinal);
                foreach (var (k, v) in map.Entries)
                {
                    if (KeyText(k) is not { } name) continue;
                    if (!dict.TryAdd(name, Data(v))) Error(k.At, $"duplicate key '{name}'");
                }
                return dict;
        }
    }

    /// <summary>
    /// The keys of a mapping with known fields: each known key goes to its reader (with the target and its value), each
    /// unknown or repeated key is reported at the key, with the closest known key as a hint.
    /// </summary>
    /// <param name="located">Told where each known key was written.</param>
    public void Fields<T>(YamlMapping map, T target, IReadOnlyDictionary<string, Action<T, YamlMapper, YamlValue>> fields, Action<string, SourceLocation>? located = null)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (k, v) in map.Entries)
        {
            if (KeyText(k) is not { } key) continue;
            if (!seen.Add(key)) Error(k.At, $"duplicate key '{key}'");
            else if (fields.TryGetValue(key, out var read))
            {
                located?.Invoke(key, k.At);
                read(target, this, v);
            }
            else Error(k.At, $"unknown key '{key}'", DidYouMean.Hint(key, fields.Keys));
        }
    }

    /// <summary>A key as text; a list or mapping written as a key is reported.</summary>
    private string? KeyText(YamlValue key)
    {
        if (key is YamlScalar s) return s.Text;
        Error(key.At, $"a key must be text, not {Describe(key)}");
        return null;
    }

    /// <summary>Reports `'key' must be EXPECTED, not WHAT-WAS-WRITTEN` at the value.</summary>
    public T? Wrong<T>(YamlValue value, string key, string expected)
    {
        Error(value.At, $"'{key}' must be {expected}, not {Describe(value)}");
        return default;
    }

    private string? Wrong(YamlValue value, string key, string expected) => Wrong<string>(value, key, expected);

    /// <summary>What was written, in YAML's terms: `a list`, `a mapping`, `empty`, or the text itself (shortened).</summary>
    public static string Describe(YamlValue value) => value switch
    {
        YamlSequence => "a list",
        YamlMapping => "a mapping",
        YamlScalar { IsNull: true } => "empty",
        YamlScalar s => $"'{Shorten(s.Text)}'",
        _ => "this value",
    };

    private static string Shorten(string text)
    {
        var newline = text.IndexOf('\n');
        var line = newline < 0 ? text : text[..newline];
        return line.Length > 40 ? line[..40] + "…" : newline < 0 ? line : line + "…";
    }
}
