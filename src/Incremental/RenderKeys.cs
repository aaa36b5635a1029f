using System.Collections.Concurrent;
using SiteGen.Content;

namespace SiteGen.Incremental;

/// <summary>
/// One build's side of the <see cref="RenderCache"/>: each page's key (the site's and its own text's), and whether a
/// table of contents an earlier render read is still what it was.
/// </summary>
/// <param name="body">A page's Markdown (`serve` holds every page's, so there is nothing to report).</param>
public sealed class RenderKeys(RenderCache cache, string siteKey, SiteIndex index, Func<Page, string> body, Func<Page, IReadOnlyList<TocEntry>> toc)
{
    private readonly ConcurrentDictionary<Page, string> _keys = new();

    public string Of(Page page) => _keys.GetOrAdd(page, p => RenderCache.Hash(siteKey + "\0" + body(p)));

    /// <summary>A side-by-side view shows the text of both pages.</summary>
    public string OfView(Page page, Page other) => RenderCache.Hash(Of(page) + "\0" + Of(other));

    /// <summary>The tables of contents a render read, with what they were, in a stable order.</summary>
    public IReadOnlyList<RenderCache.TocRead> Reads(RenderReads.Recording recording) =>
        recording.Tocs.Select(p => new RenderCache.TocRead(p.SourcePath, TocHash(p))).OrderBy(r => r.Source, StringComparer.Ordinal).ToList();

    /// <summary>The page is still in the site and its table of contents is what the render read.</summary>
    public bool Unchanged(RenderCache.TocRead read) => index.BySource(read.Source) is { } page && TocHash(page) == read.Hash;

    private string TocHash(Page page) => cache.TocHash(page, Of(page), toc);
}
