using SiteGen.Config;
using SiteGen.Diagnostics;
using SiteGen.Yaml;

namespace SiteGen.Content;

/// <summary>Reads content/&lt;lang&gt;/**: Markdown files become pages, everything else is an asset.</summary>
/// <param name="keepBodies">
/// Whether pages hold their bodies from loading on, instead of reading them again when they render (see
/// <see cref="Page.ReadBody"/>). `serve` keeps them: a file saved while it rebuilds would otherwise fail that rebuild for the
/// moment until the next one, already on its way, and flash the error in every open browser.
/// </param>
public sealed class ContentLoader(SiteConfig config, DiagnosticBag bag, bool includeDrafts, ParallelOptions? parallelism = null, bool keepBodies = false)
{
    public const string Folder = "content";

    /// <summary>Pages that exist but could not be loaded; links to them are not reported again as missing.</summary>
    public HashSet<string> Unloadable { get; } = new(StringComparer.Ordinal);

    public (List<Page> Pages, List<ContentAsset> Assets) Load(SiteFiles site)
    {
        var pages = new List<Page>();
        var assets = new List<ContentAsset>();
        if (site.List(Folder, bag) is not { } files)
        {
            bag.Error(new SourceLocation(Folder), "content/ folder not found");
            return (pages, assets);
        }
        // Reading and front matter on every core; the lists are then filled in file order, as on one core.
        var loaded = new Page?[files.Count];
        Parallel.For(0, files.Count, parallelism ?? new ParallelOptions(), i =>
        {
            var (file, rel) = files[i];
            if (file.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && LanguageOf(rel) is { } language && UrlMapper.UrlBreaker(rel) is null)
                loaded[i] = LoadPage(site, file, $"{Folder}/{rel}", language, InLanguage(rel));
        });
        for (var i = 0; i < files.Count; i++)
        {
            var (file, rel) = files[i];
            var display = $"{Folder}/{rel}";
            if (UrlMapper.UrlBreaker(rel) is { } breaker)
            {
                bag.Error(new SourceLocation(display), breaker, "rename it with letters, digits, '-', '_' or '.'");
                if (file.EndsWith(".md", StringComparison.OrdinalIgnoreCase)) Unloadable.Add(display); // known but broken: nothing echoes it
                continue;
            }
            var language = LanguageOf(rel);
            if (language is null)
            {
                var slash = rel.IndexOf('/');
                bag.Error(new SourceLocation(display), slash < 0
                    ? "files in content/ must be inside a language folder"
                    : $"'{rel[..slash]}' is not a language declared in site.yml",
                    $"languages: {string.Join(", ", config.Languages.Select(l => l.Key))}");
                continue;
            }
            if (file.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            {
                var page = loaded[i];
                if (page is null) Unloadable.Add(display);
                else if (includeDrafts || !page.Meta.Draft) pages.Add(page);
            }
            // Checked now, so a refused asset fails the build before anything renders; read when the output is written.
            else if (site.Check(file, display, SiteFiles.Asset, bag))
            {
                // Still listed, so links to it are not reported again as missing; the error stops the build.
                if (!config.AllowRawHtml && ActiveDocumentTypes.Refusal(display) is { } refused)
                    bag.Error(new SourceLocation(display), refused, ActiveDocumentTypes.Hint);
                assets.Add(new ContentAsset(display, file, $"{language.Prefix}/{InLanguage(rel)}"));
            }
        }
        return (pages, assets);
    }

    /// <summary>The file of a page loaded before, read again (with its body kept); null if it can no longer be loaded (reported).</summary>
    public Page? Reload(SiteFiles site, Page loaded) =>
        LoadPage(site, site.PathOf(loaded.SourcePath), loaded.SourcePath, loaded.Language, loaded.ContentPath);

    private static string InLanguage(string rel) => rel[(rel.IndexOf('/') + 1)..];

    private LanguageConfig? LanguageOf(string rel)
    {
        var slash = rel.IndexOf('/');
        return slash < 0 ? null : config.Find(rel[..slash]);
    }

    private Page? LoadPage(SiteFiles site, string file, string path, LanguageConfig language, string contentPath)
    {
        var bytes = site.Read(file, path, SiteFiles.Text, bag);
        if (bytes is null) return null;
        var text = TextFile.Decode(bytes, path, bag);
        if (text is null) return null;
        // Without its body, read again when the page renders (see Page.ReadBody).
        return keepBodies ? Parse(text, path, language, contentPath) : Parse(text, path, language, contentPath, (site, file, bytes));
    }

    /// <param name="file">The file the text was read from, so the body is read again from it when needed; without it, the page holds its body.</param>
    public Page? Parse(string text, string path, LanguageConfig language, string contentPath, (SiteFiles Site, string FullPath, byte[] Bytes)? file = null)
    {
        var parts = FrontMatterSplitter.Split(text, path, bag);
        if (parts is null) return null;
        var meta = FrontMatterMapper.Read(parts.Yaml, path, parts.YamlFirstLine, bag);
        if (meta is null) return null;
        var fm = meta.Value;
        var ok = true;
        if (string.IsNullOrWhiteSpace(fm.Title)) { bag.Error(new SourceLocation(path, 1, 1), "front matter has no `title`"); ok = false; }
        if (fm.Slug is { } slug && !UrlMapper.IsSafeSlug(slug))
        {
            bag.Error(At(meta, path, "slug"), $"slug '{slug}' is not a single URL segment", "use letters, digits, '-', '_' or '.', without '/' or '..'");
            ok = false;
        }
        if (!ok) return null;
        return new Page
        {
            Language = language,
            SourcePath = path,
            ContentPath = contentPath,
            Meta = fm,
            MetaLocations = meta.KeyLocations,
            Body = file is null ? parts.Body : null,
            BodyFile = file is var (site, fullPath, bytes) ? BodySource.Of(site, fullPath, path, bytes, text, text.Length - parts.Body.Length) : null,
            FrontMatterText = parts.Yaml,
            BodyFirstLine = parts.BodyFirstLine,
            Kind = UrlMapper.KindOf(contentPath),
            Section = UrlMapper.SectionOf(contentPath),
            Url = UrlMapper.UrlOf(language.Prefix, contentPath, fm.Slug),
            TranslationKey = fm.TranslationKey ?? contentPath[..^3],
            Date = fm.Date,
        };
    }

    private static SourceLocation At<T>(YamlResult<T> meta, string path, string key) =>
        meta.KeyLocations.TryGetValue(key, out var l) ? l : new SourceLocation(path, 1, 1);
}
