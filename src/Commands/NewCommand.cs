using SiteGen.Content;
using SiteGen.Diagnostics;

namespace SiteGen.Commands;

/// <summary>`SiteGen new PATH`: loads the site (drafts included, its problems ignored) and scaffolds the page in every language.</summary>
public static class NewCommand
{
    public static int Run(string root, string path, DateOnly today, TextWriter stdout, TextWriter stderr)
    {
        var bag = new DiagnosticBag();
        var created = PageScaffolder.CheckPath(path, bag) is { } rel && Load(root, bag) is { } site
            ? PageScaffolder.Create(root, rel, site.Config, site.Index, today, bag)
            : null;
        foreach (var d in bag.Sorted()) stderr.WriteLine(d);
        foreach (var p in created ?? []) stdout.WriteLine($"Created {p}");
        return bag.HasErrors ? ExitCodes.SiteProblems : ExitCodes.Ok;
    }

    /// <summary>Problems elsewhere in the site don't stop a new page; only an unusable site.yml does.</summary>
    private static SiteBuilder.LoadedSite? Load(string root, DiagnosticBag bag)
    {
        var siteBag = new DiagnosticBag();
        var site = new SiteBuilder(new BuildOptions { Root = root, IncludeDrafts = true }).Load(siteBag);
        if (site is null)
            foreach (var d in siteBag.Sorted().Where(d => d.IsError)) bag.Add(d);
        return site;
    }
}
