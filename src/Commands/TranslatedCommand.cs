using SiteGen.Diagnostics;
using SiteGen.Parity;

namespace SiteGen.Commands;

/// <summary>`SiteGen translated PATH…`: loads the site once and stamps each translation with its source's block hashes.</summary>
public static class TranslatedCommand
{
    public static int Run(string root, IEnumerable<string> files, TextWriter stdout, TextWriter stderr)
    {
        var bag = new DiagnosticBag();
        var site = new SiteBuilder(new BuildOptions { Root = root }).Load(bag);
        var stamped = site is null ? [] : files.Select(f => TranslationStamp.Stamp(root, site.Index, site.Markdown, f, bag)).OfType<string>().ToList();
        foreach (var d in bag.Sorted().Where(d => d.IsError)) stderr.WriteLine(d);
        foreach (var p in stamped) stdout.WriteLine($"Marked {p} as translated from the current source");
        return bag.HasErrors ? ExitCodes.SiteProblems : ExitCodes.Ok;
    }
}
