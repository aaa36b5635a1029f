using Scriban.Syntax;

namespace SiteGen.Templates;

/// <summary>
/// How much work one page's templates may do. A template is code: without these, `{{ while true }}` or a string doubled
/// forty times would run for hours or exhaust memory. Each is far above what a real site's templates need; an error
/// names the limit that was reached.
/// </summary>
public static class TemplateLimits
{
    /// <summary>Iterations of one loop, nested loops counted together; also the largest range or array a function may walk.</summary>
    public const int LoopIterations = 200_000;

    /// <summary>Template functions (`func`), partials and `main` calling each other or themselves, one inside the other.</summary>
    public const int CallDepth = 100;

    /// <summary>
    /// Characters one page's templates write, summed over its base layout, layout and partials, text they `capture`
    /// included (a partial or `main` kept as a value counts where it renders and again where the value is written).
    /// </summary>
    public const int OutputLength = 32 * 1024 * 1024;

    /// <summary>Characters in any one value a template builds (`s + s`, `s * n`, `array.join`): more than a page may write.</summary>
    public const int StringLength = 2 * OutputLength;

    /// <summary>Expressions and statements evaluated while rendering one page (catches recursion that branches).</summary>
    public const long Steps = 2_000_000;

    /// <summary>How long one regular expression (`regex.match`, `regex.replace`…) may run over one value.</summary>
    public static readonly TimeSpan RegexTime = TimeSpan.FromMilliseconds(500);

    public static string Regex => $"a regular expression ran longer than {RegexTime.TotalMilliseconds:0} ms (the limit for one match); does its pattern nest repetitions such as (a+)+?";

    public static string Loop => $"a loop ran more than {LoopIterations:N0} times (the limit is {LoopIterations:N0} iterations per loop, nested loops counted together)";
    public static string Range => $"a range or array has more than {LoopIterations:N0} items (the limit is {LoopIterations:N0} items)";
    public static string Recursion => $"function calls nested more than {CallDepth} deep (the limit is {CallDepth}; does a function call itself without end?)";
    public static string String => $"a value grew past {StringLength:N0} characters (the limit for one value a template builds is {StringLength:N0})";
    public static string Output => $"the page's templates wrote more than {OutputLength:N0} characters (the limit per page is {OutputLength:N0})";
    public static string Work => $"the page's templates evaluated more than {Steps:N0} expressions (the limit per page is {Steps:N0}; is there a loop or recursion without end?)";

    public const string ReadOnly = "this value is read-only: page, site, lang and menu are shared by pages rendering at the same time; assign to a new variable instead";

    /// <summary>
    /// Scriban's own messages when it enforces one of these limits or refuses a write, and what the author is told
    /// instead. Scriban raises them all as a plain <see cref="ScriptRuntimeException"/>, with no type, code or property
    /// to tell them apart, so its text is all there is: each entry has a test (tests/Templates/ScribanMessageTests.cs)
    /// that makes Scriban raise it, so an upgrade that rewords one fails there rather than reaching an author.
    /// </summary>
    public static readonly IReadOnlyList<(string Scriban, string Author)> ScribanMessages =
    [
        ("for loop statement.", Loop),                   // Exceeding number of iteration limit `N` for loop statement.
        ("for internal iteration.", Range),              // Exceeding number of iteration limit `N` for internal iteration.
        ("Range expression exceeds LoopLimit", Range),
        ("Exceeding number of recursive depth limit", Recursion),
        ("String multiplication exceeds LimitToString", String),
        ("Joined string exceeds LimitToString", String),
        ("exceeds the configured LimitToString", String), // padding, and other string functions
        ("The object is readonly", ReadOnly),            // a member set on a read-only object (ReadOnlyGuard covers array items)
    ];

    /// <summary>What to tell the author for an error Scriban raised enforcing a limit, or null for any other error.</summary>
    public static string? Explain(ScriptRuntimeException e)
    {
        // Scriban keeps the .NET exception of a regular expression that ran out of time: its type says it.
        if (e.InnerException is System.Text.RegularExpressions.RegexMatchTimeoutException) return Regex;
        foreach (var (scriban, author) in ScribanMessages)
            if (e.OriginalMessage.Contains(scriban, StringComparison.Ordinal)) return author;
        return null;
    }
}
