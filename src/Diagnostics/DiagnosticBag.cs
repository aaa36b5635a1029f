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
        lock (_gate)
            return _items
                .OrderBy(d => d.Location?.Path ?? "", StringComparer.Ordinal)
                .ThenBy(d => d.Location?.Line ?? 0).ThenBy(d => d.Location?.Column ?? 0)
                .ThenBy(d => d.Message, StringComparer.Ordinal).ThenBy(d => d.Hint, StringComparer.Ordinal)
                // A template error repeats for every page that uses the template: say it once.
                .DistinctBy(d => (d.Severity, d.Location, d.Message)).ToList();
    }
}
