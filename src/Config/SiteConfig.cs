using SiteGen.Diagnostics;

namespace SiteGen.Config;

/// <summary>The typed form of site.yml (read by <see cref="SiteConfigMapper"/>, which names the properties in snake_case).</summary>
public sealed class SiteConfig
{
    /// <summary>Absolute URL the site is published at; only used where a standard needs absolute URLs.</summary>
    public string? BaseUrl { get; set; }
    /// <summary>Key of the source language: the one translations are made from, listed first on the landing page.</summary>
    public string DefaultLanguage { get; set; } = "";
    /// <summary>Raw HTML in Markdown is escaped unless this is true (as in Hugo's `unsafe`).</summary>
    public bool AllowRawHtml { get; set; }
    /// <summary>
    /// Side-by-side views (`&lt;page&gt;/bilingual/`) for every translated page, when the theme has the layout; false
    /// turns them off, as a Hugo site drops an output format.
    /// </summary>
    public bool SideBySide { get; set; } = true;
    /// <summary>
    /// A search page per language (`&lt;prefix&gt;/search/`) and its index, when the theme has `layouts/search.html`;
    /// false turns them off.
    /// </summary>
    public bool Search { get; set; } = true;
    public List<LanguageConfig> Languages { get; set; } = new();
    /// <summary>Main navigation: content paths relative to a language folder (`quotes.md`), in order.</summary>
    public List<string> Menu { get; set; } = new();

    /// <summary>
    /// Where each key and list item was written, by path: `languages`, `languages[1]`, `languages[1].prefix`, `menu[0]`.
    /// </summary>
    public Dictionary<string, SourceLocation> Locations { get; } = new(StringComparer.Ordinal);

    /// <summary>Where <paramref name="path"/> was written, else the nearest enclosing key or item that was, else the file.</summary>
    public SourceLocation At(string path)
    {
        while (true)
        {
            if (Locations.TryGetValue(path, out var at)) return at;
            var cut = path.LastIndexOfAny(['.', '[']);
            if (cut <= 0) return new SourceLocation(SiteConfigLoader.FileName, 1, 1);
            path = path[..cut];
        }
    }

    public LanguageConfig Default => Languages.First(l => l.Key == DefaultLanguage);
    public LanguageConfig? Find(string key) => Languages.FirstOrDefault(l => l.Key == key);
}

public sealed class LanguageConfig
{
    /// <summary>Folder name under content/.</summary>
    public string Key { get; set; } = "";
    /// <summary>BCP 47 tag for `lang` and hreflang; defaults to the key.</summary>
    public string? Tag { get; set; }
    /// <summary>The language's name in itself ("English", "繁體中文").</summary>
    public string Name { get; set; } = "";
    /// <summary>First URL segment of every page in this language.</summary>
    public string Prefix { get; set; } = "";
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    /// <summary>.NET date format for page dates, e.g. "yyyy年M月d日" or "d MMMM yyyy".</summary>
    public string DateFormat { get; set; } = "yyyy-MM-dd";
    /// <summary>UI strings, looked up in templates with `t "key"`.</summary>
    public Dictionary<string, string> Strings { get; set; } = new();

    public string LangTag => string.IsNullOrEmpty(Tag) ? Key : Tag;
}
