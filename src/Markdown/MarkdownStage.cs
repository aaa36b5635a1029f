using System.Collections.Concurrent;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using SiteGen.Content;
using SiteGen.Diagnostics;

namespace SiteGen.Markdown;

/// <summary>
/// Parses a page when its translation group is rendered, resolves its links and renders it to HTML. Only the groups in
/// flight hold syntax trees: at 20,000 pages, keeping them all would need more memory than the rest of the build.
/// What is made from a page's Markdown alone and asked for across groups (its table of contents, its heading ids) is
/// kept here, made by the page's own parse or on first demand, so no page is parsed twice for it.
/// </summary>
public sealed class MarkdownStage
{
    private readonly MarkdownPipeline _pipeline;
    private readonly string? _cjkTag;
    private readonly ConcurrentDictionary<Page, IReadOnlyList<TocEntry>> _tocs;
    private readonly ConcurrentDictionary<Page, string[]> _headingIds;
    /// <summary>`serve`'s preview only: texts of pages edited since the site was loaded, in place of the pages' own.</summary>
    private readonly ConcurrentDictionary<Page, string>? _edited;

    public MarkdownStage(MarkdownPipeline pipeline, string? cjkTag)
    {
        (_pipeline, _cjkTag) = (pipeline, cjkTag);
        _tocs = new();
        _headingIds = new();
    }

    private MarkdownStage(MarkdownStage from)
    {
        (_pipeline, _cjkTag) = (from._pipeline, from._cjkTag);
        _tocs = new(from._tocs);
        _headingIds = new(from._headingIds);
        _edited = new();
    }

    /// <summary>
    /// A stage of its own for `serve`'s preview, whose edits (<see cref="Replace"/>) must not reach the build's: it starts
    /// with everything this one has made, so nothing already parsed is parsed again.
    /// </summary>
    public MarkdownStage ForPreview() => new(this);

    /// <summary>`serve`'s preview: the page's file was saved with the same front matter; what was made from its old text is let go.</summary>
    public void Replace(Page page, string body)
    {
        if (_edited is null) throw new InvalidOperationException("only a preview's stage takes edits");
        _edited[page] = body;
        _tocs.TryRemove(page, out _);
        _headingIds.TryRemove(page, out _);
    }

    /// <summary>The page's Markdown: as edited (a preview), held, or read from its file.</summary>
    /// <returns>null if the file can no longer be read or has changed since loading (reported).</returns>
    public string? Body(Page page, DiagnosticBag bag) =>
        _edited is not null && _edited.TryGetValue(page, out var edited) ? edited : page.ReadBody(bag);

    /// <summary>For a value another page asks for: a body that cannot be read is reported when its own group renders.</summary>
    private string? UnreportedBody(Page page) => Body(page, new DiagnosticBag());

    /// <returns>the syntax tree, or null when the body is over a limit or too deeply nested (reported).</returns>
    public MarkdownDocument? Parse(Page page, string body, DiagnosticBag bag)
    {
        if (MarkdownLimits.Check(body) is { } over)
        {
            bag.Error(new SourceLocation(page.SourcePath, page.BodyFirstLine + over.Line, over.Column), over.Message);
            return null;
        }
        return Guarded(page, bag, () =>
        {
            var doc = Markdig.Markdown.Parse(body, _pipeline);
            if (!_tocs.ContainsKey(page)) _tocs.TryAdd(page, TocBuilder.Build(doc));
            if (!_headingIds.ContainsKey(page)) _headingIds.TryAdd(page, TocBuilder.HeadingIds(doc));
            return doc;
        });
    }

    /// <summary>
    /// The ids of a page's headings in order, for the parity check, which compares a link's `#fragment` by the heading's
    /// place: parsed for it when the page's group has not been rendered yet (a page that cannot be parsed reports that itself).
    /// </summary>
    public IReadOnlyList<string> HeadingIdsOf(Page page)
    {
        if (_headingIds.TryGetValue(page, out var ids)) return ids;
        if (UnreportedBody(page) is not { } body) return [];
        try
        {
            return _headingIds.GetOrAdd(page, TocBuilder.HeadingIds(Markdig.Markdown.Parse(body, _pipeline)));
        }
        catch (Exception e) when (IsRefusal(e))
        {
            return [];
        }
    }

    /// <summary>
    /// A page's table of contents, for a template that shows another page's before that page is rendered: parsed for
    /// it and let go (a page that cannot be parsed reports that itself, when its group is rendered).
    /// </summary>
    public IReadOnlyList<TocEntry> TocOf(Page page)
    {
        if (_tocs.TryGetValue(page, out var toc)) return toc;
        if (UnreportedBody(page) is not { } body || MarkdownLimits.Check(body) is not null) return [];
        try
        {
            return _tocs.GetOrAdd(page, TocBuilder.Build(Markdig.Markdown.Parse(body, _pipeline)));
        }
        catch (Exception e) when (IsRefusal(e))
        {
            return [];
        }
    }

    /// <returns>
    /// the page's HTML and what was found of its links; null when Markdig refused to render it (reported), after which
    /// the syntax tree is not to be used.
    /// </returns>
    public MarkdownHtml? Render(Page page, MarkdownDocument doc, SiteIndex index, DiagnosticBag bag) => Guarded(page, bag, () =>
    {
        UnsafeMarkupChecker.Report(page, doc, bag);
        var links = new LinkResolver(index, bag).Resolve(page, doc);
        var html = WithRenderer(CjkTagFor(page), null, (renderer, output) =>
        {
            renderer.Render(doc);
            return output.ToString();
        });
        return new MarkdownHtml(html, links);
    });

    /// <summary>
    /// Renders groups of top-level blocks of a rendered page's syntax tree as HTML served at another URL, one string per
    /// group. The links, already resolved for the page's own URL, are rebased onto <paramref name="fromUrl"/>.
    /// </summary>
    public List<string> RenderBlockGroups(Page page, IEnumerable<IReadOnlyList<Block>> groups, string fromUrl) =>
        WithRenderer(CjkTagFor(page), url => LinkResolver.IsExternal(url) ? url : UrlMapper.Rebase(url, page.Url, fromUrl), (renderer, output) =>
        {
            var html = new List<string>();
            foreach (var group in groups)
            {
                foreach (var block in group) renderer.Render(block);
                html.Add(output.ToString());
                output.Clear();
            }
            return html;
        });

    private string? CjkTagFor(Page page) => IsCjk(page.Language.LangTag) ? null : _cjkTag;

    /// <summary>
    /// An HTML renderer kept per thread and pipeline, as Markdig's own `ToHtml` keeps one: setting one up (thirty-odd
    /// object renderers) costs more than rendering a short page. Dropped if a render fails half-way.
    /// </summary>
    private T WithRenderer<T>(string? cjkTag, Func<string, string>? linkRewriter, Func<HtmlRenderer, System.Text.StringBuilder, T> render)
    {
        var renderer = _renderer is { } kept && kept.Pipeline == _pipeline ? kept : new ReusableRenderer(_pipeline);
        _renderer = null;
        var output = renderer.Begin(cjkTag, linkRewriter);
        var result = render(renderer, output);
        renderer.LinkRewriter = null;
        _renderer = renderer;
        return result;
    }

    [ThreadStatic] private static ReusableRenderer? _renderer;

    private sealed class ReusableRenderer : HtmlRenderer
    {
        private readonly ForeignScriptRenderer _literal = new();
        public MarkdownPipeline Pipeline { get; }

        public ReusableRenderer(MarkdownPipeline pipeline) : base(new StringWriter())
        {
            Pipeline = pipeline;
            pipeline.Setup(this);
            ObjectRenderers.ReplaceOrAdd<Markdig.Renderers.Html.Inlines.LiteralInlineRenderer>(_literal);
        }

        /// <summary>An empty output and the state of a new renderer (the last render may have ended mid-line).</summary>
        public System.Text.StringBuilder Begin(string? cjkTag, Func<string, string>? linkRewriter)
        {
            var output = ((StringWriter)Writer).GetStringBuilder();
            output.Clear();
            previousWasLine = true;
            _literal.CjkTag = cjkTag;
            LinkRewriter = linkRewriter;
            return output;
        }
    }

    /// <summary>
    /// <see cref="MarkdownLimits"/> keeps nesting well below Markdig's own depth limit; should a shape it does not count
    /// still reach that limit, Markdig refuses it (an ArgumentException of its own) instead of overflowing the stack.
    /// Any other exception is a fault in the build, reported as an internal error.
    /// </summary>
    private static T? Guarded<T>(Page page, DiagnosticBag bag, Func<T> work) where T : class
    {
        try
        {
            return work();
        }
        catch (Exception e) when (IsRefusal(e))
        {
            bag.Error(new SourceLocation(page.SourcePath, page.BodyFirstLine, 1), "Markdown nested too deeply to render", "flatten the nesting or split the page");
            return null;
        }
    }

    private static bool IsRefusal(Exception e) =>
        e is InsufficientExecutionStackException || e is ArgumentException && e.Source == typeof(Markdig.Markdown).Assembly.GetName().Name;

    public static bool IsCjk(string langTag) =>
        langTag.Split('-')[0].ToLowerInvariant() is "zh" or "ja" or "ko" or "yue" or "cmn";
}
