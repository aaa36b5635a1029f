using BenchmarkDotNet.Attributes;
using SiteGen.Checks;
using SiteGen.Content;
using SiteGen.Diagnostics;
using SiteGen.Markdown;
using SiteGen.Output;
using SiteGen.Templates;

namespace SiteGen.Benchmarks;

/// <summary>Where the time of one page goes: each build stage on the companion site's longest theme page.</summary>
[MemoryDiagnoser]
public class StageBenchmarks
{
    private SiteBuilder.LoadedSite _site = null!;
    private Page _page = null!;
    private string _text = "", _body = "", _html = "";
    private byte[] _bytes = [];
    private int _written;
    private TemplateRenderer _renderer = null!;
    private StagingDirectory _staging = null!;

    [GlobalSetup]
    public void Setup()
    {
        var bag = new DiagnosticBag();
        _site = new SiteBuilder(new BuildOptions { Root = Paths.Repo }).Load(bag)!;
        _page = _site.Index.BySource("content/zh-Hant/themes/space-compute.md")!;
        _text = File.ReadAllText(Path.Combine(Paths.Repo, _page.SourcePath));
        var models = new PageModelBuilder(_site.Index, _site.Markdown.TocOf, true);
        _renderer = new TemplateRenderer(_site.Templates, new TemplateFunctions(_site.Templates, _site.ThemeAssets, models, _site.Config), models, _site.Config, bag);
        _body = MarkdownBody();
        _html = _renderer.RenderPage(_page, _body)!.Html;
        _bytes = System.Text.Encoding.UTF8.GetBytes(_html);
        _staging = new StagingDirectory(Path.Combine(Path.GetTempPath(), "sitegen-bench-write"));
    }

    [GlobalCleanup]
    public void Cleanup() => _staging.Dispose();

    [Benchmark(Description = "front matter: split + YAML")]
    public Page? FrontMatter() =>
        new ContentLoader(_site.Config, new DiagnosticBag(), false).Parse(_text, _page.SourcePath, _page.Language, _page.ContentPath);

    [Benchmark(Description = "Markdown: parse + render")]
    public string MarkdownBody()
    {
        var bag = new DiagnosticBag();
        var doc = _site.Markdown.Parse(_page, _site.Markdown.Body(_page, bag)!, bag)!;
        return _site.Markdown.Render(_page, doc, _site.Index, bag)!.Html;
    }

    [Benchmark(Description = "template: layout + base")]
    public string? Template() => _renderer.RenderPage(_page, _body)?.Html;

    [Benchmark(Description = "write: one new file in its own folder, as the build does")]
    public void Write() => _staging.Write($"p{_written++}/index.html", _bytes);

    [Benchmark(Description = "link check: scan HTML + resolve")]
    public int LinkCheck()
    {
        var checker = new LinkChecker(new DiagnosticBag());
        checker.Scan(_page.OutputPath, _html.AsMemory());
        checker.Check(_ => true, new Dictionary<string, MarkdownLinks>());
        return checker.InternalLinks;
    }
}
