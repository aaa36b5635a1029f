using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;

namespace SiteGen.Markdown;

/// <summary>
/// Writes literal text, wrapping runs of CJK characters in `&lt;span lang=…&gt;` on pages in a non-CJK language,
/// so browsers pick a Chinese font and screen readers a Chinese voice for them.
/// </summary>
internal sealed class ForeignScriptRenderer : HtmlObjectRenderer<LiteralInline>
{
    /// <summary>The tag for CJK runs on the page being rendered; null when the page is itself in a CJK language.</summary>
    public string? CjkTag { get; set; }

    protected override void Write(HtmlRenderer renderer, LiteralInline obj)
    {
        var text = obj.Content.AsSpan();
        if (CjkTag is null || !renderer.EnableHtmlEscape || text.IndexOfAnyInRange('\u2E80', '\uFFE6') < 0)
        {
            if (renderer.EnableHtmlEscape) renderer.WriteEscape(ref obj.Content);
            else renderer.Write(ref obj.Content);
            return;
        }
        var i = 0;
        while (i < text.Length)
        {
            var wide = CjkText.IsWide(text[i]);
            var start = i;
            while (i < text.Length && (CjkText.IsWide(text[i]) || IsLowSurrogateOfWide(text, i)) == wide) i++;
            if (wide) renderer.Write("<span lang=\"").WriteEscape(CjkTag).Write("\">");
            renderer.WriteEscape(text[start..i]);
            if (wide) renderer.Write("</span>");
        }
    }

    private static bool IsLowSurrogateOfWide(ReadOnlySpan<char> text, int i) =>
        char.IsLowSurrogate(text[i]) && i > 0 && CjkText.IsWide(text[i - 1]);
}
