using System.Globalization;
using Scriban.Runtime;
using SiteGen.Config;
using SiteGen.Content;

namespace SiteGen.Templates;

/// <summary>
/// Builds, once per build and before rendering, the read-only objects templates see for every page and language.
/// Pages point at each other (previous, next, translations), so all are created first and linked after. Read-only for
/// real: pages render in parallel and share these objects, so a template that assigned to one would change what other
/// pages show, depending on the order threads ran in.
/// </summary>
public sealed class PageModelBuilder
{
    private readonly Dictionary<Page, ScriptObject> _pages = new();
    private readonly Dictionary<string, ScriptObject> _languages = new();
    private readonly Dictionary<string, ScriptArray> _menus = new();
    private readonly ScriptArray _allLanguages;
    private readonly SiteIndex _index;

    /// <param name="toc">A page's table of contents (see <see cref="PageModel"/>).</param>
    /// <param name="bilingualViews">Whether the theme has a side-by-side layout, so pages get a `bilingual_url`.</param>
    /// <param name="parallelism">Models are made on every core (20,000 pages: a tenth of a second on one).</param>
    public PageModelBuilder(SiteIndex index, Func<Page, IReadOnlyList<TocEntry>> toc, bool bilingualViews = false, ParallelOptions? parallelism = null)
    {
        _index = index;
        var pages = index.Pages;
        var summaries = new ScriptObject[pages.Count];
        Parallel.For(0, pages.Count, parallelism ?? new ParallelOptions(), i => summaries[i] = Summary(pages[i], toc));
        for (var i = 0; i < pages.Count; i++) _pages[pages[i]] = summaries[i];
        foreach (var lang in index.Config.Languages) _languages[lang.Key] = Language(lang);
        // Each model gets its own links; the dictionary is only read from here on.
        Parallel.For(0, pages.Count, parallelism ?? new ParallelOptions(), i =>
        {
            var page = pages[i];
            var model = summaries[i];
            var (prev, next) = (index.Prev(page), index.Next(page));
            model["prev"] = prev is null ? null : _pages[prev];
            model["next"] = next is null ? null : _pages[next];
            var pageTranslations = index.Translations(page);
            var translations = new ScriptArray();
            foreach (var lang in index.Config.Languages)
                if (pageTranslations.TryGetValue(lang.Key, out var t)) translations.Add(_pages[t]);
            model["translations"] = translations;
            var defaultVersion = page.Language.Key == index.Config.DefaultLanguage ? page : pageTranslations.GetValueOrDefault(index.Config.DefaultLanguage);
            model["x_default"] = _pages[defaultVersion ?? page];
            model["bilingual_url"] = bilingualViews && pageTranslations.Count > 0 ? BilingualUrl(page) : null;
            translations.IsReadOnly = true;
            model.IsReadOnly = true;
        });
        foreach (var language in _languages.Values) language.IsReadOnly = true;
        _allLanguages = ModelConverter.ReadOnly(new ScriptArray(index.Config.Languages.Select(Of)));
        foreach (var lang in index.Config.Languages)
            _menus[lang.Key] = ModelConverter.ReadOnly(new ScriptArray(index.Config.Menu.Select(path => index.ByContentPath(lang, path)).Where(p => p is not null).Select(p => Of(p!))));
    }

    public ScriptObject Of(Page page) => _pages[page];
    public static string BilingualUrl(Page page) => page.Url + "bilingual/";
    public ScriptObject Of(LanguageConfig lang) => _languages[lang.Key];
    public ScriptArray Languages() => _allLanguages;

    public ScriptArray SectionPages(LanguageConfig lang, string section) => ModelConverter.ReadOnly(new ScriptArray(_index.Section(lang, section).Select(Of)));
    public ScriptArray Menu(LanguageConfig lang) => _menus[lang.Key];

    /// <summary>Whether a page exists there but failed to load (see <see cref="SiteIndex.Unloadable"/>).</summary>
    public bool IsBroken(LanguageConfig lang, string contentPath) => _index.IsBroken(lang, contentPath);
    public ScriptObject? Find(LanguageConfig lang, string contentPath) => _index.ByContentPath(lang, contentPath) is { } p ? Of(p) : null;
    public ScriptObject? TranslationIn(ScriptObject page, string langKey) =>
        ((ScriptArray)page["translations"]!).Cast<ScriptObject>().FirstOrDefault(t => (string?)t["lang"] == langKey);

    private static ScriptObject Summary(Page page, Func<Page, IReadOnlyList<TocEntry>> toc)
    {
        var lang = page.Language;
        return new PageModel(page, toc)
        {
            ["title"] = page.Title,
            ["description"] = page.Meta.Description ?? "",
            ["date"] = page.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["date_display"] = page.Date is { } date ? DateCulture.Format(date, lang) : null,
            ["url"] = page.Url,
            ["kind"] = page.Kind.ToString().ToLowerInvariant(),
            ["is_home"] = page.Kind == PageKind.Home,
            ["section"] = page.Section,
            ["weight"] = page.Meta.Weight,
            ["source"] = page.SourcePath,
            ["lang"] = lang.Key,
            ["lang_tag"] = lang.LangTag,
            ["lang_name"] = lang.Name,
            ["data"] = ModelConverter.ToScript(page.Meta.Data),
            ["layout"] = page.Meta.Layout,
        };
    }

    private static ScriptObject StringsOf(LanguageConfig lang)
    {
        var strings = new ScriptObject();
        foreach (var key in lang.Strings.Keys.Order(StringComparer.Ordinal)) strings[key] = lang.Strings[key];
        return ModelConverter.ReadOnly(strings);
    }

    private ScriptObject Language(LanguageConfig lang)
    {
        var home = _index.Home(lang);
        return new ScriptObject
        {
            ["key"] = lang.Key,
            ["tag"] = lang.LangTag,
            ["name"] = lang.Name,
            ["prefix"] = lang.Prefix,
            ["title"] = lang.Title,
            ["description"] = lang.Description,
            ["url"] = lang.Prefix + "/",
            ["home"] = home is null ? null : _pages[home],
            ["is_default"] = lang.Key == _index.Config.DefaultLanguage,
            ["strings"] = StringsOf(lang),
        };
    }
}
