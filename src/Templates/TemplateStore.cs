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

    public static TemplateStore Load(string root, DiagnosticBag bag) => Load(new SiteFiles(root), bag);

    public static TemplateStore Load(SiteFiles site, DiagnosticBag bag)
    {
        var store = new TemplateStore();
        if (site.List(Folder, bag) is not { } files)
        {
            bag.Error(new SourceLocation(Folder), "templates/ folder not found");
            return store;
        }
        foreach (var (file, name) in files)
        {
            if (name.StartsWith(AssetsFolder + "/", StringComparison.Ordinal)) continue;
            var text = site.ReadText(file, $"{Folder}/{name}", bag);
            if (text is not null) store.Add(name, text, bag);
            else store.AddUnreadable(name);
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

    /// <summary>
    /// Present but refused or undecodable, reported at its path: it stands in as an empty template that is also broken,
    /// so neither the layouts nor the partials that use it report it again as missing.
    /// </summary>
    private void AddUnreadable(string name)
    {
        _templates[name] = Template.Parse("");
        _broken.Add(name);
    }

    public bool Has(string name) => _templates.ContainsKey(name);
    /// <summary>Present but unparsable: its errors are already reported, so users of it stay quiet.</summary>
    public bool IsBroken(string name) => _broken.Contains(name);
    public Template? Get(string name) => _templates.GetValueOrDefault(name);
    public IEnumerable<string> Names => _templates.Keys;
}
