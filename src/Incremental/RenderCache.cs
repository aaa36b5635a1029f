using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using SiteGen.Content;
using SiteGen.Diagnostics;
using SiteGen.Templates;

namespace SiteGen.Incremental;

/// <summary>
/// Remembers each rendered page between builds of one `serve` session, with everything its HTML depends on: a key made
/// of the site as a whole (site.yml, templates, every page's front matter, the list of pages) and the page's own
/// Markdown (plus its counterpart's, for a side-by-side view), and the tables of contents of other pages its templates
/// read (<see cref="RenderReads"/>), each with a hash of what was read. Editing a page's text re-renders that page, its
/// side-by-side views and the pages that show its headings if they changed; editing front matter, a template or
/// site.yml, or adding or deleting a page, re-renders everything.
/// </summary>
public sealed class RenderCache
{
    /// <summary>A table of contents a render read: the page's source path and a hash of its entries then.</summary>
    public sealed record TocRead(string Source, string Hash);

    public sealed record Entry(string Key, string Html, IReadOnlyList<TocRead> Reads, IReadOnlyDictionary<string, LinkOrigin> Origins,
        IReadOnlyList<PageLink> Links, IReadOnlyCollection<string> Reported);

    // Builds compare with the last build that succeeded: a failed one (a save caught half-written) must not make the
    // next good build render everything again.
    private ConcurrentDictionary<string, Entry> _last = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, Entry> _next = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string PageKey, string Hash)> _tocs = new(StringComparer.Ordinal);
    private int _rendered, _reused;

    public int Rendered => _rendered;
    public int Reused => _reused;

    /// <summary>A build starts rendering.</summary>
    public void Begin()
    {
        _next = new ConcurrentDictionary<string, Entry>(StringComparer.Ordinal);
        (_rendered, _reused) = (0, 0);
    }

    /// <summary>The build succeeded: its pages are what the next builds reuse (pages no longer in the site are let go).</summary>
    public void Commit() => (_last, _next) = (_next, new ConcurrentDictionary<string, Entry>(StringComparer.Ordinal));

    /// <summary>The build failed: the next one compares with the last that succeeded.</summary>
    public void Discard() => _next = new ConcurrentDictionary<string, Entry>(StringComparer.Ordinal);

    /// <summary>
    /// The cached HTML when nothing it depends on changed: the same key, and every table of contents it read
    /// <paramref name="unchanged"/>. For a page's own HTML (<paramref name="linkOwner"/>), the link records its rendering
    /// made are restored too, for the link and parity checks.
    /// </summary>
    public string? TryReuse(Page? linkOwner, string outputPath, string key, Func<TocRead, bool> unchanged)
    {
        if (!_last.TryGetValue(outputPath, out var e) || e.Key != key) return null;
        foreach (var read in e.Reads)
            if (!unchanged(read)) return null;
        if (linkOwner is not null)
        {
            foreach (var (url, origin) in e.Origins) linkOwner.LinkOrigins.TryAdd(url, origin);
            linkOwner.PageLinks.AddRange(e.Links);
            linkOwner.ReportedLinks.UnionWith(e.Reported);
        }
        _next[outputPath] = e;
        Interlocked.Increment(ref _reused);
        return e.Html;
    }

    public void Store(Page? linkOwner, string outputPath, string key, string html, IReadOnlyList<TocRead> reads)
    {
        _next[outputPath] = linkOwner is null
            ? new Entry(key, html, reads, new Dictionary<string, LinkOrigin>(), [], [])
            : new Entry(key, html, reads, new Dictionary<string, LinkOrigin>(linkOwner.LinkOrigins), linkOwner.PageLinks.ToList(), linkOwner.ReportedLinks.ToList());
        Interlocked.Increment(ref _rendered);
    }

    /// <summary>
    /// The hash of a page's table of contents, made from its Markdown only when that changed since the last time it was
    /// asked for (<paramref name="pageKey"/>: the site and the page's text), which spares parsing a page another shows.
    /// </summary>
    public string TocHash(Page page, string pageKey, Func<Page, IReadOnlyList<TocEntry>> toc)
    {
        if (_tocs.TryGetValue(page.SourcePath, out var known) && known.PageKey == pageKey) return known.Hash;
        var sb = new StringBuilder();
        foreach (var entry in toc(page)) sb.Append(entry.Level).Append('\0').Append(entry.Id).Append('\0').Append(entry.Text).Append('\n');
        var hash = Hash(sb.ToString());
        _tocs[page.SourcePath] = (pageKey, hash);
        return hash;
    }

    /// <summary>What every page's HTML depends on besides its own text and what it reads of other pages.</summary>
    /// <remarks>
    /// Read through <see cref="SiteFiles"/> like every other read, so a link out of the site, a named pipe or a file over
    /// its limit is not read here either; the build has already reported each of them, so a scratch bag takes them.
    /// </remarks>
    public static string SiteKey(string root, SiteIndex index, BuildOptions options)
    {
        var site = new SiteFiles(root);
        var scratch = new DiagnosticBag();
        var sb = new StringBuilder();
        sb.Append(site.Read(site.PathOf("site.yml"), "site.yml", SiteFiles.Text, scratch) is { } config ? Convert.ToHexString(SHA256.HashData(config)) : "").Append('\0');
        foreach (var (file, name) in site.List(TemplateStore.Folder, scratch) ?? [])
        {
            var bytes = site.Read(file, name, name.StartsWith(TemplateStore.AssetsFolder + "/", StringComparison.Ordinal) ? SiteFiles.Asset : SiteFiles.Text, scratch);
            sb.Append(name).Append('\0').Append(bytes is null ? "" : Convert.ToHexString(SHA256.HashData(bytes))).Append('\0');
        }
        foreach (var page in index.Pages) sb.Append(page.SourcePath).Append('\0').Append(page.FrontMatterText).Append('\0');
        foreach (var asset in index.Assets) sb.Append(asset.SourcePath).Append('\0');
        sb.Append(options.IncludeDrafts).Append(options.BaseUrl).Append(options.Strict);
        return Hash(sb.ToString());
    }

    public static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
