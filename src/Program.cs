using System.CommandLine;
using System.Diagnostics;
using System.Runtime.InteropServices;
using SiteGen;

return Cli.Run(args);

/// <summary>Command line → options; prints diagnostics and the summary; maps the outcome to an exit code.</summary>
internal static class Cli
{
    public const int Ok = 0, SiteProblems = 1, UsageError = 2;

    public static int Run(string[] args)
    {
        var rootOption = new Option<string>("--root") { Description = "The site folder (holds site.yml, content/, templates/)", DefaultValueFactory = _ => "." };
        var outOption = new Option<string?>("--out") { Description = "Output folder [default: <root>/build]" };
        var draftsOption = new Option<bool>("--drafts") { Description = "Include pages with `draft: true`" };
        var baseUrlOption = new Option<string?>("--base-url") { Description = "Absolute URL the site is published at (overrides site.yml)" };
        var strictOption = new Option<bool>("--strict") { Description = "Treat translation drift (missing pages, numbers, structure, links, staleness) as errors" };
        var verboseOption = new Option<bool>("--verbose") { Description = "List external links and show stack traces of internal errors", Recursive = true };

        var build = new Command("build", "Build the site into the output folder (the default command)");
        var check = new Command("check", "Do everything build does, including link checks, but write nothing");
        foreach (var cmd in new[] { build, check })
        {
            cmd.Options.Add(rootOption);
            cmd.Options.Add(draftsOption);
            cmd.Options.Add(baseUrlOption);
            cmd.Options.Add(strictOption);
        }
        build.Options.Add(outOption);

        var paths = new Argument<string[]>("paths") { Description = "Translated Markdown files, e.g. content/en/themes/chips.md", Arity = ArgumentArity.OneOrMore };
        var translated = new Command("translated", "Record that these translations are up to date with their source pages");
        translated.Options.Add(rootOption);
        translated.Arguments.Add(paths);

        var portOption = new Option<int>("--port") { Description = "Port on 127.0.0.1 (the next free one is used if it is taken)", DefaultValueFactory = _ => 1313 };
        var basePathOption = new Option<string>("--base-path") { Description = "Serve under this sub-path, as a sub-path host would (e.g. /companion/)", DefaultValueFactory = _ => "/" };
        var serve = new Command("serve", "Build into memory, serve on 127.0.0.1, rebuild and reload open pages on every change");
        foreach (var o in new Option[] { rootOption, portOption, basePathOption, draftsOption }) serve.Options.Add(o);

        var newPath = new Argument<string>("path") { Description = "Page path inside each language folder, e.g. themes/energy" };
        var newCommand = new Command("new", "Create a page in every language, with front matter filled in");
        newCommand.Options.Add(rootOption);
        newCommand.Arguments.Add(newPath);

        var root = new RootCommand("SiteGen: a static site generator for bilingual sites. Without a command, runs `build`.");
        root.Options.Add(rootOption);
        root.Options.Add(outOption);
        root.Options.Add(draftsOption);
        root.Options.Add(baseUrlOption);
        root.Options.Add(strictOption);
        root.Options.Add(verboseOption);
        root.Subcommands.Add(build);
        root.Subcommands.Add(check);
        root.Subcommands.Add(translated);
        root.Subcommands.Add(serve);
        root.Subcommands.Add(newCommand);

        int Action(ParseResult parse, bool isCheck)
        {
            var siteRoot = parse.GetValue(rootOption) ?? ".";
            var options = new BuildOptions
            {
                Root = Path.GetFullPath(siteRoot),
                OutputDir = isCheck ? null : Path.GetFullPath(parse.GetValue(outOption) ?? Path.Combine(siteRoot, "build")),
                KeepOutput = false,
                IncludeDrafts = parse.GetValue(draftsOption),
                BaseUrl = parse.GetValue(baseUrlOption),
                Strict = parse.GetValue(strictOption),
            };
            return Execute(options, isCheck, parse.GetValue(verboseOption));
        }
        root.SetAction(parse => Action(parse, false));
        build.SetAction(parse => Action(parse, false));
        check.SetAction(parse => Action(parse, true));
        serve.SetAction(parse =>
        {
            var options = new BuildOptions { Root = Path.GetFullPath(parse.GetValue(rootOption) ?? "."), IncludeDrafts = parse.GetValue(draftsOption) };
            using var stop = new CancellationTokenSource();
            // Ctrl+C or `kill` stops the server cleanly ("Stopped.", exit 0); Kestrel runs without the hosting defaults that
            // would otherwise listen for them.
            using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
            void Stop(PosixSignalContext signal)
            {
                signal.Cancel = true;
                stop.Cancel();
            }
            return SiteGen.Serve.DevServer.RunAsync(options, parse.GetValue(portOption), parse.GetValue(basePathOption) ?? "/", Console.Out, stop.Token).GetAwaiter().GetResult();
        });
        newCommand.SetAction(parse => NewPage(Path.GetFullPath(parse.GetValue(rootOption) ?? "."), parse.GetValue(newPath)!));
        translated.SetAction(parse => Translated(Path.GetFullPath(parse.GetValue(rootOption) ?? "."), parse.GetValue(paths)!, parse.GetValue(verboseOption)));

        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var e in result.Errors) Console.Error.WriteLine($"error: {e.Message}");
            Console.Error.WriteLine("Run 'SiteGen --help' for usage.");
            return UsageError;
        }
        return result.Invoke();
    }

    private static int NewPage(string root, string path)
    {
        var bag = new SiteGen.Diagnostics.DiagnosticBag();
        var created = SiteGen.Content.PageScaffolder.Create(root, path, DateOnly.FromDateTime(DateTime.Now), bag);
        foreach (var d in bag.Sorted()) Console.Error.WriteLine(d);
        foreach (var p in created ?? []) Console.WriteLine($"Created {p}");
        return bag.HasErrors ? SiteProblems : Ok;
    }

    private static int Translated(string root, string[] files, bool verbose)
    {
        var bag = new SiteGen.Diagnostics.DiagnosticBag();
        var options = new BuildOptions { Root = root };
        var stamped = files.Select(f => SiteGen.Parity.TranslationStamp.Stamp(options, f, bag)).Where(p => p is not null).ToList();
        foreach (var d in bag.Sorted().Where(d => d.IsError)) Console.Error.WriteLine(d);
        foreach (var p in stamped) Console.WriteLine($"Marked {p} as translated from the current source");
        return bag.HasErrors ? SiteProblems : Ok;
    }

    private static int Execute(BuildOptions options, bool isCheck, bool verbose)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            if (!File.Exists(Path.Combine(options.Root, "site.yml")) && !Directory.Exists(Path.Combine(options.Root, "content")))
            {
                Console.Error.WriteLine($"error: {options.Root} is not a SiteGen site (no site.yml or content/)");
                return UsageError;
            }
            if (options.OutputDir is { } outDir && SiteGen.Output.OutputGuard.Check(options.Root, outDir) is { } refusal)
            {
                Console.Error.WriteLine($"error: {refusal}");
                return UsageError;
            }
            Warmup.Start();
            var builder = new SiteBuilder(options);
            var result = builder.Build();
            if (verbose) Console.WriteLine("stages: " + string.Join(", ", builder.Timings.Select(t => t.HeapBytes > 0 ? $"{t.Stage} {t.Ms:0} ms ({t.HeapBytes >> 20} MB heap)" : $"{t.Stage} {t.Ms:0} ms"))
                + $"; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 >> 20} MB"
                + $"; GC {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} (gen 0/1/2), paused {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms, {GC.GetTotalAllocatedBytes() >> 20} MB allocated; JIT {System.Runtime.JitInfo.GetCompiledMethodCount()} methods in {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:0} ms");
            foreach (var d in result.Diagnostics) Console.Error.WriteLine(d);
            if (verbose)
                foreach (var link in result.ExternalLinks) Console.WriteLine($"external: {link}");
            Console.WriteLine(Summary(result, options, isCheck, clock.Elapsed));
            return result.Succeeded ? Ok : SiteProblems;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            if (verbose) Console.Error.WriteLine(e);
            return UsageError;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"error: internal error: {e.Message} (this is a bug in SiteGen; run with --verbose for details)");
            if (verbose) Console.Error.WriteLine(e);
            return SiteProblems;
        }
    }

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
