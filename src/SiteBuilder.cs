using SiteGen.Checks;
using SiteGen.Config;
using SiteGen.Content;
using SiteGen.Diagnostics;
using SiteGen.Markdown;
using SiteGen.Output;
using SiteGen.Parity;
using SiteGen.Search;
using SiteGen.Templates;

namespace SiteGen;

/// <summary>
/// The build, in order: config → content → index → per translation group: Markdown parse, pages, side-by-side views,
/// parity → link check → swap. Each stage hands the next what it made; this is the only place that knows the order.
/// `serve`'s preview of an edit runs a few translation groups through the same render stage (<see cref="Preview"/>,
/// <see cref="Edited"/>, <see cref="RenderGroups"/>).
/// </summary>
public sealed class SiteBuilder(BuildOptions options)
{
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private readonly List<(string Stage, double Ms, long HeapBytes)> _timings = new();
    /// <summary>Every file is read through this one gate: links out of the site and oversized files are refused where they are.</summary>
    private readonly SiteFiles _site = new(options.Root);

    /// <summary>Wall time of each stage and the managed heap after it, for `--verbose` and the benchmarks.</summary>
    public IReadOnlyList<(string Stage, double Ms, long HeapBytes)> Timings => _timings;

    private void Lap(string stage)
    {
        _timings.Add((stage, _clock.Elapsed.TotalMilliseconds, GC.GetTotalMemory(false)));
        _clock.Restart();
    }

    /// <summary>What the first four stages produce: everything known about the site before anything renders.</summary>
    public sealed record LoadedSite(SiteConfig Config, SiteIndex Index, TemplateStore Templates, ThemeAssets ThemeAssets, MarkdownStage Markdown, bool LoadFailed);

    /// <summary>Stages 1–4: config, content and templates, index, Markdown pipeline. Null when site.yml is unusable.</summary>
    public LoadedSite? Load(DiagnosticBag bag)
    {
        // 1. Configuration: without it nothing else can be read.
        var config = SiteConfigLoader.Load(_site, options.BaseUrl, bag);
        if (config is null) return null;
        Lap("config");

        // 2. Content and templates, read and parsed; problems are collected, the build goes on to find more.
        var loader = new ContentLoader(config, bag, options.IncludeDrafts, options.Parallelism, keepBodies: options.Cache is not null);
        var (pages, contentAssets) = loader.Load(_site);
        var templates = TemplateStore.Load(_site, bag);
        var themeAssets = ThemeAssets.Load(_site, bag);
        Lap("load");

        // 3. Index: every URL, translation and section order, before anything renders.
        var index = new SiteIndex(config, pages, contentAssets, bag, loader.Unloadable, options.Strict);
        var loadFailed = bag.HasErrors;
        Lap("index");

        // 4. The Markdown pipeline; each page is parsed when its translation group renders (see RenderStage).
        var cjkTag = config.Languages.FirstOrDefault(l => MarkdownStage.IsCjk(l.LangTag))?.LangTag;
        var markdown = new MarkdownStage(MarkdownPipelineFactory.Create(config.AllowRawHtml), cjkTag);
        return new LoadedSite(config, index, templates, themeAssets, markdown, loadFailed);
    }

    public BuildResult Build()
    {
        var bag = new DiagnosticBag();
        if (Load(bag) is not { } site)
            return Result(bag, new OutputTree(), null, 0, null, false);
        var (config, index, templates, themeAssets, markdown, loadFailed) = site;

        // A build that can still succeed renders straight into a staging folder beside the output: pages go to disk as
        // they are made, and the swap at the end is the only change the output folder sees.
        using var staging = options.OutputDir is { } outDir && !loadFailed ? new StagingDirectory(outDir) : null;
        var tree = new OutputTree(staging, options.KeepOutput);
        // Missing pages would only echo earlier errors, so links are checked only when everything loaded.
        var links = loadFailed ? null : new LinkChecker(bag);

        // 5–7, per translation group and groups in parallel: pages parsed and rendered (each scanned for links and written
        // as it is made), their side-by-side views, the translations' parity with the source; then the syntax trees go.
        var bilingual = Bilingual(site);
        var renderer = Renderer(site, bilingual, bag);
        var search = SearchStage.Enabled(config, templates) ? new SearchStage(index, tree, bag) : null;
        var render = new RenderStage(new RenderStage.Inputs(index, markdown, renderer, new ParityChecker(index, bag, options.Strict, markdown.HeadingIdsOf), bilingual),
            new RenderStage.Outputs(tree, links, bag), options) { GroupRendered = search is null ? null : search.GroupRendered };
        var rendered = render.Run();
        var renderFailed = rendered.Failed;
        if (!SpecialPages(renderer, index, render, tree)) renderFailed++;
        foreach (var asset in index.Assets)
            if (_site.Read(asset.FullPath, asset.SourcePath, SiteFiles.Asset, bag) is { } bytes) AddOrReport(tree, asset.OutputPath, bytes, asset.SourcePath, bag);
        foreach (var (path, bytes) in themeAssets.All) AddOrReport(tree, path, bytes, TemplateStore.Folder, bag);
        Lap("render");
        foreach (var (part, ms) in render.Busy) _timings.Add(($"{part} (all threads)", ms, 0L));

        // 7b. The search index, written out, and the search pages, which the link check reads like any other page.
        if (search?.Finish(renderer, render, options.Parallelism) == false) renderFailed++;
        Lap("search");

        // 8. Check the output as a browser would see it.
        if (renderFailed > 0) links = null;
        links?.Check(tree.PathSet().Contains, rendered.MarkdownLinks, options.Parallelism);
        Lap("link check");

        // 9. Swap the new output in, only when everything succeeded; otherwise the staging folder is deleted on the
        // way out and the previous output stays untouched.
        var written = false;
        if (staging is not null && !bag.HasErrors)
        {
            staging.Commit();
            written = true;
        }
        Lap("swap");
        return Result(bag, tree, index, themeAssets.Count + index.Assets.Count, links, written) with { Site = site };
    }

    private static bool Bilingual(LoadedSite site) => site.Config.SideBySide && site.Templates.Has(TemplateRenderer.BilingualLayout);

    /// <summary>The page models of the whole site (unless given), and the templates that render pages with them.</summary>
    private TemplateRenderer Renderer(LoadedSite site, bool bilingual, DiagnosticBag bag, PageModelBuilder? models = null)
    {
        models ??= new PageModelBuilder(site.Index, site.Markdown.TocOf, bilingual, options.Parallelism);
        return new TemplateRenderer(site.Templates, new TemplateFunctions(site.Templates, site.ThemeAssets, models, site.Config), models, site.Config, bag);
    }

    /// <summary>
    /// What `serve` previews edits on: a loaded site (its pages and index as they are, which nothing changes) with a
    /// Markdown stage and page models of its own, made once per good build (on a large site the page models would be
    /// most of a preview's time). Edits replace the text of its pages in its own Markdown stage (<see cref="Edited"/>),
    /// so that is never shared with a build.
    /// </summary>
    public sealed record PreviewSite(LoadedSite Site, PageModelBuilder Models, bool Bilingual);

    public PreviewSite Preview(LoadedSite loaded)
    {
        var site = loaded with { Markdown = loaded.Markdown.ForPreview() };
        var bilingual = Bilingual(site);
        return new PreviewSite(site, new PageModelBuilder(site.Index, site.Markdown.TocOf, bilingual, options.Parallelism), bilingual);
    }

    /// <summary>
    /// The preview's site after edits that leave its index as it was: the text of pages (front matter as it was) and
    /// templates, read again; every other page is as loaded. Null when an edit may change the index or the page models
    /// (front matter, site.yml, a file added or deleted, the side-by-side layout added or removed) or has a problem: only
    /// a full build can tell.
    /// </summary>
    /// <param name="changed">Site-relative paths of every file changed since the site the preview copies was loaded.</param>
    public LoadedSite? Edited(PreviewSite preview, IReadOnlyCollection<string> changed)
    {
        var site = preview.Site;
        var bag = new DiagnosticBag();
        var loader = new ContentLoader(site.Config, bag, options.IncludeDrafts, keepBodies: true);
        var templatesChanged = false;
        foreach (var path in changed)
        {
            if (path.StartsWith(TemplateStore.Folder + "/", StringComparison.Ordinal)) templatesChanged = true;
            else if (site.Index.BySource(path) is { } page)
            {
                if (loader.Reload(_site, page) is not { } again || again.FrontMatterText != page.FrontMatterText || again.BodyFirstLine != page.BodyFirstLine) return null;
                // Both held (the loader keeps bodies), so neither read can fail.
                if (again.ReadBody(bag) is { } body && body != site.Markdown.Body(page, bag)) site.Markdown.Replace(page, body);
            }
            else if (!LeavesIndexAsItWas(site, path)) return null;
        }
        if (!templatesChanged) return site;
        var edited = site with { Templates = TemplateStore.Load(_site, bag), ThemeAssets = ThemeAssets.Load(_site, bag) };
        return bag.HasErrors || Bilingual(edited) != preview.Bilingual ? null : edited;
    }

    /// <summary>
    /// Whether a changed path that is no page of the preview leaves the index as it was: only a file that is not in the
    /// site now and was not then (an editor's temporary file come and gone). A folder changes it, whether it is there now
    /// or was one the site had: a folder moved in, out or swapped for another copy is reported as one event for the
    /// folder, not for the files in it.
    /// </summary>
    private bool LeavesIndexAsItWas(LoadedSite site, string path)
    {
        var full = _site.PathOf(path);
        var under = path + "/";
        if (Directory.Exists(full)
            || site.Index.Pages.Any(p => p.SourcePath.StartsWith(under, StringComparison.Ordinal))
            || site.Index.Assets.Any(a => a.SourcePath.StartsWith(under, StringComparison.Ordinal))) return false;
        return !File.Exists(full) && site.Index.AssetBySource(path) is null;
    }

    /// <summary>
    /// The pages and side-by-side views of some translation groups of a preview's <paramref name="site"/> (see
    /// <see cref="Edited"/>), rendered exactly as a full build renders them, with the theme's assets: what `serve` shows
    /// at once after an edit.
    /// </summary>
    /// <returns>null if rendering reported an error (the full build will report it).</returns>
    public OutputTree? RenderGroups(PreviewSite preview, LoadedSite site, IReadOnlySet<string> translationKeys)
    {
        var bag = new DiagnosticBag();
        var tree = new OutputTree();
        var parity = new ParityChecker(site.Index, bag, options.Strict, site.Markdown.HeadingIdsOf);
        var renderer = Renderer(site, preview.Bilingual, bag, preview.Models);
        var render = new RenderStage(new RenderStage.Inputs(site.Index, site.Markdown, renderer, parity, preview.Bilingual),
            new RenderStage.Outputs(tree, null, bag), options with { Cache = null }) { Only = translationKeys };
        if (render.Run().Failed > 0) return null;
        foreach (var (path, bytes) in site.ThemeAssets.All) tree.Add(path, bytes);
        return bag.HasErrors ? null : tree;
    }

    /// <returns>false if a template failed.</returns>
    private static bool SpecialPages(TemplateRenderer renderer, SiteIndex index, RenderStage render, OutputTree tree)
    {
        var landing = renderer.RenderSpecial("landing.html", "index.html");
        if (landing is not null) render.Emit("index.html", landing);
        var notFound = renderer.RenderSpecial("404.html", "404.html");
        if (notFound is not null) render.Emit("404.html", notFound);
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
