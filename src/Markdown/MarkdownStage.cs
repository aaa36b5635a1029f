using Markdig;
using Markdig.Renderers;
using SiteGen.Content;
using SiteGen.Diagnostics;

namespace SiteGen.Markdown;

/// <summary>Parses every page (so headings and ids are known), then resolves links and renders to HTML.</summary>
public sealed class MarkdownStage(MarkdownPipeline pipeline, string? cjkTag)
{
    public void Parse(Page page)
    {
        page.Document = Markdig.Markdown.Parse(page.Body, pipeline);
        page.Toc = TocBuilder.Build(page.Document);
    }

    public string Render(Page page, SiteIndex index, DiagnosticBag bag)
    {
        var doc = page.Document ?? throw new InvalidOperationException($"{page} was not parsed");
        new LinkResolver(index, bag).Resolve(page, doc);
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        pipeline.Setup(renderer);
        var literal = new ForeignScriptRenderer { CjkTag = IsCjk(page.Language.LangTag) ? null : cjkTag };
        renderer.ObjectRenderers.ReplaceOrAdd<Markdig.Renderers.Html.Inlines.LiteralInlineRenderer>(literal);
        renderer.Render(doc);
        writer.Flush();
        return writer.ToString();
    }

    public static bool IsCjk(string langTag) =>
        langTag.Split('-')[0].ToLowerInvariant() is "zh" or "ja" or "ko" or "yue" or "cmn";
}
