using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using SiteGen.Content;
using SiteGen.Diagnostics;

namespace SiteGen.Markdown;

/// <summary>Parses every page (so headings and ids are known), then resolves links and renders to HTML.</summary>
public sealed class MarkdownStage(MarkdownPipeline pipeline, string? cjkTag)
{
    public void Parse(Page page, DiagnosticBag bag) => Guarded(page, bag, () =>
    {
        page.Document = Markdig.Markdown.Parse(page.Body, pipeline);
        page.Toc = TocBuilder.Build(page.Document);
        return "";
    });

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
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or InsufficientExecutionStackException)
        {
            bag.Error(new SourceLocation(page.SourcePath, page.BodyFirstLine, 1), $"Markdown cannot be rendered: {e.Message}", "flatten the nesting or split the page");
            page.Document = null;
            return null;
        }
    }

    public static bool IsCjk(string langTag) =>
        langTag.Split('-')[0].ToLowerInvariant() is "zh" or "ja" or "ko" or "yue" or "cmn";
}
