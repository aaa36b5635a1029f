using Scriban;
using SiteGen.Diagnostics;

namespace SiteGen.Templates;

/// <summary>Every template under templates/, parsed once. Parse errors are reported at their file position.</summary>
public sealed class TemplateStore
{
    public const string Folder = "templates";
    public const string AssetsFolder = "assets";
    private readonly Dictionary<string, Template> _templates = new(StringComparer.Ordinal);
    private readonly HashSet<string> _broken = new(StringComparer.Ordinal);

    public static TemplateStore Load(string root, DiagnosticBag bag)
    {
        var store = new TemplateStore();
        var dir = Path.Combine(root, Folder);
        if (!Directory.Exists(dir))
        {
            bag.Error(new SourceLocation(Folder), "templates/ folder not found");
            return store;
        }
        foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(dir, file).Replace('\\', '/');
            if (name.StartsWith(AssetsFolder + "/", StringComparison.Ordinal) || name.Split('/').Any(s => s.StartsWith('.'))) continue;
            var display = $"{Folder}/{name}";
            var text = TextFile.Read(file, display, bag);
            if (text is not null) store.Add(name, text, bag);
        }
        return store;
    }

    public void Add(string name, string text, DiagnosticBag bag)
    {
        var template = Template.Parse(text, $"{Folder}/{name}");
        foreach (var m in template.Messages)
        {
            var at = SourceLocation.FromZeroBased(m.Span.FileName ?? $"{Folder}/{name}", m.Span.Start.Line, m.Span.Start.Column);
            if (m.Type == Scriban.Parsing.ParserMessageType.Error) bag.Error(at, m.Message);
            else bag.Warning(at, m.Message);
        }
        if (template.HasErrors) _broken.Add(name);
        else _templates[name] = template;
    }

    public bool Has(string name) => _templates.ContainsKey(name);
    /// <summary>Present but unparsable: its errors are already reported, so users of it stay quiet.</summary>
    public bool IsBroken(string name) => _broken.Contains(name);
    public Template? Get(string name) => _templates.GetValueOrDefault(name);
    public IEnumerable<string> Names => _templates.Keys;
}
