using System.Collections.Concurrent;
using Markdig.Syntax;
using SiteGen.Content;
using SiteGen.Diagnostics;
using SiteGen.Incremental;
using SiteGen.Markdown;
using SiteGen.Output;
using SiteGen.Parity;
using SiteGen.Templates;

namespace SiteGen;

/// <summary>
/// Stage 5: every page's Markdown rendered into its layout, and the side-by-side views, into the output tree.
/// With a <see cref="RenderCache"/> (serve), a page whose inputs did not change is taken from the last build.
/// </summary>
public sealed class RenderStage(SiteIndex index, MarkdownStage markdown, TemplateRenderer renderer, OutputTree tree, DiagnosticBag bag, BuildOptions options)
{
    private readonly RenderCache? _cache = options.Cache;
    private readonly string _siteKey = options.Cache is null ? "" : RenderCache.SiteKey(options.Root, index, options);
    // Each page appears in two views (its own and its counterpart's): parsed once for both.
    private readonly ConcurrentDictionary<Page, Lazy<MarkdownDocument>> _viewCopies = new();

    /// <returns>how many pages could not be rendered (their problems are reported).</returns>
    public int Pages()
    {
        var failed = 0;
        _cache?.ResetCounters();
        Parallel.ForEach(index.Pages, options.Parallelism, page =>
        {
            var key = Key(page.Body);
            var html = _cache?.TryReuse(page, page.OutputPath, key);
            // A page whose links were reported is rendered again next time, so its errors are reported again.
            if (html is null && markdown.Render(page, index, bag) is { } body && (html = renderer.RenderPage(page, body)) is not null
                && page.ReportedLinks.Count == 0)
                _cache?.Store(page, page.OutputPath, key, html);
            // Two pages with one URL were reported by the index; the first keeps the slot.
            if (html is not null) tree.Add(page.OutputPath, html);
            else Interlocked.Increment(ref failed);
        });
        return failed;
    }

    public void BilingualViews()
    {
        Parallel.ForEach(index.Pages.Where(p => p.Translations.Count > 0 && p.Document is not null), options.Parallelism, page =>
        {
            var path = PageModelBuilder.BilingualUrl(page) + "index.html";
            var other = Counterpart(page);
            var key = Key(page.Body + "\0" + other.Body);
            var html = _cache?.TryReuse(null, path, key);
            if (html is null && (html = BilingualView(page, other)) is not null) _cache?.Store(null, path, key, html);
            if (html is not null && !tree.Add(path, html))
                bag.Error(new SourceLocation(page.SourcePath), $"the side-by-side view /{PageModelBuilder.BilingualUrl(page)} clashes with another page");
        });
        _viewCopies.Clear(); // thousands of syntax trees: let them go before the link check
    }

    private MarkdownDocument ViewCopy(Page page) =>
        _viewCopies.GetOrAdd(page, p => new Lazy<MarkdownDocument>(() => markdown.ParseViewCopy(p))).Value;

    private string Key(string text) => _cache is null ? "" : RenderCache.Hash(_siteKey + "\0" + text);

    /// <summary>A page's source-language version (or, for a source page, its first translation).</summary>
    private Page Counterpart(Page page) =>
        page.Translations.GetValueOrDefault(index.Config.DefaultLanguage) ?? page.Translations.Values.First();

    private string? BilingualView(Page page, Page other)
    {
        if (other.Document is null) return null;
        var viewUrl = PageModelBuilder.BilingualUrl(page);
        var alignment = BilingualAligner.Align(ViewCopy(page), ViewCopy(other));
        var own = markdown.RenderBlockGroups(page, alignment.Rows.Select(r => r.Own), viewUrl, index);
        var theirs = markdown.RenderBlockGroups(other, alignment.Rows.Select(r => r.Other), viewUrl, index);
        return renderer.RenderBilingual(page, other, viewUrl, alignment.Mode, own.Zip(theirs).ToList());
    }
}
