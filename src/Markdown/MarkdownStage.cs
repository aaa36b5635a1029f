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
    /// A private copy of a page's syntax tree for side-by-side views: without ids (one page shows two languages, and
    /// in-page links there point at the normal page), links left as written and resolved at render time.
    /// </summary>
    public MarkdownDocument ParseViewCopy(Page page)
    {
        var copy = Markdig.Markdown.Parse(page.Body, pipeline);
        foreach (var obj in copy.Descendants())
            if (obj.TryGetAttributes() is { } attributes) attributes.Id = null;
        return copy;
    }

    /// <summary>
    /// Renders groups of top-level blocks of a <see cref="ParseViewCopy"/> as HTML served at another URL, one string per
    /// group, with one renderer (setting one up costs more than rendering a paragraph). Read-only: threads may share the copy.
    /// </summary>
    public List<string> RenderBlockGroups(Page page, IEnumerable<IReadOnlyList<Block>> groups, string fromUrl, SiteIndex index)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        pipeline.Setup(renderer);
        renderer.ObjectRenderers.ReplaceOrAdd<Markdig.Renderers.Html.Inlines.LiteralInlineRenderer>(
            new ForeignScriptRenderer { CjkTag = IsCjk(page.Language.LangTag) ? null : cjkTag });
        var resolver = new LinkResolver(index, null);
        renderer.LinkRewriter = url => resolver.Rewrite(page, url, fromUrl);
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
