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
/// build) as soon as it is made, so memory holds one group per core instead of the whole site. With a
/// <see cref="RenderCache"/> (serve), HTML whose inputs did not change is taken from the last build, and each render notes
/// what it read of other pages (<see cref="RenderReads"/>).
/// </summary>
public sealed class RenderStage(SiteIndex index, MarkdownStage markdown, TemplateRenderer renderer, OutputTree tree, LinkChecker? links,
    ParityChecker parity, bool bilingualViews, DiagnosticBag bag, BuildOptions options)
{
    private readonly RenderCache? _cache = options.Cache;
    private readonly RenderKeys? _keys = options.Cache is { } cache
        ? new RenderKeys(cache, RenderCache.SiteKey(options.Root, index, options), index, markdown.TocOf)
        : null;
    private long _renderTicks, _viewTicks, _parityTicks;
    private int _failed;

    /// <summary>Told of each translation group once its pages are rendered, while their syntax trees are still held (the search index).</summary>
    public Action<IReadOnlyList<Page>>? GroupRendered { get; init; }

    /// <summary>Time spent in each part, summed over threads, for `--verbose`.</summary>
    public IEnumerable<(string Part, double Ms)> Busy =>
        [("parse + pages", Ms(_renderTicks)), ("side-by-side", Ms(_viewTicks)), ("parity", Ms(_parityTicks))];

    /// <returns>how many pages could not be rendered (their problems are reported).</returns>
    public int Run()
    {
        _cache?.Begin();
        var groups = index.Pages.GroupBy(p => p.TranslationKey).Select(g => g.ToList()).ToList();
        Parallel.ForEach(groups, options.Parallelism, group =>
        {
            var start = Stopwatch.GetTimestamp();
            // A page whose file can no longer be read is left unparsed (reported), so it fails to render like a page Markdig refused.
            foreach (var page in group) if (page.KeepBody(bag)) markdown.Parse(page, bag);
            foreach (var page in group) Page(page);
            GroupRendered?.Invoke(group);
            var rendered = Stopwatch.GetTimestamp();
            if (bilingualViews)
            {
                foreach (var page in group) StripIds(page.Document);
                foreach (var page in group.Where(p => p.Translations.Count > 0 && p.Document is not null)) View(page);
            }
            var viewed = Stopwatch.GetTimestamp();
            foreach (var page in group) parity.Check(page); // source pages against their translations
            foreach (var page in group)
            {
                page.Document = null; // nothing reads this group's syntax trees any more,
                page.DropBody(); // nor its bodies
            }
            Interlocked.Add(ref _renderTicks, rendered - start);
            Interlocked.Add(ref _viewTicks, viewed - rendered);
            Interlocked.Add(ref _parityTicks, Stopwatch.GetTimestamp() - viewed);
        });
        return _failed;
    }

    /// <summary>Into the output (on disk at once in a build), scanned for the link check first.</summary>
    /// <returns>false if the path was taken.</returns>
    /// <param name="writes">Where the templates' text went in it, if it was just rendered on this thread.</param>
    public bool Emit(string path, string html, TemplateWrites? writes = null) => Emit(path, html.AsMemory(), writes);

    private bool Emit(string path, ReadOnlyMemory<char> html, TemplateWrites? writes)
    {
        if (!tree.Add(path, html.Span)) return false;
        links?.Scan(path, html, writes);
        return true;
    }

    private void Page(Page page)
    {
        var key = _keys?.Of(page) ?? "";
        if (_cache?.TryReuse(page, page.OutputPath, key, _keys!.Unchanged) is { } kept)
        {
            // From the cache: the side-by-side view still needs the syntax tree's links resolved.
            if (bilingualViews && page.Document is { } doc) new LinkResolver(index, null).Resolve(page, doc);
            Emit(page.OutputPath, kept);
            return;
        }
        var (html, reads) = Noting(() => markdown.Render(page, index, bag) is { } body ? renderer.RenderPage(page, body) : null);
        if (html is null)
        {
            Interlocked.Increment(ref _failed);
            return;
        }
        // A page whose links were reported is rendered again next time, so its errors are reported again.
        if (_cache is not null && page.ReportedLinks.Count == 0) _cache.Store(page, page.OutputPath, key, html, reads);
        // Two pages with one URL were reported by the index; the first keeps the slot.
        Emit(page.OutputPath, html, renderer.PageWrites);
    }

    private void View(Page page)
    {
        var path = PageModelBuilder.BilingualUrl(page) + "index.html";
        var other = Counterpart(page);
        var key = _keys?.OfView(page, other) ?? "";
        bool emitted;
        if (_cache?.TryReuse(null, path, key, _keys!.Unchanged) is { } kept) emitted = Emit(path, kept);
        else if (Noting(() => BilingualView(page, other)) is ({ } html, var reads))
        {
            _cache?.Store(null, path, key, html, reads);
            emitted = Emit(path, html, renderer.PageWrites);
        }
        else return;
        if (!emitted) bag.Error(new SourceLocation(page.SourcePath), $"the side-by-side view /{PageModelBuilder.BilingualUrl(page)} clashes with another page");
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
    private (string? Html, IReadOnlyList<RenderCache.TocRead> Reads) Noting(Func<string?> render)
    {
        if (_keys is null) return (render(), []);
        using var recording = RenderReads.Record();
        var html = render();
        return (html, html is null ? [] : _keys.Reads(recording));
    }

    /// <summary>A page's source-language version (or, for a source page, its first translation).</summary>
    private Page Counterpart(Page page) =>
        page.Translations.GetValueOrDefault(index.Config.DefaultLanguage) ?? page.Translations.Values.First();

    private string? BilingualView(Page page, Page other)
    {
        if (page.Document is not { } ownDoc || other.Document is not { } otherDoc) return null;
        var viewUrl = PageModelBuilder.BilingualUrl(page);
        var alignment = BilingualAligner.Align(ownDoc, otherDoc);
        var own = markdown.RenderBlockGroups(page, alignment.Rows.Select(r => r.Own), viewUrl);
        var theirs = markdown.RenderBlockGroups(other, alignment.Rows.Select(r => r.Other), viewUrl);
        return renderer.RenderBilingual(page, other, viewUrl, alignment.Mode, own.Zip(theirs).ToList());
    }

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
