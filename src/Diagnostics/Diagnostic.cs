namespace SiteGen.Diagnostics;

public enum Severity { Warning, Error }

public sealed record Diagnostic(Severity Severity, SourceLocation? Location, string Message, string? Hint = null)
{
    public bool IsError => Severity == Severity.Error;

    /// <summary>`path:line:col: error: message (hint)`, the form compilers use so editors can jump to it.</summary>
    public override string ToString()
    {
        var where = Location is { } l ? $"{l}: " : "";
        var what = Severity == Severity.Error ? "error" : "warning";
        var hint = Hint is null ? "" : $" ({Hint})";
        return $"{where}{what}: {Message}{hint}";
    }
}
