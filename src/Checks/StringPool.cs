namespace SiteGen.Checks;

/// <summary>
/// One copy of each distinct string per thread, looked up by the tokenizer's span so a repeat allocates nothing. Per
/// thread because a plain dictionary answers faster than a concurrent one; a string is then kept at most once per core.
/// </summary>
public sealed class StringPool
{
    private readonly ThreadLocal<Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>>> _bySpan =
        new(() => new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>());

    public string Get(ReadOnlySpan<char> text)
    {
        var strings = _bySpan.Value;
        if (strings.TryGetValue(text, out var known)) return known;
        var s = text.ToString();
        strings.Dictionary.Add(s, s);
        return s;
    }
}
