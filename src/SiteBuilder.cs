using SiteGen.Checks;
using SiteGen.Config;
using SiteGen.Content;
using SiteGen.Diagnostics;
using SiteGen.Markdown;
using SiteGen.Output;
using SiteGen.Parity;
using SiteGen.Templates;

namespace SiteGen;

/// <summary>
/// The build, in order: config → content → index → Markdown → templates → parity → link check → write.
/// Each stage hands the next what it made; this is the only place that knows the order.
/// </summary>
public sealed class SiteBuilder(BuildOptions options)
{
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private readonly List<(string Stage, double Ms)> _timings = new();

    /// <summary>Wall time of each stage, for `--verbose` and the benchmarks.</summary>
    public IReadOnlyList<(string Stage, double Ms)> Timings => _timings;

    private void Lap(string stage)
    {
        _timings.Add((stage, _clock.Elapsed.TotalMilliseconds));
        _clock.Restart();
    }

    /// <summary>What the first four stages produce: everything known about the site before anything renders.</summary>
    public sealed record LoadedSite(SiteConfig Config, SiteIndex Index, TemplateStore Templates, ThemeAssets ThemeAssets, MarkdownStage Markdown, bool LoadFailed);

    /// <summary>Stages 1–4: config, content and templates, index, Markdown parse. Null when site.yml is unusable.</summary>
    public LoadedSite? Load(DiagnosticBag bag)
    {
        // 1. Configuration: without it nothing else can be read.
        var config = SiteConfigLoader.Load(options.Root, options.BaseUrl, bag);
        if (config is null) return null;

        // 2. Content and templates, read and parsed; problems are collected, the build goes on to find more.
        var loader = new ContentLoader(config, bag, options.IncludeDrafts);
        var (pages, contentAssets) = loader.Load(options.Root);
        var templates = TemplateStore.Load(options.Root, bag);
        var themeAssets = ThemeAssets.Load(options.Root);
        Lap("load");

        // 3. Index: every URL, translation and section order, before anything renders.
        var index = new SiteIndex(config, pages, contentAssets, bag, loader.Unloadable, options.Strict);
        var loadFailed = bag.HasErrors;
        Lap("index");

        // 4. Markdown parsed for every page first, so headings (anchors, tables of contents) are known everywhere.
        var cjkTag = config.Languages.FirstOrDefault(l => MarkdownStage.IsCjk(l.LangTag))?.LangTag;
        var markdown = new MarkdownStage(MarkdownPipelineFactory.Create(config.AllowRawHtml), cjkTag);
        Parallel.ForEach(index.Pages, options.Parallelism, page => markdown.Parse(page, bag));
        Lap("parse");
        return new LoadedSite(config, index, templates, themeAssets, markdown, loadFailed);
    }

    public BuildResult Build()
    {
        var bag = new DiagnosticBag();
        var tree = new OutputTree();
        if (Load(bag) is not var (config, index, templates, themeAssets, markdown, loadFailed))
            return Result(bag, tree, null, 0, null, false);

        // 5. Render: Markdown body with resolved links, then layouts.
        var models = new PageModelBuilder(index, templates.Has(TemplateRenderer.BilingualLayout));
        var renderer = new TemplateRenderer(templates, new TemplateFunctions(templates, themeAssets, models, config), models, config, bag);
        var render = new RenderStage(index, markdown, renderer, tree, bag, options);
        var renderFailed = render.Pages();
        if (!SpecialPages(renderer, index, tree)) renderFailed++;
        Lap("render");
        if (templates.Has(TemplateRenderer.BilingualLayout)) render.BilingualViews();
        Lap("bilingual");
        foreach (var asset in index.Assets) AddOrReport(tree, asset.OutputPath, File.ReadAllBytes(asset.FullPath), asset.SourcePath, bag);
        foreach (var (path, bytes) in themeAssets.All) AddOrReport(tree, path, bytes, TemplateStore.Folder, bag);

        // 6. Translation parity: each translation against its source page, block by block.
        new ParityChecker(index, bag, options.Strict).Check();
        foreach (var page in index.Pages) page.Document = null; // nothing reads the syntax trees after this: free the memory
        Lap("parity");

        // 7. Check the output as a browser would see it. Missing pages would only echo earlier errors, so skip it then.
        LinkChecker? checker = null;
        if (!loadFailed && renderFailed == 0)
        {
            checker = new LinkChecker(tree, bag, options.Parallelism);
            checker.Check(index.Pages.ToDictionary(p => p.OutputPath, p => p.LinkOrigins), index.Pages.ToDictionary(p => p.OutputPath, p => p.ReportedLinks));
        }
        Lap("link check");

        // 8. Write, only when everything succeeded: the previous output stays untouched otherwise.
        var written = false;
        if (options.OutputDir is { } outDir && !bag.HasErrors)
        {
            AtomicDirectoryWriter.Write(tree, outDir);
            written = true;
        }
        Lap("write");
        return Result(bag, tree, index, themeAssets.Count + index.Assets.Count, checker, written);
    }

    /// <returns>false if a template failed.</returns>
    private static bool SpecialPages(TemplateRenderer renderer, SiteIndex index, OutputTree tree)
    {
        var landing = renderer.RenderSpecial("landing.html", "index.html");
        if (landing is not null) tree.Add("index.html", landing);
        var notFound = renderer.RenderSpecial("404.html", "404.html");
        if (notFound is not null) tree.Add("404.html", notFound);
        var baseUrl = index.Config.BaseUrl;
        if (!string.IsNullOrEmpty(baseUrl)) tree.Add("sitemap.xml", SitemapWriter.Sitemap(index, baseUrl));
        tree.Add("robots.txt", SitemapWriter.Robots(baseUrl));
        return landing is not null && notFound is not null;
    }

    private static void AddOrReport(OutputTree tree, string path, byte[] bytes, string source, DiagnosticBag bag)
    {
        if (!tree.Add(path, bytes)) bag.Error(new SourceLocation(source), $"two files write to {path}");
    }

    private static BuildResult Result(DiagnosticBag bag, OutputTree tree, SiteIndex? index, int assets, LinkChecker? checker, bool written)
    {
        var perLanguage = index is null
            ? new Dictionary<string, int>()
            : index.Config.Languages.ToDictionary(l => l.Key, l => index.InLanguage(l).Count());
        return new BuildResult(bag.Sorted(), tree, perLanguage, assets, checker?.InternalLinks ?? 0,
            checker?.ExternalLinks ?? new SortedSet<string>(), written);
    }
}
