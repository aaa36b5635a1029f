using System.Security.Cryptography;
using System.Text;
using Markdig.Extensions.Footnotes;
using Markdig.Extensions.Tables;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SiteGen.Content;

namespace SiteGen.Parity;

/// <summary>One top-level block of a page, as the parity checks and the side-by-side view see it.</summary>
public sealed record OutlineBlock(Block Block, string Kind, int Line, int Items, string Text, string PageBody)
{
    private string? _hash;

    /// <summary>The block's Markdown, trimmed; cut from the page only when asked for.</summary>
    public string Source => BlockOutline.SourceOf(Block, PageBody);

    /// <summary>Short hash of the block's Markdown, for staleness; made only when a translation records one.</summary>
    public string Hash => _hash ??= BlockOutline.ShortHash(Source);

    public string Describe() => Items > 0 ? $"{Kind} of {Items}" : Kind;
}

/// <summary>The top-level blocks of a page in order, without those marked `{.translation-only}`.</summary>
public static class BlockOutline
{
    public const string TranslationOnlyClass = "translation-only";

    /// <param name="body">The Markdown <paramref name="doc"/> was parsed from: a block's source is cut from it.</param>
    public static List<OutlineBlock> Of(Page page, string body, MarkdownDocument doc) =>
        doc.Where(b => !IsTranslationOnly(b)).Select(b => Describe(page, body, b)).ToList();

    // TryGetAttributes: GetAttributes would give every block an attributes object just to ask.
    public static bool IsTranslationOnly(Block block) => block.TryGetAttributes()?.Classes?.Contains(TranslationOnlyClass) == true;

    private static OutlineBlock Describe(Page page, string body, Block block)
    {
        var (kind, items) = Shape(block);
        return new OutlineBlock(block, kind, page.BodyFirstLine + block.Line, items, PlainText(block), body);
    }

    public static string SourceOf(Block block, string body) =>
        body.AsSpan(block.Span.Start, Math.Max(0, Math.Min(block.Span.Length, body.Length - block.Span.Start))).Trim().ToString();

    private static readonly string[] Headings = ["", "heading 1", "heading 2", "heading 3", "heading 4", "heading 5", "heading 6"];

    /// <summary>What kind of block it is, and how many items or rows it has: what two translations must share.</summary>
    public static (string Kind, int Items) Shape(Block block) => block switch
        {
        HeadingBlock h => (h.Level is > 0 and <= 6 ? Headings[h.Level] : $"heading {h.Level}", 0),
        ListBlock l => (l.IsOrdered ? "numbered list" : "list", l.Count),
        QuoteBlock => ("quote", 0),
        Table t => ("table", t.Count),
        FencedCodeBlock or CodeBlock => ("code", 0),
        ThematicBreakBlock => ("rule", 0),
        FootnoteGroup f => ("footnotes", f.Count),
        ParagraphBlock => ("paragraph", 0),
        _ => (block.GetType().Name, 0),
    };

    public static string PlainText(Block block)
    {
        var sb = new StringBuilder();
        AppendText(block, sb);
        return sb.ToString();
    }

    private static void AppendText(Block block, StringBuilder sb)
    {
        switch (block)
        {
            case ContainerBlock container:
                foreach (var child in container) AppendText(child, sb);
                break;
            case LeafBlock { Inline: { } inline }:
                AppendText(inline, sb);
                break;
            case LeafBlock leaf:
                sb.Append(leaf.Lines.ToString());
                break;
        }
        sb.Append(' ');
    }

    /// <summary>The text of inlines in document order (a plain walk: `Descendants()` allocates an iterator per level).</summary>
    private static void AppendText(ContainerInline container, StringBuilder sb)
    {
        for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LiteralInline l: sb.Append(l.Content.AsSpan()); break;
                case CodeInline c: sb.Append(c.Content); break;
                case LineBreakInline: sb.Append(' '); break;
                case ContainerInline child: AppendText(child, sb); break;
            }
        }
    }

    public static string ShortHash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n"))))[..8];
}
