using System.Diagnostics;
using SiteGen.Diagnostics;
using SiteGen.Markdown;
using SiteGen.Output;
using SiteGen.Search;

namespace SiteGen.Benchmarks;

/// <summary>
/// `search-profile SITE [ROUNDS]`: where the search stage's time goes, on one thread and without JIT warm-up in the
/// figures: every page parsed once up front, then per round each part timed over the whole site (extracting and
/// tokenising, adding to the index, writing the result files, merging and scoring, encoding and writing the shards).
/// Prints the fastest round of each part, in ms of the process's CPU time, and what the last round of it allocated.
/// </summary>
public static class SearchProfile
{
    public static int Run(string[] args)
    {
        var root = Path.GetFullPath(args[0]);
        var rounds = args.Length > 1 ? int.Parse(args[1]) : 5;
        var bag = new DiagnosticBag();
        var site = new SiteBuilder(new BuildOptions { Root = root }).Load(bag)!;
        var parsed = site.Index.Pages.Select(page => site.Markdown.Body(page, bag) is { } body
            ? new RenderedPage(page, body, site.Markdown.Parse(page, body, bag), MarkdownLinks.None)
            : new RenderedPage(page, null, null, MarkdownLinks.None)).ToList();
        var groups = parsed.GroupBy(p => p.Page.TranslationKey).Select(g => g.ToList()).ToList();
        var best = new Dictionary<string, double>();
        var allocated = new Dictionary<string, long>();
        var before = 0L;
        void Keep(string part, double ms)
        {
            best[part] = Math.Min(best.GetValueOrDefault(part, double.MaxValue), ms);
            allocated[part] = GC.GetTotalAllocatedBytes(true) - before;
        }
        double Cpu()
        {
            before = GC.GetTotalAllocatedBytes(true);
            return ProcessCpu();
        }
        var one = new ParallelOptions { MaxDegreeOfParallelism = 1 };
        for (var round = 0; round < rounds; round++)
        {
            var tree = new OutputTree(null, false);
            var stage = new SearchStage(site.Index, tree, bag);
            var pages = parsed.Where(p => p.Document is not null).ToList();
            var t = Cpu();
            var counts = new TermCounts();
            var docs = pages.Select((p, i) => { var d = DocumentExtractor.Extract(i, p.Page, p.Document!, "", counts); counts.Clear(); return d; }).ToList();
            Keep("  of which: extract and tokenise", ProcessCpu() - t);
            var texts = docs.SelectMany(d => d.Passages.Select(p => p.Text)).ToList();
            var han = texts.Where(x => x.Any(c => c > 0x3000)).ToList();
            var latin = texts.Where(x => !x.Any(c => c > 0x3000)).ToList();
            t = Cpu();
            foreach (var x in han) { Tokenizer.Index(x, 1, counts); counts.Clear(); }
            Keep("  of which: tokenise Chinese passages", ProcessCpu() - t);
            t = Cpu();
            foreach (var x in latin) { Tokenizer.Index(x, 1, counts); counts.Clear(); }
            Keep("  of which: tokenise English passages", ProcessCpu() - t);
            t = Cpu();
            foreach (var x in texts) SiteGen.Parity.NumberExtractor.ExtractWithSpans(x);
            Keep("  of which: numbers in all passages", ProcessCpu() - t);
            t = Cpu();
            var results = new OutputTree(null, false);
            foreach (var d in docs) ShardWriter.Group(results, d.Id, [d]);
            Keep("  of which: result files", ProcessCpu() - t);
            t = Cpu();
            foreach (var group in groups) stage.GroupRendered(group);
            Keep("per group (extract, index, result file)", ProcessCpu() - t);
            t = Cpu();
            stage.WriteIndex(one);
            Keep("after rendering (merge, score, shards)", ProcessCpu() - t);
            Console.Error.WriteLine($"round {round}: {tree.Count} files");
        }
        foreach (var (part, ms) in best) Console.WriteLine($"{part}\t{ms:F0} ms\t{allocated[part] / 1e6:F0} MB allocated");
        return 0;
    }

    // Process CPU time (every thread, the GC's included), so other processes on the machine do not count.
    private static double ProcessCpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
}
