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

/// <summary>
/// `serve`'s preview of an edit in process, part by part: following a body edit and rendering its translation group on
/// the prepared copy, and what making that copy costs (its own Markdown stage, the page models), which is why it is made
/// once per good build and not per edit.
/// </summary>
public static class PreviewParts
{
    public static int Run(string site, int runs, string pagePath)
    {
        var root = Paths.CopySite(site);
        var options = new BuildOptions { Root = root, Cache = new RenderCache() };
        var first = new SiteBuilder(options).Build();
        var loaded = first.Site!;
        var prepared = new SiteBuilder(options).Preview(loaded);
        var file = Path.Combine(root, "content/en", pagePath);
        var original = File.ReadAllText(file);
        var rel = "content/en/" + pagePath;
        var t = new Dictionary<string, List<double>>();
        void Add(string k, double v) { if (!t.TryGetValue(k, out var l)) t[k] = l = new(); l.Add(v); }
        var lastCpu = Process.GetCurrentProcess().TotalProcessorTime;
        void Cpu(string k) { var now = Process.GetCurrentProcess().TotalProcessorTime; Add(k + " cpu", (now - lastCpu).TotalMilliseconds); lastCpu = now; }
        for (var i = 0; i < runs; i++)
        {
            File.WriteAllText(file, original.TrimEnd() + $"\n\nEdited {i} times.\n");
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var builder = new SiteBuilder(options with { Cache = null });
            var edited = builder.Edited(prepared, [rel])!;
            Add("edited", clock.Elapsed.TotalMilliseconds); clock.Restart();
            var key = edited.Index.BySource(rel)!.TranslationKey;
            var tree = builder.RenderGroups(prepared, edited, new HashSet<string> { key })!;
            Add("render groups", clock.Elapsed.TotalMilliseconds); clock.Restart();
            Add("cpu edited+render", (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds);
            if (!tree.Text("en/" + pagePath[..^3] + "/index.html").Contains($"Edited {i} times")) throw new InvalidOperationException("not edited");
            Cpu("start");
            var markdown = loaded.Markdown.ForPreview();
            Add("markdown stage", clock.Elapsed.TotalMilliseconds); clock.Restart(); Cpu("markdown stage");
            _ = new SiteGen.Templates.PageModelBuilder(loaded.Index, markdown.TocOf, true, options.Parallelism);
            Add("models", clock.Elapsed.TotalMilliseconds); clock.Restart(); Cpu("models");
            _ = SiteGen.Templates.TemplateStore.Load(new SiteFiles(root), new SiteGen.Diagnostics.DiagnosticBag());
            Add("templates", clock.Elapsed.TotalMilliseconds); clock.Restart();
            _ = SiteGen.Output.ThemeAssets.Load(new SiteFiles(root), new SiteGen.Diagnostics.DiagnosticBag());
            Add("theme assets", clock.Elapsed.TotalMilliseconds); clock.Restart();
            var tpl = Path.Combine(root, "templates/partials/footer.html");
            File.AppendAllText(tpl, " ");
            edited = builder.Edited(prepared, [rel, "templates/partials/footer.html"])!;
            Add("edited (template)", clock.Elapsed.TotalMilliseconds); clock.Restart();
        }
        foreach (var (k, v) in t) Console.WriteLine($"  {k,-32} median {v.Order().ElementAt(v.Count / 2),8:0.0} ms");
        Directory.Delete(root, true);
        return 0;
    }
}

