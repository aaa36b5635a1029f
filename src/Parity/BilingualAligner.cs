using Markdig.Syntax;

namespace SiteGen.Parity;

/// <summary>One row of the side-by-side view: blocks of the page's own language beside their translation.</summary>
public sealed record BilingualRow(IReadOnlyList<Block> Own, IReadOnlyList<Block> Other);

/// <param name="Mode">`blocks` when every block has its counterpart, else `sections` (by level-2 heading) or `pages`.</param>
public sealed record BilingualAlignment(string Mode, IReadOnlyList<BilingualRow> Rows);

/// <summary>
/// Pairs the blocks of a page and its translation for the side-by-side view, like the bilingual reading modes of
/// FT Chinese: block by block when the structures match, else section by section, else the whole pages.
/// </summary>
public static class BilingualAligner
{
    public static BilingualAlignment Align(MarkdownDocument ownDoc, MarkdownDocument otherDoc)
    {
        if (SameShapes(ownDoc, otherDoc))
            return new("blocks", ByBlocks(ownDoc, otherDoc));
        var ownSections = Sections(ownDoc);
        var otherSections = Sections(otherDoc);
        if (ownSections.Count == otherSections.Count && ownSections.Count > 1)
            return new("sections", ownSections.Zip(otherSections, (x, y) => new BilingualRow(x, y)).ToList());
        return new("pages", [new BilingualRow(ownDoc.ToList(), otherDoc.ToList())]);
    }

    /// <summary>
    /// Whether the blocks that are not translation-only have the same kinds and item counts, in order. A loop: LINQ over
    /// the shapes (value tuples) is generic code the JIT and ReadyToRun builds compile when they run.
    /// </summary>
    private static bool SameShapes(MarkdownDocument own, MarkdownDocument other)
    {
        int i = 0, j = 0;
        while (true)
        {
            while (i < own.Count && BlockOutline.IsTranslationOnly(own[i])) i++;
            while (j < other.Count && BlockOutline.IsTranslationOnly(other[j])) j++;
            if (i == own.Count || j == other.Count) return i == own.Count && j == other.Count;
            var (kind, items) = BlockOutline.Shape(own[i++]);
            var (otherKind, otherItems) = BlockOutline.Shape(other[j++]);
            if (kind != otherKind || items != otherItems) return false;
        }
    }

    /// <summary>Counterparts side by side; a block marked translation-only gets a row of its own.</summary>
    private static List<BilingualRow> ByBlocks(MarkdownDocument own, MarkdownDocument other)
    {
        var rows = new List<BilingualRow>();
        int i = 0, j = 0;
        while (i < own.Count || j < other.Count)
        {
            if (i < own.Count && BlockOutline.IsTranslationOnly(own[i])) rows.Add(new([own[i++]], []));
            else if (j < other.Count && BlockOutline.IsTranslationOnly(other[j])) rows.Add(new([], [other[j++]]));
            else if (i < own.Count && j < other.Count) rows.Add(new([own[i++]], [other[j++]]));
            else rows.Add(i < own.Count ? new([own[i++]], []) : new([], [other[j++]]));
        }
        return rows;
    }

    private static List<List<Block>> Sections(MarkdownDocument doc)
    {
        var sections = new List<List<Block>> { new() };
        foreach (var block in doc)
        {
            if (block is HeadingBlock { Level: <= 2 } && sections[^1].Count > 0) sections.Add(new());
            sections[^1].Add(block);
        }
        return sections;
    }
}
