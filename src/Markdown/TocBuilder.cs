using System.Text;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SiteGen.Content;

namespace SiteGen.Markdown;

/// <summary>Collects the headings (levels 2–3) that have ids, for a page's table of contents.</summary>
public static class TocBuilder
{
    public static List<TocEntry> Build(MarkdownDocument doc) =>
        doc.Descendants<HeadingBlock>()
            .Where(h => h.Level is 2 or 3 && h.GetAttributes().Id is { Length: > 0 })
            .Select(h => new TocEntry(h.Level, h.GetAttributes().Id!, PlainText(h.Inline)))
            .ToList();

    /// <summary>Every heading's id in document order ("" for one without), so a heading's place can be compared across languages.</summary>
    public static string[] HeadingIds(MarkdownDocument doc) =>
        doc.Descendants<HeadingBlock>().Select(h => h.TryGetAttributes()?.Id ?? "").ToArray();

    public static string PlainText(ContainerInline? inline)
    {
        var sb = new StringBuilder();
        if (inline is null) return "";
        foreach (var child in inline.Descendants())
        {
            switch (child)
            {
                case LiteralInline l: sb.Append(l.Content.AsSpan()); break;
                case CodeInline c: sb.Append(c.Content); break;
                case LineBreakInline: sb.Append(' '); break;
            }
        }
        return sb.ToString().Trim();
    }
}
