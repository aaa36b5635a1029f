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

    /// <summary>Template functions (`func`) calling each other or themselves, one inside the other.</summary>
    public const int CallDepth = 100;

    /// <summary>
    /// Characters one page's templates write, summed over its layout, the base layout and each partial (a partial's text
    /// counts where it is rendered and again where it is placed).
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

    /// <summary>Scriban's own messages when it enforces one of these limits, in the author's terms.</summary>
    public static string? Explain(ScriptRuntimeException e) => e.OriginalMessage switch
    {
        var m when m.StartsWith("Exceeding number of iteration limit", StringComparison.Ordinal) && m.Contains("loop statement") => Loop,
        var m when m.StartsWith("Exceeding number of iteration limit", StringComparison.Ordinal) => Range,
        var m when m.StartsWith("Range expression exceeds LoopLimit", StringComparison.Ordinal) => Range,
        var m when m.StartsWith("Exceeding number of recursive depth limit", StringComparison.Ordinal) => Recursion,
        var m when m.Contains("exceeds LimitToString", StringComparison.Ordinal) => String,
        _ when e.InnerException is System.Text.RegularExpressions.RegexMatchTimeoutException => Regex,
        var m when m.StartsWith("The Regex engine has timed out", StringComparison.Ordinal) => Regex,
        _ => null,
    };
}
