using System.Collections.Concurrent;
using SiteGen.Diagnostics;
using SiteGen.Templates;

namespace SiteGen.Checks;

/// <summary>
/// The places in templates that wrote a link's tag, each kept once for the whole build (the same line of the navigation
/// writes a link on every page) and numbered, so a scanned page keeps one number per link. The line and column are
/// worked out only for a link that is reported.
/// </summary>
public sealed class TemplateOrigins
{
    private readonly ConcurrentDictionary<(string File, int Offset), int> _ids = new();
    private readonly List<(string File, string Text, int Offset)> _all = new();

    /// <summary>Thread-safe: called as pages are scanned.</summary>
    public int Id(string file, string text, int offset)
    {
        if (_ids.TryGetValue((file, offset), out var id)) return id;
        lock (_all)
        {
            if (_ids.TryGetValue((file, offset), out id)) return id;
            _all.Add((file, text, offset));
            _ids[(file, offset)] = _all.Count - 1;
            return _all.Count - 1;
        }
    }

    /// <summary>The number of the template text that wrote a page's character at an offset, or -1.</summary>
    public int Of(TemplateWrites writes, int offset) =>
        writes.Find(offset) is var (file, text, at) ? Id(file, text, at) : -1;

    public SourceLocation At(int id)
    {
        (string File, string Text, int Offset) origin;
        lock (_all) origin = _all[id];
        var text = origin.Text.AsSpan(0, Math.Min(origin.Offset, origin.Text.Length));
        var line = text.Count('\n') + 1;
        var column = text.Length - (text.LastIndexOf('\n') + 1) + 1;
        return new SourceLocation(origin.File, line, column);
    }
}
