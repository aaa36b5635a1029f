using System.Collections.Concurrent;

namespace SiteGen.Checks;

/// <summary>One copy of each distinct string, looked up by the tokenizer's span so a repeat allocates nothing.</summary>
public sealed class StringPool
{
    private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    public StringPool() => _bySpan = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Get(ReadOnlySpan<char> text)
    {
        if (_bySpan.TryGetValue(text, out var known)) return known;
        var s = text.ToString();
        return _strings.GetOrAdd(s, s);
    }
}
