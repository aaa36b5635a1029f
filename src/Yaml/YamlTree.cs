using SiteGen.Diagnostics;

namespace SiteGen.Yaml;

/// <summary>A YAML value where the author wrote it. Aliases are resolved to the node they name (the same object).</summary>
public abstract class YamlValue(SourceLocation at)
{
    public SourceLocation At { get; } = at;

    /// <summary>How many values this one stands for with every alias inside it expanded (itself included).</summary>
    public long ExpandedSize { get; protected set; } = 1;
}

public sealed class YamlScalar(SourceLocation at, string text, bool plain) : YamlValue(at)
{
    public string Text { get; } = text;
    /// <summary>Written without quotes or block indicators: only such scalars can mean "nothing" (`~`, `null`, empty).</summary>
    public bool Plain { get; } = plain;

    public bool IsNull => Plain && Text is "" or "~" or "null" or "Null" or "NULL";
}

public sealed class YamlSequence(SourceLocation at) : YamlValue(at)
{
    public List<YamlValue> Items { get; } = [];

    internal void Add(YamlValue item)
    {
        Items.Add(item);
        ExpandedSize += item.ExpandedSize;
    }
}

public sealed class YamlMapping(SourceLocation at) : YamlValue(at)
{
    public List<(YamlValue Key, YamlValue Value)> Entries { get; } = [];

    internal void Add(YamlValue key, YamlValue value)
    {
        Entries.Add((key, value));
        ExpandedSize += key.ExpandedSize + value.ExpandedSize;
    }
}
