using BenchmarkDotNet.Attributes;
using SiteGen.Config;
using SiteGen.Content;
using SiteGen.Diagnostics;

namespace SiteGen.Benchmarks;

/// <summary>The YAML stage alone: site.yml read and validated, and the front matter of the page with the most `data:`.</summary>
[MemoryDiagnoser]
public class YamlBenchmarks
{
    private SiteConfig _config = null!;
    private string _siteYml = "", _quotes = "";

    [GlobalSetup]
    public void Setup()
    {
        _siteYml = File.ReadAllText(Path.Combine(Paths.Repo, SiteConfigLoader.FileName));
        _config = SiteConfigLoader.Parse(_siteYml, null, new DiagnosticBag())!;
        _quotes = File.ReadAllText(Path.Combine(Paths.Repo, "content/en/quotes.md"));
    }

    [Benchmark(Description = "site.yml: read + validate")]
    public SiteConfig? SiteYml() => SiteConfigLoader.Parse(_siteYml, null, new DiagnosticBag());

    [Benchmark(Description = "front matter with data: split + YAML")]
    public Page? FrontMatterWithData() =>
        new ContentLoader(_config, new DiagnosticBag(), false).Parse(_quotes, "content/en/quotes.md", _config.Find("en")!, "quotes.md");
}
