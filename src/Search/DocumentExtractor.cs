using System.Collections;
using System.Text;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SiteGen.Content;

namespace SiteGen.Search;

/// <summary>
/// Reads a parsed page into a <see cref="SearchDocument"/>: its title, description, headings and body from the syntax
/// tree (ids as the page renders them, so a hit can link to the nearest heading), and the strings of its front matter
/// `data` (quotes, figures), a data entry with an `id` being a passage of its own, as the theme's layouts render it.
/// </summary>
public static class DocumentExtractor
{
    // BM25F-style field weights: a term in the title counts as four in the body.
    public const float TitleWeight = 4f, HeadingWeight = 2f, DescriptionWeight = 1.5f, BodyWeight = 1f;

    /// <param name="terms">Where the page's terms are counted.</param>
    public static SearchDocument Extract(int id, Page page, MarkdownDocument doc, string section, TermCounts terms)
    {
        Tokenizer.Index(page.Title, TitleWeight, terms);
        var description = page.Meta.Description ?? "";
        Tokenizer.Index(description, DescriptionWeight, terms);
        var passages = new List<SearchPassage>();
        var anchor = "";
        var heading = "";
        var text = new StringBuilder(description);
        foreach (var block in doc.Descendants<LeafBlock>())
        {
            if (block is HeadingBlock h)
            {
                Flush(passages, anchor, heading, text);
                anchor = h.GetAttributes().Id ?? "";
                heading = InlineText(h.Inline);
                Tokenizer.Index(heading, HeadingWeight, terms);
                continue;
            }
            var body = block is CodeBlock code and not { Inline: not null } ? code.Lines.ToString() : InlineText(block.Inline);
            if (body.Length == 0) continue;
            Tokenizer.Index(body, BodyWeight, terms);
            if (text.Length > 0) text.Append('\n');
            text.Append(body);
        }
        Flush(passages, anchor, heading, text);
        foreach (var (entryAnchor, entryText) in DataEntries(page.Meta.Data))
        {
            Tokenizer.Index(entryText, BodyWeight, terms);
            passages.Add(new SearchPassage(entryAnchor, "", entryText));
        }
        return new SearchDocument(id, page.Url, page.Title, section, page.Language.LangTag, passages);
    }

    private static void Flush(List<SearchPassage> passages, string anchor, string heading, StringBuilder text)
    {
        if (text.Length > 0 || heading.Length > 0) passages.Add(new SearchPassage(anchor, heading, text.ToString()));
        text.Clear();
    }

    /// <summary>The text of a block's inlines as a reader sees it; a soft line break between Chinese characters is no space.</summary>
    private static string InlineText(ContainerInline? inline)
    {
        if (inline is null) return "";
        var sb = new StringBuilder();
        foreach (var node in inline.Descendants())
        {
            switch (node)
            {
                case LiteralInline literal: sb.Append(literal.Content.AsSpan()); break;
                case CodeInline code: sb.Append(code.Content); break;
                case LineBreakInline when sb.Length > 0 && !EndsWithHan(sb): sb.Append(' '); break;
            }
        }
        return sb.ToString();
    }

    private static bool EndsWithHan(StringBuilder sb)
    {
        var last = sb[^1];
        if (!char.IsLowSurrogate(last) || sb.Length < 2) return !char.IsSurrogate(last) && HanScript.Is(new Rune(last));
        return char.IsHighSurrogate(sb[^2]) && HanScript.Is(new Rune(sb[^2], last));
    }

    /// <summary>
    /// Every string under `data`, grouped by entry: a mapping with an `id` is one passage anchored at that id; strings
    /// naming a content file (`themes/chips.md`) are links, not text.
    /// </summary>
    private static IEnumerable<(string Anchor, string Text)> DataEntries(object? data)
    {
        var loose = new List<string>();
        var entries = new List<(string, string)>();
        Walk(data, loose, entries);
        if (loose.Count > 0) entries.Insert(0, ("", string.Join('\n', loose)));
        return entries;
    }

    private static void Walk(object? value, List<string> into, List<(string, string)> entries)
    {
        switch (value)
        {
            case string s when !s.EndsWith(".md", StringComparison.OrdinalIgnoreCase): into.Add(s); break;
            case IDictionary map when map["id"] is string id:
                var own = new List<string>();
                foreach (DictionaryEntry e in map)
                    if (!Equals(e.Key, "id")) Walk(e.Value, own, entries);
                entries.Add((id, string.Join('\n', own)));
                break;
            case IDictionary map:
                foreach (DictionaryEntry e in map) Walk(e.Value, into, entries);
                break;
            case IEnumerable list and not string:
                foreach (var item in list) Walk(item, into, entries);
                break;
        }
    }
}
