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
    public void Parse(Page page, DiagnosticBag bag) => Guarded(page, bag, () =>
    {
        page.Document = Markdig.Markdown.Parse(page.Body, pipeline);
        page.Toc ??= TocBuilder.Build(page.Document);
        return "";
    });

    /// <summary>
    /// A page's table of contents, for a template that shows another page's before that page is rendered: parsed for
    /// it and let go (a page that cannot be parsed reports that itself, when its group is rendered).
    /// </summary>
    public IReadOnlyList<TocEntry> TocOf(Page page)
    {
        if (page.Toc is { } toc) return toc;
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
        new LinkResolver(index, bag).Resolve(page, doc);
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        pipeline.Setup(renderer);
        var literal = new ForeignScriptRenderer { CjkTag = IsCjk(page.Language.LangTag) ? null : cjkTag };
        renderer.ObjectRenderers.ReplaceOrAdd<Markdig.Renderers.Html.Inlines.LiteralInlineRenderer>(literal);
        renderer.Render(doc);
        writer.Flush();
        return writer.ToString();
    });

    /// <summary>
    /// Renders groups of top-level blocks of a rendered page's syntax tree as HTML served at another URL, one string per
    /// group, with one renderer (setting one up costs more than rendering a paragraph). The links, already resolved for
    /// the page's own URL, are rebased onto <paramref name="fromUrl"/>.
    /// </summary>
    public List<string> RenderBlockGroups(Page page, IEnumerable<IReadOnlyList<Block>> groups, string fromUrl)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        pipeline.Setup(renderer);
        renderer.ObjectRenderers.ReplaceOrAdd<Markdig.Renderers.Html.Inlines.LiteralInlineRenderer>(
            new ForeignScriptRenderer { CjkTag = IsCjk(page.Language.LangTag) ? null : cjkTag });
        renderer.LinkRewriter = url => LinkResolver.IsExternal(url) ? url : UrlMapper.Rebase(url, page.Url, fromUrl);
        var html = new List<string>();
        var buffer = writer.GetStringBuilder();
        foreach (var group in groups)
        {
            foreach (var block in group) renderer.Render(block);
            writer.Flush();
            html.Add(buffer.ToString());
            buffer.Clear();
        }
        return html;
    }

    /// <summary>Markdig refuses pathological nesting (thousands of `>`, list levels or `*`) instead of overflowing the stack.</summary>
    private static string? Guarded(Page page, DiagnosticBag bag, Func<string> work)
    {
        try
        {
            return work();
        }
        catch (Exception e) when (IsRefusal(e))
        {
            bag.Error(new SourceLocation(page.SourcePath, page.BodyFirstLine, 1), $"Markdown cannot be rendered: {e.Message}", "flatten the nesting or split the page");
            page.Document = null;
            return null;
        }
    }

    private static bool IsRefusal(Exception e) => e is ArgumentException or InvalidOperationException or InsufficientExecutionStackException;

    public static bool IsCjk(string langTag) =>
        langTag.Split('-')[0].ToLowerInvariant() is "zh" or "ja" or "ko" or "yue" or "cmn";
}
