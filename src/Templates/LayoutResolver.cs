using SiteGen.Content;
using SiteGen.Diagnostics;

namespace SiteGen.Templates;

/// <summary>Picks a page's layout: its front matter's `layout`, else one named after its section, else by kind.</summary>
public static class LayoutResolver
{
    public const string Base = "base.html";

    public static string? Resolve(Page page, TemplateStore templates, DiagnosticBag bag)
    {
        if (page.Meta.Layout is { } chosen)
        {
            var name = $"layouts/{chosen}.html";
            if (templates.Has(name)) return name;
            if (templates.IsBroken(name)) return null;
            var known = templates.Names.Where(n => n.StartsWith("layouts/", StringComparison.Ordinal)).Select(n => n[8..^5]);
            bag.Error(page.At("layout"), $"layout '{chosen}' not found in templates/layouts/", DidYouMean.Hint(chosen, known));
            return null;
        }
        if (page.Kind == PageKind.Regular && page.Section.Length > 0 && templates.Has($"layouts/{page.Section}.html"))
            return $"layouts/{page.Section}.html";
        var byKind = page.Kind switch { PageKind.Home => "layouts/home.html", PageKind.Section => "layouts/list.html", _ => "layouts/page.html" };
        if (templates.Has(byKind)) return byKind;
        if (templates.IsBroken(byKind) || templates.IsBroken($"layouts/{page.Section}.html")) return null;
        bag.Error(new SourceLocation(page.SourcePath, 1, 1), $"no layout for this page: templates/{byKind} is missing");
        return null;
    }
}
