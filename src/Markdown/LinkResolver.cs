using System.Buffers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SiteGen.Content;
using SiteGen.Diagnostics;

namespace SiteGen.Markdown;

/// <summary>
/// Rewrites relative links to `.md` files and content assets into relative URLs of the output, reporting a
/// missing target at the Markdown line. Fragments are checked later, against the rendered pages.
/// Without a bag it resolves silently and records nothing: for a page whose HTML came from the serve cache but whose
/// side-by-side view is rendered again.
/// </summary>
public sealed class LinkResolver(SiteIndex index, DiagnosticBag? bag)
{
    // What the last Resolve found (a resolver is made per page), made only when there is something to keep.
    private Dictionary<string, LinkOrigin>? _origins;
    private List<PageLink>? _toPages;
    private HashSet<string>? _reported;

    /// <param name="fromUrl">The URL the HTML will be served at; the page's own URL by default.</param>
    /// <returns>what was found of the links, for the link and parity checks (nothing without a bag).</returns>
    public MarkdownLinks Resolve(Page page, MarkdownDocument doc, string? fromUrl = null)
    {
        fromUrl ??= page.Url;
        (_origins, _toPages, _reported) = (null, null, null);
        foreach (var link in doc.Descendants<LinkInline>())
        {
            if (string.IsNullOrEmpty(link.Url) || IsExternal(link.Url)) continue;
            var at = new SourceLocation(page.SourcePath, page.BodyFirstLine + link.Line, link.Column + 1);
            var written = link.Url;
            var resolved = ResolveUrl(page, written, at, fromUrl);
            if (bag is null) { if (resolved is not null) link.Url = resolved; continue; }
            if (resolved is null) { (_reported ??= new()).Add(written); continue; }
            link.Url = resolved;
            (_origins ??= new()).TryAdd(resolved, new LinkOrigin(at, written));
        }
        return _origins is null && _toPages is null && _reported is null
            ? MarkdownLinks.None
            : new MarkdownLinks(_origins ?? MarkdownLinks.None.Origins, _toPages ?? MarkdownLinks.None.ToPages, _reported ?? MarkdownLinks.None.Reported);
    }

    private void Error(SourceLocation at, string message, string? hint = null) => bag?.Error(at, message, hint);

    private void Record(PageLink link)
    {
        if (bag is not null) (_toPages ??= new()).Add(link);
    }

    private string? ResolveUrl(Page page, string url, SourceLocation at, string fromUrl)
    {
        if (url.StartsWith('#'))
        {
            Record(new PageLink(page.TranslationKey, Uri.UnescapeDataString(url[1..]), at));
            return fromUrl == page.Url ? url : UrlMapper.Relative(fromUrl, page.Url) + url;
        }
        if (url.StartsWith('/'))
        {
            Error(at, $"link '{url}' is root-absolute and breaks under a sub-path", "write a relative path to the .md file");
            return null;
        }
        var hash = url.IndexOf('#');
        var fragment = hash < 0 ? "" : url[hash..];
        var path = Uri.UnescapeDataString(hash < 0 ? url : url[..hash]);
        var query = path.IndexOf('?');
        if (query >= 0) path = path[..query];
        var target = UrlMapper.Join(Path.GetDirectoryName(page.SourcePath)!.Replace('\\', '/'), path);
        if (target is null || !target.StartsWith(ContentLoader.Folder + "/", StringComparison.Ordinal))
        {
            Error(at, $"link '{url}' points outside content/");
            return null;
        }
        if (target.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            if (index.BySource(target) is { } targetPage)
            {
                Record(new PageLink(targetPage.TranslationKey, Uri.UnescapeDataString(fragment.TrimStart('#')), at));
                return UrlMapper.Relative(fromUrl, targetPage.Url) + fragment;
            }
            if (index.Unloadable.Contains(target))
            {
                // Its own errors say why. The link still counts for parity, under the key a page there has by default,
                // so the translation linking to the loaded version is not reported as differing.
                Record(new PageLink(SiteIndex.DefaultTranslationKey(target), Uri.UnescapeDataString(fragment.TrimStart('#')), at));
                return null;
            }
            Error(at, $"link to missing page '{url}'", $"no page at {target}");
            return null;
        }
        if (index.AssetBySource(target) is { } asset) return UrlMapper.Relative(fromUrl, asset.OutputPath) + fragment;
        Error(at, $"link to missing file '{url}'", $"no file at {target}");
        return null;
    }

    /// <summary>
    /// A scheme (`^[A-Za-z][A-Za-z0-9+.-]*:`) or a network path (`//host`). Asked for every link of the output (a million
    /// at 20,000 pages), where a regex call cost more than the check.
    /// </summary>
    public static bool IsExternal(string url)
    {
        if (url.StartsWith("//", StringComparison.Ordinal)) return true;
        if (url.Length == 0 || !char.IsAsciiLetter(url[0])) return false;
        var end = url.AsSpan(1).IndexOfAnyExcept(SchemeChars);
        return end >= 0 && url[end + 1] == ':';
    }

    private static readonly SearchValues<char> SchemeChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-");
}
