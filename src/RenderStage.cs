using System.Collections.Concurrent;
using System.Diagnostics;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using SiteGen.Checks;
using SiteGen.Content;
using SiteGen.Diagnostics;
using SiteGen.Incremental;
using SiteGen.Markdown;
using SiteGen.Output;
using SiteGen.Parity;
using SiteGen.Templates;

namespace SiteGen;

/// <summary>
/// Stages 5–7, one translation group at a time (a page and its translations), groups in parallel: the pages' bodies
/// read, parsed and rendered into their layouts, then their side-by-side views, then the translations' parity with their
/// source; after which the group's bodies and syntax trees are let go. Every page goes to the output (on disk, in a
/// build) as soon as it is made, so memory holds one group per core instead of the whole site. What rendering learns of
/// a page is handed on, never written back to it: each group's <see cref="RenderedPage"/>s to the checks that read the
/// group's Markdown, and each page's <see cref="MarkdownLinks"/> in the stage's <see cref="Result"/>, for the link check.
/// With a <see cref="RenderCache"/> (serve), HTML whose inputs did not change is taken from the last build, and each
/// render notes what it read of other pages (<see cref="RenderReads"/>).
/// </summary>
public sealed class RenderStage(RenderStage.Inputs site, RenderStage.Outputs into, BuildOptions options)
{
    /// <summary>What the stage renders with: the site, its Markdown and templates, and the parity check run on each group.</summary>
    /// <param name="BilingualViews">Whether each translated page also gets its side-by-side view.</param>
    public sealed record Inputs(SiteIndex Index, MarkdownStage Markdown, TemplateRenderer Renderer, ParityChecker Parity, bool BilingualViews);

    /// <summary>Where what it makes and finds goes: the output, the link scan of each page written (none when links are not checked), the problems.</summary>
    public sealed record Outputs(OutputTree Tree, LinkChecker? Links, DiagnosticBag Bag);

    /// <summary>What the stage hands on.</summary>
    /// <param name="Failed">How many pages could not be rendered (their problems are reported).</param>
    /// <param name="MarkdownLinks">What each page's Markdown said of its links, by output path; pages with none are left out.</param>
    public sealed record Result(int Failed, IReadOnlyDictionary<string, MarkdownLinks> MarkdownLinks);

    private readonly RenderCache? _cache = options.Cache;
    private readonly RenderKeys? _keys = options.Cache is { } cache
        // serve holds every page's body: there is nothing to report in reading one
        ? new RenderKeys(cache, RenderCache.SiteKey(options.Root, site.Index, options), site.Index, p => site.Markdown.Body(p, new DiagnosticBag()) ?? "", site.Markdown.TocOf)
        : null;
    private readonly ConcurrentDictionary<string, MarkdownLinks> _links = new(StringComparer.Ordinal);
    private long _renderTicks, _viewTicks, _parityTicks;
    private int _failed;

    /// <summary>Told of each translation group once its pages are rendered, while their syntax trees are still held (the search index).</summary>
    public Action<IReadOnlyList<RenderedPage>>? GroupRendered { get; init; }

    /// <summary>The translation keys of the groups to render; all when null.</summary>
    public IReadOnlySet<string>? Only { get; init; }

    /// <summary>Time spent in each part, summed over threads, for `--verbose`.</summary>
    public IEnumerable<(string Part, double Ms)> Busy =>
        [("parse + pages", Ms(_renderTicks)), ("side-by-side", Ms(_viewTicks)), ("parity", Ms(_parityTicks))];

    public Result Run()
    {
        _cache?.Begin();
        var groups = site.Index.Pages.GroupBy(p => p.TranslationKey).Where(g => Only is null || Only.Contains(g.Key)).Select(g => g.ToList()).ToList();
        Parallel.ForEach(groups, options.Parallelism, group =>
        {
            var start = Stopwatch.GetTimestamp();
            // Bodies and syntax trees live in this list only, and go with it when the group is done.
            var rendered = new List<RenderedPage>(group.Count);
            // A page whose file can no longer be read is left unparsed (reported), so it fails to render like a page Markdig refused.
            foreach (var page in group)
                rendered.Add(site.Markdown.Body(page, into.Bag) is { } body
                    ? new RenderedPage(page, body, site.Markdown.Parse(page, body, into.Bag), MarkdownLinks.None)
                    : new RenderedPage(page, null, null, MarkdownLinks.None));
            for (var i = 0; i < rendered.Count; i++) rendered[i] = Page(rendered[i]);
            GroupRendered?.Invoke(rendered);
            var pagesDone = Stopwatch.GetTimestamp();
            if (site.BilingualViews)
            {
                foreach (var page in rendered) StripIds(page.Document);
                foreach (var page in rendered.Where(p => site.Index.Translations(p.Page).Count > 0 && p.Document is not null)) View(page, rendered);
            }
            var viewed = Stopwatch.GetTimestamp();
            foreach (var page in rendered) site.Parity.Check(page, rendered); // source pages against their translations
            Interlocked.Add(ref _renderTicks, pagesDone - start);
            Interlocked.Add(ref _viewTicks, viewed - pagesDone);
            Interlocked.Add(ref _parityTicks, Stopwatch.GetTimestamp() - viewed);
        });
        return new Result(_failed, _links);
    }

    /// <summary>Into the output (on disk at once in a build), scanned for the link check first.</summary>
    /// <returns>false if the path was taken.</returns>
    /// <param name="writes">Where the templates' text went in it, if it was just rendered.</param>
    public bool Emit(string path, string html, TemplateWrites? writes = null) => Emit(path, html.AsMemory(), writes);

    /// <summary>A page just rendered from templates, with where their text went in it.</summary>
    public bool Emit(string path, RenderedTemplate page) => Emit(path, page.Html.AsMemory(), page.Writes);

    private bool Emit(string path, ReadOnlyMemory<char> html, TemplateWrites? writes)
    {
        if (!into.Tree.Add(path, html.Span)) return false;
        into.Links?.Scan(path, html, writes);
        return true;
    }

    /// <returns>the page with what rendering found of its links; without its syntax tree if Markdig refused to render it.</returns>
    private RenderedPage Page(RenderedPage parsed)
    {
        var page = parsed.Page;
        var key = _keys?.Of(page) ?? "";
        if (_cache?.TryReuse(page.OutputPath, key, _keys!.Unchanged) is { } kept)
        {
            // From the cache: the side-by-side view still needs the syntax tree's links resolved.
            if (site.BilingualViews && parsed.Document is { } doc) new LinkResolver(site.Index, null).Resolve(page, doc);
            Keep(page, kept.Links);
            Emit(page.OutputPath, kept.Html);
            return parsed with { Links = kept.Links };
        }
        MarkdownHtml? body = null;
        var (html, reads) = Noting(() => parsed.Document is { } doc && (body = site.Markdown.Render(page, doc, site.Index, into.Bag)) is not null
            ? site.Renderer.RenderPage(page, body.Html)
            : null);
        // Markdig refused to render the tree (reported): nothing after this reads it.
        var done = body is null ? parsed with { Document = null } : parsed with { Links = body.Links };
        if (html is null)
        {
            Interlocked.Increment(ref _failed);
            return done;
        }
        Keep(page, done.Links);
        // A page whose links were reported is rendered again next time, so its errors are reported again.
        if (_cache is not null && done.Links.Reported.Count == 0) _cache.Store(page.OutputPath, key, html.Html, reads, done.Links);
        // Two pages with one URL were reported by the index; the first keeps the slot.
        Emit(page.OutputPath, html);
        return done;
    }

    /// <summary>For the link check; two pages with one URL were reported by the index, and the link check does not run then.</summary>
    private void Keep(Page page, MarkdownLinks links)
    {
        if (!links.IsEmpty) _links.TryAdd(page.OutputPath, links);
    }

    private void View(RenderedPage page, IReadOnlyList<RenderedPage> group)
    {
        var path = PageModelBuilder.BilingualUrl(page.Page) + "index.html";
        var other = Counterpart(page.Page, group);
        var key = _keys?.OfView(page.Page, other.Page) ?? "";
        bool emitted;
        if (_cache?.TryReuse(path, key, _keys!.Unchanged) is { } kept) emitted = Emit(path, kept.Html);
        else if (Noting(() => BilingualView(page, other)) is ({ } html, var reads))
        {
            _cache?.Store(path, key, html.Html, reads, MarkdownLinks.None);
            emitted = Emit(path, html);
        }
        else return;
        if (!emitted) into.Bag.Error(new SourceLocation(page.Page.SourcePath), $"the side-by-side view /{PageModelBuilder.BilingualUrl(page.Page)} clashes with another page");
    }

    /// <summary>
    /// A side-by-side view shows two languages on one page, and its in-page links point at the normal pages: the
    /// pages' own ids are left out of it. Done once both pages of the group are rendered, so it costs no second parse.
    /// </summary>
    private static void StripIds(MarkdownDocument? doc)
    {
        if (doc is null) return;
        foreach (var obj in doc.Descendants())
            if (obj.TryGetAttributes() is { } attributes) attributes.Id = null;
    }

    /// <summary>Renders; with a cache, also what the render read of other pages. Nothing is noted or hashed in a build.</summary>
    private (T? Result, IReadOnlyList<RenderCache.TocRead> Reads) Noting<T>(Func<T?> render) where T : class
    {
        if (_keys is null) return (render(), []);
        using var recording = RenderReads.Record();
        var result = render();
        return (result, result is null ? [] : _keys.Reads(recording));
    }

    /// <summary>A page's source-language version (or, for a source page, its first translation), as rendered in its group.</summary>
    private RenderedPage Counterpart(Page page, IReadOnlyList<RenderedPage> group)
    {
        var translations = site.Index.Translations(page);
        var other = translations.GetValueOrDefault(site.Index.Config.DefaultLanguage) ?? translations.Values.First();
        foreach (var rendered in group)
            if (rendered.Page == other) return rendered;
        throw new InvalidOperationException($"{other.SourcePath} is not in the translation group of {page.SourcePath}");
    }

    private RenderedTemplate? BilingualView(RenderedPage page, RenderedPage other)
    {
        if (page.Document is not { } ownDoc || other.Document is not { } otherDoc) return null;
        var viewUrl = PageModelBuilder.BilingualUrl(page.Page);
        var alignment = BilingualAligner.Align(ownDoc, otherDoc);
        var own = site.Markdown.RenderBlockGroups(page.Page, alignment.Rows.Select(r => r.Own), viewUrl);
        var theirs = site.Markdown.RenderBlockGroups(other.Page, alignment.Rows.Select(r => r.Other), viewUrl);
        return site.Renderer.RenderBilingual(page.Page, other.Page, viewUrl, alignment.Mode, own.Zip(theirs).ToList());
    }

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
