using Scriban.Runtime;
using SiteGen.Config;
using SiteGen.Content;
using SiteGen.Diagnostics;
using SiteGen.Markdown;
using SiteGen.Output;
using SiteGen.Templates;

namespace SiteGen.Search;

/// <summary>
/// The search index and pages. While translation groups render, each group's pages are read into the index (their
/// syntax trees are still there) and the group's result file is written; after rendering, the shards go out and each
/// language gets its search page at `&lt;prefix&gt;/search/`, emitted like any page so its links are checked.
/// </summary>
public sealed class SearchStage
{
    public const string Layout = "layouts/search.html";
    /// <summary>
    /// A page with more different terms than this is not text a reader searches (a data dump, an encoded blob) and would
    /// swell every shard: it is reported instead. A long Chinese article has a few thousand.
    /// </summary>
    public const int MaxTermsPerPage = 50_000;

    private readonly SiteIndex _index;
    private readonly OutputTree _tree;
    private readonly DiagnosticBag _bag;
    private readonly Dictionary<string, int> _groups;
    private readonly IndexBuilder _builder = new();

    /// <summary>On when the site has not turned it off and the theme has a search page.</summary>
    public static bool Enabled(SiteConfig config, TemplateStore templates) => config.Search && templates.Has(Layout);

    public static string PageUrl(LanguageConfig lang) => lang.Prefix + "/search/";

    public SearchStage(SiteIndex index, OutputTree tree, DiagnosticBag bag)
    {
        (_index, _tree, _bag) = (index, tree, bag);
        // Group numbers by translation key, in ordinal order: page ids do not depend on the order groups render in.
        _groups = index.Pages.Select(p => p.TranslationKey).Distinct().Order(StringComparer.Ordinal)
            .Select((key, i) => (key, i)).ToDictionary(g => g.key, g => g.i, StringComparer.Ordinal);
    }

    private int Languages => _index.Config.Languages.Count;

    /// <summary>Called on the rendering thread once a group's pages are rendered, while their syntax trees are still held.</summary>
    public void GroupRendered(IReadOnlyList<RenderedPage> group)
    {
        if (group.Count == 0) return;
        var groupId = _groups[group[0].Page.TranslationKey];
        var slots = new SearchDocument?[Languages];
        foreach (var (page, _, document, _) in group)
        {
            var lang = _index.Config.Languages.IndexOf(page.Language);
            if (document is not { } doc || lang < 0 || slots[lang] is not null) continue;
            var counts = _builder.Counts;
            var extracted = DocumentExtractor.Extract(groupId * Languages + lang, page, doc, SectionTitle(page), counts);
            var terms = counts.Count;
            if (terms > MaxTermsPerPage)
            {
                counts.Clear();
                _bag.Error(new SourceLocation(page.SourcePath),
                    $"this page has {terms:N0} different words and character pairs, more than search can index in one page ({MaxTermsPerPage:N0}); split it into smaller pages, or set `search: false` in site.yml");
                continue;
            }
            slots[lang] = extracted;
            _builder.Add(extracted.Id);
        }
        if (slots.Any(s => s is not null)) ShardWriter.Group(_tree, groupId, slots);
    }

    private string SectionTitle(Page page) =>
        page.Section == "" ? "" : _index.ByContentPath(page.Language, page.Section + "/_index.md")?.Title ?? "";

    /// <summary>Writes the shards and renders the search pages.</summary>
    /// <returns>false if a search page failed to render (reported).</returns>
    public bool Finish(TemplateRenderer renderer, RenderStage render, ParallelOptions parallelism)
    {
        WriteIndex(parallelism);
        var ok = true;
        var models = _index.Config.Languages.ToDictionary(l => l.Key, Model);
        foreach (var lang in _index.Config.Languages)
        {
            var model = models[lang.Key];
            model["translations"] = new ScriptArray(_index.Config.Languages.Where(l => l != lang).Select(l => models[l.Key]));
            model["x_default"] = models[_index.Config.DefaultLanguage];
        }
        foreach (var lang in _index.Config.Languages)
        {
            var html = renderer.RenderGenerated(Layout, models[lang.Key], lang, $"{TemplateStore.Folder}/{Layout}");
            if (html is null) ok = false;
            else if (!render.Emit(PageUrl(lang) + "index.html", html))
                _bag.Error(new SourceLocation($"{TemplateStore.Folder}/{Layout}"), $"the search page /{PageUrl(lang)} clashes with a page of the site");
        }
        return ok;
    }

    /// <summary>The shards and `index.json`, once every group is in.</summary>
    public void WriteIndex(ParallelOptions parallelism)
    {
        var terms = _builder.Build(parallelism, ShardWriter.Encode);
        var characters = terms.Where(t => t.Term.Length == 1 && !char.IsSurrogate(t.Term[0]) && HanScript.Is(new System.Text.Rune(t.Term[0]))).Select(t => t.Term[0]).ToHashSet();
        var fold = SimplifiedFolding.For(characters.Contains);
        var phrases = TaiwanPhrases.For(phrase => Tokenizer.Query(phrase).All(term => Holds(terms, term)));
        ShardWriter.Write(_tree, terms, _builder.DocumentCount, _index.Config.Languages.Select(l => l.LangTag).ToList(), fold, phrases);
    }

    /// <summary>Whether a term is in the index's terms (in ordinal order).</summary>
    private static bool Holds(List<(string Term, byte[] Postings)> terms, string term)
    {
        int lo = 0, hi = terms.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            var c = string.CompareOrdinal(terms[mid].Term, term);
            if (c == 0) return true;
            if (c < 0) lo = mid + 1;
            else hi = mid - 1;
        }
        return false;
    }

    /// <summary>The search page as templates see a page: the same keys as a content page's, so the base layout and its partials work unchanged.</summary>
    private ScriptObject Model(LanguageConfig lang) => new()
    {
        ["title"] = lang.Strings.GetValueOrDefault("search.title", "Search"),
        ["description"] = "",
        ["date"] = null,
        ["date_display"] = null,
        ["url"] = PageUrl(lang),
        ["kind"] = "search",
        ["is_home"] = false,
        ["section"] = "search",
        ["weight"] = null,
        ["source"] = $"{TemplateStore.Folder}/{Layout}",
        ["lang"] = lang.Key,
        ["lang_tag"] = lang.LangTag,
        ["lang_name"] = lang.Name,
        ["data"] = null,
        ["layout"] = "search",
        ["prev"] = null,
        ["next"] = null,
        ["bilingual_url"] = null,
        ["toc"] = new ScriptArray(),
        ["index_url"] = ShardWriter.Folder,
        ["lang_index"] = _index.Config.Languages.IndexOf(lang),
    };
}
