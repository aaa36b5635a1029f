namespace SiteGen.Diagnostics;

/// <summary>Collects every problem of a run so they are reported together; safe to add to from several threads.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = new();
    private readonly object _gate = new();

    public void Error(SourceLocation? at, string message, string? hint = null) => Add(new(Severity.Error, at, message, hint));
    public void Warning(SourceLocation? at, string message, string? hint = null) => Add(new(Severity.Warning, at, message, hint));

    public void Add(Diagnostic d)
    {
        lock (_gate) _items.Add(d);
    }

    public bool HasErrors { get { lock (_gate) return _items.Any(d => d.IsError); } }
    public int ErrorCount { get { lock (_gate) return _items.Count(d => d.IsError); } }

    /// <summary>Sorted by file, line and column so parallel stages still print in a stable order.</summary>
    public IReadOnlyList<Diagnostic> Sorted()
    {
        List<Diagnostic> sorted;
        lock (_gate) sorted = [.. _items];
        // Diagnostics that compare equal are equal records, so an unstable sort still gives one order.
        sorted.Sort(Compare);
        // A template error repeats for every page that uses the template: say it once.
        return sorted.DistinctBy(d => d with { Hint = null }).ToList();
    }

    /// <summary>By file, line, column, then text. A comparison, not OrderBy: LINQ's sorting by int keys is compiled when the JIT and ReadyToRun builds run.</summary>
    private static int Compare(Diagnostic a, Diagnostic b)
    {
        var c = string.CompareOrdinal(a.Location?.Path ?? "", b.Location?.Path ?? "");
        if (c == 0) c = (a.Location?.Line ?? 0).CompareTo(b.Location?.Line ?? 0);
        if (c == 0) c = (a.Location?.Column ?? 0).CompareTo(b.Location?.Column ?? 0);
        if (c == 0) c = string.CompareOrdinal(a.Message, b.Message);
        if (c == 0) c = string.CompareOrdinal(a.Hint, b.Hint);
        if (c == 0) c = a.Severity.CompareTo(b.Severity);
        if (c == 0) c = a.Location.HasValue.CompareTo(b.Location.HasValue);
        return c;
    }
}
