using SiteGen.Diagnostics;
using SiteGen.Yaml;

namespace SiteGen.Config;

/// <summary>Reads site.yml's located values into <see cref="SiteConfig"/>, recording where every key and list item was written.</summary>
public static class SiteConfigMapper
{
    private static readonly Dictionary<string, Action<SiteConfig, YamlMapper, YamlValue>> SiteFields = new(StringComparer.Ordinal)
    {
        ["base_url"] = (c, m, v) => c.BaseUrl = m.Text(v, "base_url"),
        ["default_language"] = (c, m, v) => c.DefaultLanguage = m.Text(v, "default_language") ?? "",
        ["allow_raw_html"] = (c, m, v) => c.AllowRawHtml = m.Boolean(v, "allow_raw_html") ?? false,
        ["side_by_side"] = (c, m, v) => c.SideBySide = m.Boolean(v, "side_by_side") ?? true,
        ["search"] = (c, m, v) => c.Search = m.Boolean(v, "search") ?? true,
        ["languages"] = (c, m, v) => c.Languages = m.List(v, "languages", (item, i) => Language(c, m, item, i)) ?? [],
        ["menu"] = (c, m, v) => c.Menu = m.List(v, "menu", (item, i) => MenuEntry(c, m, item, i)) ?? [],
    };

    private static readonly Dictionary<string, Action<LanguageConfig, YamlMapper, YamlValue>> LanguageFields = new(StringComparer.Ordinal)
    {
        ["key"] = (l, m, v) => l.Key = m.Text(v, "key") ?? "",
        ["tag"] = (l, m, v) => l.Tag = m.Text(v, "tag"),
        ["name"] = (l, m, v) => l.Name = m.Text(v, "name") ?? "",
        ["prefix"] = (l, m, v) => l.Prefix = m.Text(v, "prefix") ?? "",
        ["title"] = (l, m, v) => l.Title = m.Text(v, "title") ?? "",
        ["description"] = (l, m, v) => l.Description = m.Text(v, "description") ?? "",
        ["date_format"] = (l, m, v) => l.DateFormat = m.Text(v, "date_format") ?? l.DateFormat,
        ["strings"] = (l, m, v) => l.Strings = m.TextMap(v, "strings") ?? [],
    };

    /// <returns>null if anything was wrong (reported, all together).</returns>
    public static SiteConfig? Read(string yaml, string path, DiagnosticBag bag)
    {
        if (!YamlReader.TryRead(yaml, path, 1, bag, out var root)) return null;
        var config = new SiteConfig();
        if (root is null or YamlScalar { IsNull: true }) return config;
        if (root is not YamlMapping map)
        {
            bag.Error(root.At, "expected a mapping of `key: value` lines");
            return null;
        }
        var mapper = new YamlMapper(bag);
        mapper.Fields(map, config, SiteFields, (key, at) => config.Locations[key] = at);
        return mapper.Failed ? null : config;
    }

    private static LanguageConfig? Language(SiteConfig c, YamlMapper m, YamlValue item, int index)
    {
        var path = $"languages[{index}]";
        c.Locations[path] = item.At;
        if (item is not YamlMapping map)
        {
            m.Error(item.At, $"each entry of 'languages' must be a mapping of `key: value` lines, not {YamlMapper.Describe(item)}");
            return null;
        }
        var language = new LanguageConfig();
        m.Fields(map, language, LanguageFields, (key, at) => c.Locations[$"{path}.{key}"] = at);
        return language;
    }

    private static string? MenuEntry(SiteConfig c, YamlMapper m, YamlValue item, int index)
    {
        c.Locations[$"menu[{index}]"] = item.At;
        if (item is YamlScalar { IsNull: false } s) return s.Text;
        m.Error(item.At, $"each entry of 'menu' must be a content path such as `about.md`, not {YamlMapper.Describe(item)}");
        return null;
    }
}
