using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax.Inlines;

namespace SiteGen.Markdown;

/// <summary>
/// A soft line break between two wide CJK characters renders as nothing: Chinese has no spaces between words,
/// so the space HTML would show is a visible gap (CSS Text's segment-break rule, which browsers don't all apply).
/// </summary>
public sealed class CjkLineBreakExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline) { }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html)
            html.ObjectRenderers.ReplaceOrAdd<LineBreakInlineRenderer>(new CjkLineBreakRenderer());
    }
}

internal sealed class CjkLineBreakRenderer : LineBreakInlineRenderer
{
    protected override void Write(HtmlRenderer renderer, LineBreakInline obj)
    {
        if (!obj.IsHard && LastChar(obj.PreviousSibling) is { } before && FirstChar(obj.NextSibling) is { } after
            && CjkText.IsWide(before) && CjkText.IsWide(after))
        {
            return;
        }
        base.Write(renderer, obj);
    }

    private static char? LastChar(Inline? inline) => inline switch
    {
        LiteralInline { Content.Length: > 0 } l => l.Content.Text[l.Content.End],
        ContainerInline c => LastChar(c.LastChild),
        _ => null,
    };

    private static char? FirstChar(Inline? inline) => inline switch
    {
        LiteralInline { Content.Length: > 0 } l => l.Content.Text[l.Content.Start],
        ContainerInline c => FirstChar(c.FirstChild),
        _ => null,
    };
}
