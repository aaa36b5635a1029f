using Markdig;
using Markdig.Renderers;
using SiteGen.Content;
using SiteGen.Diagnostics;

namespace SiteGen.Markdown;

/// <summary>Parses every page (so headings and ids are known), then resolves links and renders to HTML.</summary>
public sealed class MarkdownStage(MarkdownPipeline pipeline)
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
        renderer.Render(doc);
        writer.Flush();
        return writer.ToString();
    }
}
