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
/// </summary>
public sealed class MarkdownStage(MarkdownPipeline pipeline, string? cjkTag)
{
    public void Parse(Page page, DiagnosticBag bag)
    {
        if (MarkdownLimits.Check(page.Body) is { } over)
        {
            bag.Error(new SourceLocation(page.SourcePath, page.BodyFirstLine + over.Line, over.Column), over.Message);
            page.Document = null;
            return;
        }
        Guarded(page, bag, () => ParseChecked(page));
    }

    private string ParseChecked(Page page)
    {
        page.Document = Markdig.Markdown.Parse(page.Body, pipeline);
        page.Toc ??= TocBuilder.Build(page.Document);
        page.HeadingIds ??= TocBuilder.HeadingIds(page.Document);
        return "";
    }

    /// <summary>
    /// The ids of a page's headings in order, for the parity check, which compares a link's `#fragment` by the heading's
    /// place: parsed for it when the page's group has not been rendered yet (a page that cannot be parsed reports that itself).
    /// </summary>
    public IReadOnlyList<string> HeadingIdsOf(Page page)
    {
        if (page.HeadingIds is { } ids) return ids;
        try
        {
            return page.HeadingIds = TocBuilder.HeadingIds(Markdig.Markdown.Parse(page.Body, pipeline));
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
        if (page.Toc is { } toc) return toc;
        if (MarkdownLimits.Check(page.Body) is not null) return [];
        try
        {
            return page.Toc = TocBuilder.Build(Markdig.Markdown.Parse(page.Body, pipeline));
        }
        catch (Exception e) when (IsRefusal(e))
        {
            return [];
        }
    }

    /// <returns>null when the page could not be parsed or rendered (already reported).</returns>
    public string? Render(Page page, SiteIndex index, DiagnosticBag bag) => page.Document is not { } doc ? null : Guarded(page, bag, () =>
    {
        UnsafeMarkupChecker.Report(page, doc, bag);
        new LinkResolver(index, bag).Resolve(page, doc);
        return WithRenderer(CjkTagFor(page), null, (renderer, output) =>
        {
            renderer.Render(doc);
            return output.ToString();
        });
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

    private string? CjkTagFor(Page page) => IsCjk(page.Language.LangTag) ? null : cjkTag;

    /// <summary>
    /// An HTML renderer kept per thread and pipeline, as Markdig's own `ToHtml` keeps one: setting one up (thirty-odd
    /// object renderers) costs more than rendering a short page. Dropped if a render fails half-way.
    /// </summary>
    private T WithRenderer<T>(string? cjkTag, Func<string, string>? linkRewriter, Func<HtmlRenderer, System.Text.StringBuilder, T> render)
    {
        var renderer = _renderer is { } kept && kept.Pipeline == pipeline ? kept : new ReusableRenderer(pipeline);
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
    private static string? Guarded(Page page, DiagnosticBag bag, Func<string> work)
    {
        try
        {
            return work();
        }
        catch (Exception e) when (IsRefusal(e))
        {
            bag.Error(new SourceLocation(page.SourcePath, page.BodyFirstLine, 1), "Markdown nested too deeply to render", "flatten the nesting or split the page");
            page.Document = null;
            return null;
        }
    }

    private static bool IsRefusal(Exception e) =>
        e is InsufficientExecutionStackException || e is ArgumentException && e.Source == typeof(Markdig.Markdown).Assembly.GetName().Name;

    public static bool IsCjk(string langTag) =>
        langTag.Split('-')[0].ToLowerInvariant() is "zh" or "ja" or "ko" or "yue" or "cmn";
}
