namespace SiteGen.Markdown;

/// <summary>
/// Limits a page's Markdown is held to before Markdig sees it. Markdig's block parser walks every open list and quote for
/// each line, so thousands of nested levels cost minutes before its own depth check refuses them; hundreds of
/// thousands of list items cost seconds each. One pass over the body, line by line, finds the first line over a limit.
/// </summary>
public static class MarkdownLimits
{
    /// <summary>Lists and block quotes inside one another (Markdig refuses about twice as many on its own, slowly).</summary>
    public const int BlockNesting = 32;

    /// <summary>Emphasis and link brackets open inside one another within a paragraph.</summary>
    public const int InlineNesting = 50;

    /// <summary>List items in one page.</summary>
    public const int ListItems = 50_000;

    /// <summary>Backticks in one run: code spans are matched by run length, and each length may be searched for to the paragraph's end.</summary>
    public const int BacktickRun = 64;

    /// <summary>Link reference and footnote definitions in one page: each one more costs more than the last.</summary>
    public const int Definitions = 10_000;

    public static string DefinitionsMessage => $"more than {Definitions:N0} link reference or footnote definitions (`[label]: …`) in one page (the limit is {Definitions:N0}; split the page)";
    /// <summary>Pipes (`|`, table cell borders) in one page: Markdig holds every cell of a table at once, and tries each line with pipes as a table row.</summary>
    public const int Pipes = 200_000;

    /// <summary>Pipes in one line, the cells of one table row: Markdig's pipe tables cost the square of a row's cells once columns are aligned.</summary>
    public const int RowPipes = 1_000;

    /// <summary>
    /// Characters searched for the `)` of links left open (`[a](b` with no `)`), summed over a page: Markdig searches the
    /// rest of the paragraph for each one, so the cost grows with the square of their number on one line.
    /// </summary>
    public const long OpenLinkSearch = 100_000_000;

    public static string OpenLinkSearchMessage => $"too many links with no closing `)` (`[text](url` without `)`): the rest of the paragraph is searched for each one's `)`, over {OpenLinkSearch:N0} characters in this page (the limit is {OpenLinkSearch:N0}; close the links or split the paragraph)";

    public static string RowPipesMessage => $"a line with more than {RowPipes:N0} `|` (table cells in one row; the limit is {RowPipes:N0}; split the table)";
    public static string PipesMessage => $"more than {Pipes:N0} `|` (table cell borders) in one page (the limit is {Pipes:N0}; split the table or the page)";
    public static string BlockNestingMessage => $"lists and quotes nested more than {BlockNesting} levels deep (the limit is {BlockNesting})";
    public static string InlineNestingMessage => $"emphasis and links nested more than {InlineNesting} levels deep in one paragraph (the limit is {InlineNesting})";
    public static string ListItemsMessage => $"more than {ListItems:N0} list items in one page (the limit is {ListItems:N0}; split the page)";
    public static string BacktickRunMessage => $"a run of more than {BacktickRun} backticks (the limit is {BacktickRun})";

    /// <summary>A place in the body (0-based line, 1-based column) and what is over the limit there.</summary>
    public readonly record struct Violation(int Line, int Column, string Message);

    /// <returns>The first place over a limit, or null.</returns>
    public static Violation? Check(string body) => new MarkdownLimitScanner(body).Run();
}
