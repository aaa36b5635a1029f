using System.CommandLine;
using System.Globalization;
using SiteGen;
using SiteGen.Commands;

return Cli.Run(args, Console.Out, Console.Error, Cli.SystemClock());

/// <summary>The command line: parses arguments into options and hands them to the command in src/Commands.</summary>
internal static class Cli
{
    /// <param name="clock">today's date for `new`.</param>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider clock)
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
            return BuildCommand.Run(options, isCheck, parse.GetValue(verboseOption), stdout, stderr);
        }
        string SiteRoot(ParseResult parse) => Path.GetFullPath(parse.GetValue(rootOption) ?? ".");
        root.SetAction(parse => Action(parse, false));
        build.SetAction(parse => Action(parse, false));
        check.SetAction(parse => Action(parse, true));
        serve.SetAction(parse => ServeCommand.Run(new BuildOptions { Root = SiteRoot(parse), IncludeDrafts = parse.GetValue(draftsOption) },
            parse.GetValue(portOption), parse.GetValue(basePathOption) ?? "/", stdout));
        newCommand.SetAction(parse => NewCommand.Run(SiteRoot(parse), parse.GetValue(newPath)!, DateOnly.FromDateTime(clock.GetLocalNow().DateTime), stdout, stderr));
        translated.SetAction(parse => TranslatedCommand.Run(SiteRoot(parse), parse.GetValue(paths)!, stdout, stderr));

        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var e in result.Errors) stderr.WriteLine($"error: {e.Message}");
            stderr.WriteLine("Run 'SiteGen --help' for usage.");
            return ExitCodes.UsageError;
        }
        return result.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

    /// <summary>
    /// The real clock, or the date in SOURCE_DATE_EPOCH (seconds since 1970, the reproducible-builds convention) when it
    /// is set, so that `new` can write a fixed date in scripts and tests.
    /// </summary>
    public static TimeProvider SystemClock() =>
        long.TryParse(Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? new FixedClock(DateTimeOffset.FromUnixTimeSeconds(seconds))
            : TimeProvider.System;

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}
