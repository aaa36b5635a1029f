using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using SiteGen.Config;
using SiteGen.Content;
using SiteGen.Diagnostics;
using SiteGen.Markdown;
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

    /// <param name="Links">For a page's own HTML, what its rendering found of its links, for the link and parity checks.</param>
    public sealed record Entry(string Key, string Html, IReadOnlyList<TocRead> Reads, MarkdownLinks Links);

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
    /// <paramref name="unchanged"/>; with the link records its rendering made.
    /// </summary>
    public Entry? TryReuse(string outputPath, string key, Func<TocRead, bool> unchanged)
    {
        if (!_last.TryGetValue(outputPath, out var e) || e.Key != key) return null;
        foreach (var read in e.Reads)
            if (!unchanged(read)) return null;
        _next[outputPath] = e;
        Interlocked.Increment(ref _reused);
        return e;
    }

    public void Store(string outputPath, string key, string html, IReadOnlyList<TocRead> reads, MarkdownLinks links)
    {
        _next[outputPath] = new Entry(key, html, reads, links);
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
    public static string SiteKey(string root, SiteIndex index, BuildOptions options)
    {
        // Read as the loaders read them (hidden names skipped, links resolved inside the site, size limits); what they
        // refused they have reported already, so the problems found here are dropped.
        var site = new SiteFiles(root);
        var reported = new DiagnosticBag();
        var sb = new StringBuilder();
        sb.Append(HashOf(site.Read(site.PathOf(SiteConfigLoader.FileName), SiteConfigLoader.FileName, SiteFiles.Text, reported))).Append('\0');
        foreach (var (file, name) in site.List(TemplateStore.Folder, reported) ?? [])
            sb.Append(name).Append('\0').Append(HashOf(site.Read(file, name, SiteFiles.Asset, reported))).Append('\0');
        foreach (var page in index.Pages) sb.Append(page.SourcePath).Append('\0').Append(page.FrontMatterText).Append('\0');
        foreach (var asset in index.Assets) sb.Append(asset.SourcePath).Append('\0');
        sb.Append(options.IncludeDrafts).Append(options.BaseUrl).Append(options.Strict);
        return Hash(sb.ToString());
    }

    private static string HashOf(byte[]? bytes) => bytes is null ? "unreadable" : Convert.ToHexString(SHA256.HashData(bytes));

    public static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
