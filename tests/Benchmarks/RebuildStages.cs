using System.Diagnostics;
using SiteGen.Incremental;

namespace SiteGen.Benchmarks;

/// <summary>`serve`'s rebuild in process, stage by stage: a body edit to one page, then a build with the render cache.</summary>
public static class RebuildStages
{
    public static int Run(string site, int runs, string pagePath)
    {
        var root = Paths.CopySite(site);
        var cache = new RenderCache();
        var options = new BuildOptions { Root = root, Cache = cache };
        var first = new SiteBuilder(options).Build();
        if (!first.Succeeded) throw new InvalidOperationException(string.Join("\n", first.Diagnostics));
        cache.Commit();
        var file = Path.Combine(root, "content/en", pagePath);
        var original = File.ReadAllText(file);
        var totals = new Dictionary<string, List<double>>();
        for (var i = 0; i < runs; i++)
        {
            File.WriteAllText(file, original.TrimEnd() + $"\n\nEdited {i} times.\n");
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var builder = new SiteBuilder(options);
            var result = builder.Build();
            clock.Stop();
            if (!result.Succeeded) throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
            cache.Commit();
            void Add(string k, double v) { if (!totals.TryGetValue(k, out var l)) totals[k] = l = new(); l.Add(v); }
            Add("wall", clock.Elapsed.TotalMilliseconds); Add("rendered", cache.Rendered); Add("reused", cache.Reused);
            Add("cpu", (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds);
            foreach (var (stage, ms, _) in builder.Timings) Add(stage, ms);
        }
        foreach (var (k, v) in totals) Console.WriteLine($"  {k,-32} median {v.Order().ElementAt(v.Count / 2),8:0.0} ms");
        Directory.Delete(root, true);
        return 0;
    }
}
