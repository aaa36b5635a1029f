using SiteGen.Config;
using SiteGen.Diagnostics;

namespace SiteGen.Content;

/// <summary>
/// Every page's URL, section order and translations, known before anything renders (Zola's rule), so links,
/// previous/next and language switchers can point at any page.
/// </summary>
public sealed class SiteIndex
{
    public SiteConfig Config { get; }
    public IReadOnlyList<Page> Pages { get; }
    public IReadOnlyList<ContentAsset> Assets { get; }
    private readonly Dictionary<string, Page> _bySource;
    private readonly Dictionary<string, ContentAsset> _assetsBySource;
    private readonly Dictionary<(string Lang, string Section), List<Page>> _sections = new();
    private readonly Dictionary<Page, Dictionary<string, Page>> _translations = new();
    private readonly Dictionary<Page, (Page? Prev, Page? Next)> _neighbours = new();
    private static readonly Dictionary<string, Page> NoTranslations = new();

    /// <summary>
    /// Source paths of pages that exist but failed to load: known but broken. Their errors are already reported, so what
    /// refers to them (links, menu entries, translations, templates' `get_page`) reports nothing more.
    /// </summary>
    public IReadOnlySet<string> Unloadable { get; }

    public SiteIndex(SiteConfig config, IEnumerable<Page> pages, IEnumerable<ContentAsset> assets, DiagnosticBag bag, IReadOnlySet<string>? unloadable = null, bool strict = false)
    {
        Unloadable = unloadable ?? new HashSet<string>();
        Config = config;
        var sorted = pages.ToList();
        // By language in site.yml's order, then path. List.Sort, not OrderBy: in the JIT and ReadyToRun builds, LINQ's
        // sorting over value-type keys is compiled when the program runs (the native build compiles it ahead of time).
        sorted.Sort((a, b) =>
        {
            var byLanguage = config.Languages.IndexOf(a.Language).CompareTo(config.Languages.IndexOf(b.Language));
            return byLanguage != 0 ? byLanguage : string.CompareOrdinal(a.ContentPath, b.ContentPath);
        });
        Pages = sorted;
        Assets = assets.ToList();
        _bySource = Pages.ToDictionary(p => p.SourcePath, StringComparer.Ordinal);
        _assetsBySource = Assets.ToDictionary(a => a.SourcePath, StringComparer.Ordinal);
        ReportDuplicateUrls(bag);
        PairTranslations(bag, strict);
        OrderSections();
        CheckMenu(bag);
    }

    private void CheckMenu(DiagnosticBag bag)
    {
        for (var i = 0; i < Config.Menu.Count; i++)
            foreach (var lang in Config.Languages.Where(l => ByContentPath(l, Config.Menu[i]) is null && !Unloadable.Contains($"{ContentLoader.Folder}/{l.Key}/{Config.Menu[i]}")))
                bag.Error(Config.At($"menu[{i}]"), $"menu entry '{Config.Menu[i]}' has no page in {lang.Key}", $"expected {ContentLoader.Folder}/{lang.Key}/{Config.Menu[i]}");
    }

    /// <summary>Whether a page exists at this content path but failed to load (its errors are already reported).</summary>
    public bool IsBroken(LanguageConfig lang, string contentPath) => Unloadable.Contains($"{ContentLoader.Folder}/{lang.Key}/{contentPath}");

    /// <summary>The translation key of a page at <paramref name="sourcePath"/> (`content/en/themes/a.md` → `themes/a`) that sets none.</summary>
    public static string DefaultTranslationKey(string sourcePath)
    {
        var inLanguage = sourcePath[(sourcePath.IndexOf('/', ContentLoader.Folder.Length + 1) + 1)..];
        return inLanguage.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? inLanguage[..^3] : inLanguage;
    }

    /// <summary>The page's versions in the other languages, by language key, in site.yml's order of languages.</summary>
    public IReadOnlyDictionary<string, Page> Translations(Page page) => _translations.GetValueOrDefault(page, NoTranslations);

    /// <summary>The page before this one in its section's reading order (null for the first, and for pages outside sections).</summary>
    public Page? Prev(Page page) => _neighbours.GetValueOrDefault(page).Prev;
    public Page? Next(Page page) => _neighbours.GetValueOrDefault(page).Next;

    public Page? BySource(string sourcePath) => _bySource.GetValueOrDefault(sourcePath);
    public Page? ByContentPath(LanguageConfig lang, string contentPath) => BySource($"{ContentLoader.Folder}/{lang.Key}/{contentPath}");
    public ContentAsset? AssetBySource(string sourcePath) => _assetsBySource.GetValueOrDefault(sourcePath);
    public IEnumerable<Page> InLanguage(LanguageConfig lang) => Pages.Where(p => p.Language == lang);
    public Page? Home(LanguageConfig lang) => Pages.FirstOrDefault(p => p.Language == lang && p.Kind == PageKind.Home);

    /// <summary>The regular pages of a section in reading order.</summary>
    public IReadOnlyList<Page> Section(LanguageConfig lang, string section) =>
        _sections.TryGetValue((lang.Key, section), out var list) ? list : [];

    private void ReportDuplicateUrls(DiagnosticBag bag)
    {
        foreach (var group in Pages.GroupBy(p => p.Url).Where(g => g.Count() > 1))
        {
            var names = string.Join(" and ", group.Select(p => p.SourcePath));
            foreach (var p in group) bag.Error(new SourceLocation(p.SourcePath, 1, 1), $"pages {names} both write to /{group.Key}", "change one file's name or `slug`");
        }
    }

    private void PairTranslations(DiagnosticBag bag, bool strict)
    {
        foreach (var group in Pages.GroupBy(p => p.TranslationKey))
        {
            foreach (var clash in group.GroupBy(p => p.Language.Key).Where(g => g.Count() > 1))
                foreach (var p in clash)
                    bag.Error(p.At("translation_key"), $"translation key '{group.Key}' is used by {string.Join(" and ", clash.Select(x => x.SourcePath))}");
            var byLang = group.GroupBy(p => p.Language.Key).ToDictionary(g => g.Key, g => g.First());
            foreach (var page in group)
                foreach (var (lang, other) in byLang)
                    if (lang != page.Language.Key)
                    {
                        if (!_translations.TryGetValue(page, out var translations)) _translations[page] = translations = new();
                        translations[lang] = other;
                    }
            foreach (var page in group)
                foreach (var lang in Config.Languages.Where(l => l != page.Language && !byLang.ContainsKey(l.Key)
                             && !Unloadable.Contains($"{ContentLoader.Folder}/{l.Key}/{page.ContentPath}")))
                    bag.Add(new Diagnostic(strict ? Severity.Error : Severity.Warning, new SourceLocation(page.SourcePath), $"no {lang.Key} translation",
                        $"expected {ContentLoader.Folder}/{lang.Key}/{page.ContentPath} or a page with translation_key '{page.TranslationKey}'"));
        }
    }

    private void OrderSections()
    {
        foreach (var page in Pages.Where(p => p.Kind == PageKind.Regular))
        {
            var key = (page.Language.Key, page.Section);
            if (!_sections.TryGetValue(key, out var list)) _sections[key] = list = [];
            list.Add(page);
        }
        foreach (var ordered in _sections.Values)
        {
            ordered.Sort(ReadingOrder);
            for (var i = 0; i < ordered.Count; i++)
                _neighbours[ordered[i]] = (i > 0 ? ordered[i - 1] : null, i < ordered.Count - 1 ? ordered[i + 1] : null);
        }
    }

    /// <summary>Hugo's order: weight (unweighted last), then date (undated first), then path for a stable tie-break.</summary>
    private static int ReadingOrder(Page a, Page b)
    {
        if ((a.Meta.Weight is null) != (b.Meta.Weight is null)) return a.Meta.Weight is null ? 1 : -1;
        if (a.Meta.Weight != b.Meta.Weight) return a.Meta.Weight!.Value.CompareTo(b.Meta.Weight!.Value);
        if (a.Date != b.Date) return a.Date is null ? -1 : b.Date is null ? 1 : a.Date.Value.CompareTo(b.Date.Value);
        return string.CompareOrdinal(a.ContentPath, b.ContentPath);
    }
}
