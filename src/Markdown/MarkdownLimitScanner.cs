using static SiteGen.Markdown.MarkdownLimits;

namespace SiteGen.Markdown;

/// <summary>
/// The one pass behind <see cref="MarkdownLimits.Check"/>. It follows Markdown's block structure only as far as the
/// limits need: open list items by their content column (a less indented line closes them), quote markers per line,
/// fenced code (skipped), and per paragraph the emphasis and brackets still open. Where it cannot be exact it counts
/// high, and every limit is far above what a real page nests.
/// </summary>
internal sealed class MarkdownLimitScanner(string body)
{
    private readonly List<int> _items = new(); // content columns of the open list items, outermost first
    private int _listItems;
    private int _pipes;
    private int _definitions;                  // lines that may start a link reference or footnote definition
    private int _fenceContainer = -1;          // the content column the open fence belongs to; -1 outside a fence
    private char _fenceChar;
    private int _fenceLength;
    private int _fenceQuotes;
    private int _brackets;                     // open in the current paragraph
    private int _emphasis;
    private readonly List<OpenLink> _openLinks = new(); // `](` in the current paragraph whose `)` is not found yet, oldest first
    private long _openLinkStarts;              // the sum of their positions
    private int _parens;                       // `(` not yet closed by a `)` in the current paragraph
    private long _openLinkSearch;              // characters searched for their `)` in the page so far

    /// <param name="Depth">The parentheses open just after its `(`: the `)` that brings them below this closes it.</param>
    private readonly record struct OpenLink(int At, int Depth, int Line, int Column);

    public Violation? Run()
    {
        var line = 0;
        for (var start = 0; ; line++)
        {
            var end = body.IndexOf('\n', start);
            if (end < 0) end = body.Length;
            if (ScanLine(line, start, end) is { } found) return found;
            if (end == body.Length) return CloseOpenLinks(end);
            start = end + 1;
        }
    }

    private Violation? ScanLine(int line, int start, int end)
    {
        var (pos, col) = (start, 0);
        if (IsBlank(pos, end))
        {
            _brackets = _emphasis = 0;
            return CloseOpenLinks(start);
        }
        var quotes = 0;
        while (Skip(ref pos, ref col, end) && body[pos] == '>')
        {
            if (++quotes > BlockNesting) return new(line, pos - start + 1, BlockNestingMessage);
            pos++;
            col++;
            if (pos < end && body[pos] == ' ') { pos++; col++; }
        }
        Skip(ref pos, ref col, end);
        if (_fenceContainer >= 0)
        {
            if (quotes >= _fenceQuotes && col >= _fenceContainer)
            {
                if (FenceRun(pos, end) is { } run && run.Char == _fenceChar && run.Length >= _fenceLength) _fenceContainer = -1;
                return null;
            }
            _fenceContainer = -1; // its list item or quote ended, and the fence with it
        }
        while (_items.Count > 0 && col < _items[^1]) _items.RemoveAt(_items.Count - 1);
        if (Containers(line, start, end, ref pos, ref col, ref quotes) is { } found) return found;
        if (FenceRun(pos, end) is { Length: >= 3 } fence)
        {
            (_fenceChar, _fenceLength, _fenceQuotes) = (fence.Char, fence.Length, quotes);
            _fenceContainer = _items.Count > 0 ? _items[^1] : 0;
            _brackets = _emphasis = 0;
            return CloseOpenLinks(pos);
        }
        if (pos < end && body[pos] == '[' && body.AsSpan(pos, end - pos).Contains("]:", StringComparison.Ordinal) && ++_definitions > Definitions)
            return new(line, pos - start + 1, DefinitionsMessage);
        return Inlines(line, start, pos, end);
    }

    /// <summary>List markers (each opens an item, nested in the ones before it) and quote markers after the first.</summary>
    private Violation? Containers(int line, int start, int end, ref int pos, ref int col, ref int quotes)
    {
        while (pos < end)
        {
            if (body[pos] == '>')
            {
                if (++quotes + _items.Count > BlockNesting) return new(line, pos - start + 1, BlockNestingMessage);
                pos++;
                col++;
                Skip(ref pos, ref col, end);
                continue;
            }
            var width = ListMarkerWidth(pos, end);
            if (width == 0) return null;
            var spaces = 0;
            while (pos + width + spaces < end && body[pos + width + spaces] == ' ') spaces++;
            var content = col + width + (spaces is 0 or > 4 ? 1 : spaces);
            _items.Add(content);
            _brackets = _emphasis = 0;
            if (CloseOpenLinks(pos) is { } open) return open;
            if (++_listItems > ListItems) return new(line, pos - start + 1, ListItemsMessage);
            if (_items.Count + quotes > BlockNesting) return new(line, pos - start + 1, BlockNestingMessage);
            pos += width + Math.Min(spaces, 4);
            col = content;
        }
        return null;
    }

    /// <summary>Emphasis and link brackets still open in the paragraph, and runs of backticks.</summary>
    private Violation? Inlines(int line, int start, int pos, int end)
    {
        // A table row's cells and an abbreviation definition (`*[HTML]: …`) are inline text of their own: what one leaves
        // open does not stay open in the next line.
        if (body.AsSpan(pos, end - pos).Contains('|') || body.AsSpan(pos, end - pos).StartsWith("*[")) _brackets = _emphasis = 0;
        var rowPipes = 0;
        for (var i = pos; i < end; i++)
        {
            var next = body.AsSpan(i, end - i).IndexOfAny(InlineMarks);
            if (next < 0) return null;
            i += next;
            var c = body[i];
            if (c == '\\') i++;
            else if (c == '|')
            {
                if (++_pipes > Pipes) return new(line, i - start + 1, PipesMessage);
                if (++rowPipes > RowPipes) return new(line, i - start + 1, RowPipesMessage);
            }
            else if (c == '[')
            {
                if (++_brackets + _emphasis > InlineNesting) return new(line, i - start + 1, InlineNestingMessage);
            }
            else if (c == ']')
            {
                _brackets = Math.Max(0, _brackets - 1);
                if (i + 1 < end && body[i + 1] == '(')
                {
                    _openLinks.Add(new OpenLink(i, ++_parens, line, i - start + 1));
                    _openLinkStarts += i;
                    i++;
                }
            }
            else if (c == '(') _parens++;
            else if (c == ')' && _parens > 0 && CloseLinksAt(i) is { } open) return open;
            else if (c is '*' or '_' or '`')
            {
                var run = 1;
                while (i + run < end && body[i + run] == c) run++;
                if (c == '`' && run > BacktickRun) return new(line, i - start + 1, BacktickRunMessage);
                if (c == '`')
                {
                    // A code span's text is literal: skip to the closing run of the same length on this line, if any.
                    var close = ClosingBackticks(i + run, end, run);
                    if (close >= 0) i = close;
                }
                else
                {
                    var before = i > start ? body[i - 1] : ' ';
                    var after = i + run < end ? body[i + run] : ' ';
                    var opens = !IsSpace(after) && (!IsPunctuation(after) || IsSpace(before) || IsPunctuation(before));
                    var closes = !IsSpace(before) && (!IsPunctuation(before) || IsSpace(after) || IsPunctuation(after));
                    if (opens && !closes && (_emphasis += run) + _brackets > InlineNesting) return new(line, i - start + 1, InlineNestingMessage);
                    if (closes && !opens) _emphasis = Math.Max(0, _emphasis - run);
                }
                i += run - 1;
            }
        }
        return null;
    }

    /// <summary>
    /// A `)` ends the search for the links whose destination it closes: those opened inside as many parentheses as are
    /// open now (Markdig keeps a balanced `(…)` in a destination, so a `)` that closes one ends no link). The sum over the
    /// page of the characters searched from each `](` is what the limit counts.
    /// </summary>
    private Violation? CloseLinksAt(int at)
    {
        while (_openLinks.Count > 0 && _openLinks[^1].Depth >= _parens)
        {
            var link = _openLinks[^1];
            _openLinks.RemoveAt(_openLinks.Count - 1);
            _openLinkStarts -= link.At;
            _openLinkSearch += at - link.At;
            if (_openLinkSearch > OpenLinkSearch) return new(link.Line, link.Column, OpenLinkSearchMessage);
        }
        _parens--;
        return null;
    }

    /// <summary>The paragraph's end ends the search for every link still open; the limit is reported at the first of them.</summary>
    private Violation? CloseOpenLinks(int at)
    {
        _parens = 0;
        if (_openLinks.Count == 0) return null;
        _openLinkSearch += (long)_openLinks.Count * at - _openLinkStarts;
        var first = _openLinks[0];
        _openLinks.Clear();
        _openLinkStarts = 0;
        return _openLinkSearch > OpenLinkSearch ? new(first.Line, first.Column, OpenLinkSearchMessage) : null;
    }

    /// <returns>Where the first backtick run of exactly <paramref name="length"/> from <paramref name="from"/> starts; -1 if none.</returns>
    private int ClosingBackticks(int from, int end, int length)
    {
        for (var i = from; i < end; i++)
        {
            if (body[i] != '`') continue;
            var run = 1;
            while (i + run < end && body[i + run] == '`') run++;
            if (run == length) return i;
            i += run - 1;
        }
        return -1;
    }

    /// <returns>The width of a bullet (`-`, `*`, `+`) or ordered (`1.`, `1)`) marker followed by a space or the line's end; 0 for none.</returns>
    private int ListMarkerWidth(int pos, int end)
    {
        var width = body[pos] is '-' or '*' or '+' ? 1 : 0;
        if (width == 0)
        {
            while (width < 9 && pos + width < end && char.IsAsciiDigit(body[pos + width])) width++;
            if (width == 0 || pos + width >= end || body[pos + width] is not ('.' or ')')) return 0;
            width++;
        }
        return pos + width >= end || IsSpace(body[pos + width]) ? width : 0;
    }

    private (char Char, int Length)? FenceRun(int pos, int end)
    {
        if (pos >= end || body[pos] is not ('`' or '~')) return null;
        var length = 1;
        while (pos + length < end && body[pos + length] == body[pos]) length++;
        return (body[pos], length);
    }

    /// <summary>Moves past spaces and tabs (a tab to the next multiple of four columns).</summary>
    /// <returns>Whether anything but the line's end follows.</returns>
    private bool Skip(ref int pos, ref int col, int end)
    {
        for (; pos < end && body[pos] is ' ' or '\t'; pos++) col = body[pos] == '\t' ? col + 4 - col % 4 : col + 1;
        return pos < end && body[pos] != '\r';
    }

    private bool IsBlank(int pos, int end) => body.AsSpan(pos, end - pos).IndexOfAnyExcept(" \t\r") < 0;

    // Where an inline limit may change: the rest of a line is skipped to the next of these.
    private static readonly System.Buffers.SearchValues<char> InlineMarks = System.Buffers.SearchValues.Create("\\[]*_`|()");

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\r' || char.IsWhiteSpace(c);

    private static bool IsPunctuation(char c) => char.IsPunctuation(c) || char.IsSymbol(c);
}
