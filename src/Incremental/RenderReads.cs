using SiteGen.Content;

namespace SiteGen.Incremental;

/// <summary>
/// The pages whose text a render read besides its own, noted as templates read them (as Hugo's dependency tracking
/// does), so `serve` renders a page again when what it shows of another page changed. Only values made from a page's
/// Markdown need noting: everything from front matter, templates and site.yml is in every page's key
/// (<see cref="RenderCache.SiteKey"/>). Per thread, because a page renders on one thread from start to end; nothing is
/// noted outside a <see cref="Record"/> (a build without a cache).
/// </summary>
public static class RenderReads
{
    [ThreadStatic] private static HashSet<Page>? _tocs;

    /// <summary>A template read this page's table of contents.</summary>
    public static void Toc(Page page) => _tocs?.Add(page);

    /// <summary>Notes what this thread's renders read until the recording is disposed.</summary>
    public static Recording Record()
    {
        var tocs = _tocs = new HashSet<Page>();
        return new Recording(tocs);
    }

    public readonly struct Recording(HashSet<Page> tocs) : IDisposable
    {
        /// <summary>The pages whose tables of contents were read so far.</summary>
        public IReadOnlyCollection<Page> Tocs => tocs;

        public void Dispose() => _tocs = null;
    }
}
