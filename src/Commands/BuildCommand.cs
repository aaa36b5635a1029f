using System.Diagnostics;
using SiteGen.Output;

namespace SiteGen.Commands;

/// <summary>`SiteGen build` and `SiteGen check`: runs the build, prints every problem and a one-line summary.</summary>
public static class BuildCommand
{
    public static int Run(BuildOptions options, bool isCheck, bool verbose, TextWriter stdout, TextWriter stderr)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            if (!File.Exists(Path.Combine(options.Root, "site.yml")) && !Directory.Exists(Path.Combine(options.Root, "content")))
            {
                stderr.WriteLine($"error: {options.Root} is not a SiteGen site (no site.yml or content/)");
                return ExitCodes.UsageError;
            }
            if (options.OutputDir is { } outDir && OutputGuard.Check(options.Root, outDir) is { } refusal)
            {
                stderr.WriteLine($"error: {refusal}");
                return ExitCodes.UsageError;
            }
            var builder = new SiteBuilder(options);
            var result = builder.Build();
            if (verbose) stdout.WriteLine(Timings(builder));
            foreach (var d in result.Diagnostics) stderr.WriteLine(d);
            if (verbose)
                foreach (var link in result.ExternalLinks) stdout.WriteLine($"external: {link}");
            stdout.WriteLine(Summary(result, options, isCheck, clock.Elapsed));
            return result.Succeeded ? ExitCodes.Ok : ExitCodes.SiteProblems;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: {e.Message}");
            if (verbose) stderr.WriteLine(e);
            return ExitCodes.UsageError;
        }
        catch (Exception e)
        {
            stderr.WriteLine($"error: internal error: {e.Message} (this is a bug in SiteGen; run with --verbose for details)");
            if (verbose) stderr.WriteLine(e);
            return ExitCodes.InternalError;
        }
    }

    private static string Timings(SiteBuilder builder) =>
        "stages: " + string.Join(", ", builder.Timings.Select(t => t.HeapBytes > 0 ? $"{t.Stage} {t.Ms:0} ms ({t.HeapBytes >> 20} MB heap)" : $"{t.Stage} {t.Ms:0} ms"))
        + $"; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 >> 20} MB"
        + $"; GC {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} (gen 0/1/2), paused {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms, {GC.GetTotalAllocatedBytes() >> 20} MB allocated; JIT {System.Runtime.JitInfo.GetCompiledMethodCount()} methods in {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:0} ms";

    private static string Summary(BuildResult r, BuildOptions o, bool isCheck, TimeSpan elapsed)
    {
        var verb = isCheck ? "Checked" : r.Written ? "Built" : "Failed to build";
        var langs = string.Join(", ", r.PagesPerLanguage.Select(kv => $"{kv.Key} {kv.Value}"));
        var problems = r.Diagnostics.Count(d => d.IsError);
        var warnings = r.Diagnostics.Count - problems;
        var target = r.Written ? $" → {Path.GetRelativePath(Environment.CurrentDirectory, o.OutputDir!)}/" : "";
        var warn = warnings > 0 ? $", {warnings} warning{(warnings == 1 ? "" : "s")}" : "";
        return $"{verb} {r.Pages} pages ({langs}), {r.Assets} assets, {r.LinksChecked} links checked, {problems} problem{(problems == 1 ? "" : "s")}{warn} in {elapsed.TotalSeconds:0.00} s{target}";
    }
}
