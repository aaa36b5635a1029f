using BenchmarkDotNet.Running;
using SiteGen.Benchmarks;

// dotnet run -c Release --project tests/Benchmarks -- <command>
return args.FirstOrDefault() switch
{
    "serve-latency" => await ServeLatency.RunAsync(args.Length > 2 ? args[2] : Paths.Repo, args.Length > 1 ? int.Parse(args[1]) : 20,
        args.Length > 3 ? args[3] : "themes/chips.md"),
    "rebuild-stages" => RebuildStages.Run(args.Length > 2 ? args[2] : Paths.Repo, args.Length > 1 ? int.Parse(args[1]) : 15,
        args.Length > 3 ? args[3] : "themes/chips.md"),
    "preview-parts" => PreviewParts.Run(args.Length > 2 ? args[2] : Paths.Repo, args.Length > 1 ? int.Parse(args[1]) : 15,
        args.Length > 3 ? args[3] : "themes/chips.md"),
    "stages" => RunStages(args[1..]),
    "yaml" => RunYaml(args[1..]),
    "corpus" => CorpusGenerator.Run(args[1..]),
    "search-profile" => SearchProfile.Run(args[1..]),
    "search-queries" => await SearchQueries.RunAsync(args[1..]),
    _ => Usage(),
};

static int RunStages(string[] rest)
{
    BenchmarkRunner.Run<StageBenchmarks>(args: rest);
    return 0;
}

static int RunYaml(string[] rest)
{
    BenchmarkRunner.Run<YamlBenchmarks>(args: rest);
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: serve-latency|rebuild-stages|preview-parts [RUNS [SITE [PAGE.md under content/en]]] | stages [BenchmarkDotNet args] | yaml [BenchmarkDotNet args] | corpus N OUTDIR | search-queries OUTPUT QUERY... | search-profile SITE [ROUNDS]");
    return 2;
}
