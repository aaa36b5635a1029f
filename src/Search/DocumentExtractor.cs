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
    // BM25F-style field weights: a term in the title counts as four in the body. Whole halves: the index keeps frequencies in halves.
    public const float TitleWeight = 4f, HeadingWeight = 2f, DescriptionWeight = 1.5f, BodyWeight = 1f;

    /// <param name="terms">Where the page's terms are counted.</param>
    public static SearchDocument Extract(int id, Page page, MarkdownDocument doc, string section, TermCounts terms)
    {
        Tokenizer.Index(page.Title, TitleWeight, terms);
        var description = page.Meta.Description ?? "";
        Tokenizer.Index(description, DescriptionWeight, terms);
        var walk = new Walker(terms, description);
        walk.Blocks(doc);
        walk.Flush();
        foreach (var (entryAnchor, entryText) in DataEntries(page.Meta.Data))
        {
            Tokenizer.Index(entryText, BodyWeight, terms);
            walk.Passages.Add(new SearchPassage(entryAnchor, entryText));
        }
        return new SearchDocument(id, page.Url, page.Title, section, page.Language.LangTag, walk.Passages);
    }

    /// <summary>
    /// One walk over the blocks in document order (a plain recursion: `Descendants()` allocates an iterator per level),
    /// each block's text gathered in a buffer that is tokenised as it is and copied into its passage's buffer, which
    /// becomes the passage's string.
    /// </summary>
    private sealed class Walker
    {
        [ThreadStatic] private static (CharBuffer Block, CharBuffer Text)? _scratch;
        private readonly TermCounts _terms;
        private readonly CharBuffer _block, _text;
        private string _anchor = "";
        private bool _heading;
        private int _headings, _place = -1;
        public readonly List<SearchPassage> Passages = new();

        public Walker(TermCounts terms, string description)
        {
            _terms = terms;
            (_block, _text) = _scratch ??= (new CharBuffer(), new CharBuffer());
            _text.Clear();
            _text.Append(description);
        }

        public void Blocks(ContainerBlock container)
        {
            foreach (var block in container)
            {
                switch (block)
                {
                    case HeadingBlock h:
                        Flush();
                        _anchor = h.TryGetAttributes()?.Id ?? "";
                        _place = _headings++;
                        _block.Clear();
                        Inlines(h.Inline);
                        _heading = _block.Length > 0;
                        Tokenizer.Index(_block.Span, HeadingWeight, _terms);
                        break;
                    case LeafBlock leaf:
                        _block.Clear();
                        if (leaf is CodeBlock && leaf.Inline is null)
                            for (var i = 0; i < leaf.Lines.Count; i++)
                            {
                                if (i > 0) _block.Append('\n');
                                _block.Append(leaf.Lines.Lines[i].Slice.AsSpan());
                            }
                        else Inlines(leaf.Inline);
                        if (_block.Length == 0) break;
                        Tokenizer.Index(_block.Span, BodyWeight, _terms);
                        if (_text.Length > 0) _text.Append('\n');
                        _text.Append(_block.Span);
                        break;
                    case ContainerBlock child:
                        Blocks(child);
                        break;
                }
            }
        }

        public void Flush()
        {
            if (_text.Length > 0 || _heading) Passages.Add(new SearchPassage(_anchor, new string(_text.Span), _place));
            _text.Clear();
        }

        /// <summary>The text of inlines as a reader sees it; a soft line break between Chinese characters is no space.</summary>
        private void Inlines(ContainerInline? container)
        {
            for (var inline = container?.FirstChild; inline is not null; inline = inline.NextSibling)
            {
                switch (inline)
                {
                    case LiteralInline literal: _block.Append(literal.Content.AsSpan()); break;
                    case CodeInline code: _block.Append(code.Content); break;
                    case LineBreakInline when _block.Length > 0 && !EndsWithHan(_block.Span): _block.Append(' '); break;
                    case ContainerInline child: Inlines(child); break;
                }
            }
        }
    }

    /// <summary>A growable run of characters, reused from block to block.</summary>
    private sealed class CharBuffer
    {
        private char[] _chars = new char[1024];
        public int Length { get; private set; }
        public ReadOnlySpan<char> Span => _chars.AsSpan(0, Length);
        public void Clear() => Length = 0;
        public void Append(char c) => Append([c]);

        public void Append(ReadOnlySpan<char> text)
        {
            if (Length + text.Length > _chars.Length) Array.Resize(ref _chars, Math.Max(_chars.Length * 2, Length + text.Length));
            text.CopyTo(_chars.AsSpan(Length));
            Length += text.Length;
        }
    }

    private static bool EndsWithHan(ReadOnlySpan<char> text)
    {
        var last = text[^1];
        if (!char.IsLowSurrogate(last) || text.Length < 2) return !char.IsSurrogate(last) && HanScript.Is(new Rune(last));
        return char.IsHighSurrogate(text[^2]) && HanScript.Is(new Rune(text[^2], last));
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
