using SiteGen.Diagnostics;
using SiteGen.Yaml;

namespace SiteGen.Content;

/// <summary>Reads a page's front matter into <see cref="FrontMatter"/>, key by key, each problem at its line and column.</summary>
public static class FrontMatterMapper
{
    /// <summary>Every key a page may set, and how its value is read. Anything else is an unknown key.</summary>
    private static readonly Dictionary<string, Action<FrontMatter, YamlMapper, YamlValue>> Fields = new(StringComparer.Ordinal)
    {
        ["title"] = (f, m, v) => f.Title = m.Text(v, "title"),
        ["description"] = (f, m, v) => f.Description = m.Text(v, "description"),
        ["date"] = (f, m, v) => f.Date = m.IsoDate(v, "date"),
        ["weight"] = (f, m, v) => f.Weight = m.WholeNumber(v, "weight"),
        ["slug"] = (f, m, v) => f.Slug = m.Text(v, "slug"),
        ["draft"] = (f, m, v) => f.Draft = m.Boolean(v, "draft") ?? false,
        ["layout"] = (f, m, v) => f.Layout = m.Text(v, "layout"),
        ["translation_key"] = (f, m, v) => f.TranslationKey = m.Text(v, "translation_key"),
        ["translated_from"] = (f, m, v) => f.TranslatedFrom = m.Text(v, "translated_from"),
        ["data"] = (f, m, v) => f.Data = m.Data(v),
    };

    /// <param name="firstLine">The 1-based file line of the YAML text's first line.</param>
    /// <returns>null if anything was wrong (reported, every problem of the page together).</returns>
    public static YamlResult<FrontMatter>? Read(string yaml, string path, int firstLine, DiagnosticBag bag)
    {
        if (!YamlReader.TryRead(yaml, path, firstLine, bag, out var root)) return null;
        var meta = new FrontMatter();
        var keys = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        if (root is null or YamlScalar { IsNull: true }) return new YamlResult<FrontMatter>(meta, keys);
        if (root is not YamlMapping map)
        {
            bag.Error(root.At, "expected a mapping of `key: value` lines");
            return null;
        }
        var mapper = new YamlMapper(bag);
        mapper.Fields(map, meta, Fields, (key, at) => keys[key] = at);
        return mapper.Failed ? null : new YamlResult<FrontMatter>(meta, keys);
    }
}
