using System.Collections.Concurrent;
using SiteGen.Content;
using SiteGen.Diagnostics;
using SiteGen.Markdown;
using SiteGen.Output;
using SiteGen.Templates;

namespace SiteGen.Checks;

/// <summary>
/// Checks that each internal link and `#fragment` of every HTML page resolves inside the output, whether it came from
/// Markdown or from a template, and that no page repeats an id. Pages are scanned as they are added to the output
/// (<see cref="Scan"/>); the check runs once all are in.
/// </summary>
public sealed class LinkChecker(DiagnosticBag bag)
{
    private readonly ConcurrentDictionary<string, ScannedPage> _pages = new(StringComparer.Ordinal);
    private readonly StringPool _pool = new();

    private int _internalLinks;
    public int InternalLinks => _internalLinks;
    public SortedSet<string> ExternalLinks { get; } = new(StringComparer.Ordinal);

    private readonly TemplateOrigins _origins = new();

    /// <summary>Thread-safe: called by the render stage's threads.</summary>
    /// <param name="writes">Where the templates' text went in the page, to blame a broken link on the template line that wrote it.</param>
    public void Scan(string path, ReadOnlyMemory<char> html, TemplateWrites? writes = null) =>
        _pages[path] = LinkScanner.Scan(html, _pool, writes is null || writes.IsEmpty ? null : offset => _origins.Of(writes, offset));

    /// <param name="exists">Whether the output holds a file at a site-relative path.</param>
    /// <param name="markdownLinks">
    /// By output path, for pages rendered from Markdown (as the render stage returns them): where each link URL was
    /// written, and which links were already reported.
    /// </param>
    /// <remarks>Pages are checked on every core; the bag sorts what they report.</remarks>
    public void Check(Func<string, bool> exists, IReadOnlyDictionary<string, MarkdownLinks> markdownLinks, ParallelOptions? parallelism = null)
    {
        var external = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        // By path, not by dictionary entry: partitioning key-value pairs is generic code the JIT and ReadyToRun builds compile when they run.
        Parallel.ForEach(_pages.Keys, parallelism ?? new ParallelOptions(), path =>
        {
            var page = _pages[path];
            foreach (var (id, line, column) in page.DuplicateIds)
                bag.Error(new SourceLocation(path, line, column), $"duplicate id '{id}' on this page");
            var links = markdownLinks.GetValueOrDefault(path);
            var fromMarkdown = links?.Origins;
            var skip = links is { Reported.Count: > 0 } ? links.Reported.Select(Normalize).ToHashSet() : null;
            var dir = path.Contains('/') ? path[..path.LastIndexOf('/')] : "";
            for (var i = 0; i < page.Links.Length; i++)
                if (skip is null || !skip.Contains(Normalize(page.Links[i].Url)))
                    CheckLink(path, dir, page.Links[i], page.Written?[i] ?? -1, exists, fromMarkdown, external);
        });
        ExternalLinks.UnionWith(external.Keys);
    }

    private void CheckLink(string fromPath, string fromDir, ScannedLink link, int written, Func<string, bool> exists, IReadOnlyDictionary<string, LinkOrigin>? origins, ConcurrentDictionary<string, bool> external)
    {
        var url = link.Url.Trim();
        if (url.Length == 0 || url == "#") return;
        if (LinkResolver.IsExternal(url)) { external.TryAdd(url, true); return; }
        Interlocked.Increment(ref _internalLinks);
        if (url.StartsWith('/'))
        {
            if (written >= 0)
                bag.Error(_origins.At(written), $"link '{url}' is root-absolute and breaks when the site is served under a sub-path", $"while rendering {fromPath}");
            else
            {
                var (at, shown, _) = Blame(fromPath, link, url, origins);
                bag.Error(at, $"link '{shown}' is root-absolute and breaks when the site is served under a sub-path");
            }
            return;
        }
        var hash = url.IndexOf('#');
        var fragment = hash < 0 ? null : Normalize(url[(hash + 1)..]);
        var pathPart = hash < 0 ? url : url[..hash];
        var q = pathPart.IndexOf('?');
        if (q >= 0) pathPart = pathPart[..q];
        var target = pathPart.Length == 0 ? fromPath : ResolveIn(fromDir, Uri.UnescapeDataString(pathPart));
        if (target is null || !exists(target))
        {
            // A template writes the same link on many pages, each relative to its page: told by its target, the
            // message is the same for every page, so the template's line is reported once.
            if (written >= 0) bag.Error(_origins.At(written), $"link to {target ?? url} points to nothing in the output", $"'{url}' while rendering {fromPath}");
            else
            {
                var (at, shown, fromMarkdown) = Blame(fromPath, link, url, origins);
                bag.Error(at, $"link '{shown}' points to nothing in the output", fromMarkdown ? $"no {target}" : null);
            }
            return;
        }
        if (fragment is null || fragment.Length == 0) return;
        if (!_pages.TryGetValue(target, out var targetPage) || !targetPage.HasId(fragment))
        {
            if (written >= 0 && pathPart.Length == 0) bag.Error(_origins.At(written), $"link '{url}': no heading or element with id '{fragment}' on the same page", $"while rendering {fromPath}");
            else if (written >= 0) bag.Error(_origins.At(written), $"link to {target}#{fragment}: no heading or element with id '{fragment}' on that page", $"'{url}' while rendering {fromPath}");
            else
            {
                var (at, shown, _) = Blame(fromPath, link, url, origins);
                bag.Error(at, $"link '{shown}': no heading or element with id '{fragment}' on that page", $"in {target}");
            }
        }
    }

    /// <summary>Where to report a broken link: at the Markdown line that wrote it, in its own words, if it came from Markdown.</summary>
    /// <remarks>Only broken links get here, so the page's few origins are compared one by one, decoded.</remarks>
    private static (SourceLocation At, string Shown, bool FromMarkdown) Blame(string fromPath, ScannedLink link, string url, IReadOnlyDictionary<string, LinkOrigin>? origins) =>
        origins?.FirstOrDefault(o => Normalize(o.Key) == Normalize(url)).Value is { } origin
            ? (origin.At, origin.Written, true)
            : (new SourceLocation(fromPath, link.Line, link.Column), url, false);

    /// <summary>Resolves a relative URL against a folder of the output; a URL naming a folder means its index.html.</summary>
    private static string? ResolveIn(string dir, string relative)
    {
        var path = UrlMapper.Join(dir, relative);
        if (path is null) return null;
        return !UrlMapper.NamesFolder(relative) ? path : path.Length == 0 ? "index.html" : path + "/index.html";
    }

    private static string Normalize(string s) => LinkScanner.Normalize(s);
}
