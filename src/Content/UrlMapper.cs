using System.Text.RegularExpressions;

namespace SiteGen.Content;

/// <summary>Turns a content path into a clean URL: `themes/chips.md` → `en/themes/chips/`.</summary>
public static partial class UrlMapper
{
    public static PageKind KindOf(string contentPath) =>
        Path.GetFileName(contentPath) != "_index.md" ? PageKind.Regular
        : contentPath.Contains('/') ? PageKind.Section : PageKind.Home;

    public static string SectionOf(string contentPath)
    {
        var slash = contentPath.IndexOf('/');
        return slash < 0 ? "" : contentPath[..slash];
    }

    public static string UrlOf(string prefix, string contentPath, string? slug)
    {
        var dir = Path.GetDirectoryName(contentPath)?.Replace('\\', '/') ?? "";
        var name = Path.GetFileNameWithoutExtension(contentPath);
        var segments = new List<string> { prefix };
        if (dir.Length > 0) segments.AddRange(dir.Split('/'));
        if (name != "_index") segments.Add(slug ?? name);
        return string.Join('/', segments) + "/";
    }

    /// <summary>
    /// The absolute URL of a site path under <paramref name="baseUrl"/>, its path percent-encoded as RFC 3986 asks:
    /// sitemaps, canonical links and og:url are read by crawlers that reject raw spaces and non-ASCII letters, which
    /// content names may have (`content/zh/關於.md`). A query or fragment a template wrote is kept as it is.
    /// </summary>
    public static string Absolute(string baseUrl, string sitePath)
    {
        var end = sitePath.AsSpan().IndexOfAny('?', '#');
        var path = end < 0 ? sitePath : sitePath[..end];
        var escaped = string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
        return baseUrl.TrimEnd('/') + "/" + escaped + (end < 0 ? "" : sitePath[end..]);
    }

    /// <summary>
    /// Why a content path cannot be written as it is in a URL, or null. Browsers read `\` as `/` (so `\\evil.com.md`
    /// became the off-site link `\\evil.com/`), `#` and `?` end the path, and `%` starts an escape.
    /// </summary>
    public static string? UrlBreaker(string contentPath)
    {
        // The output path repeats the content path under the output folder; thousands of nested folders made it longer
        // than the system allows, which surfaced as an internal error.
        if (contentPath.Length > MaxPathLength)
            return $"the path is {contentPath.Length:N0} characters long, over the {MaxPathLength:N0} its URL may have (nest fewer folders or shorten their names)";
        var at = contentPath.AsSpan().IndexOfAny(UrlBreakers);
        if (at < 0) return null;
        return contentPath[at] switch
        {
            '\\' => "the name has '\\', which browsers read as '/' in a URL",
            '#' => "the name has '#', which ends a URL's path (the rest is read as a fragment)",
            '?' => "the name has '?', which ends a URL's path (the rest is read as a query)",
            '%' => "the name has '%', which starts an escape in a URL",
            var c => $"the name has the control character U+{(int)c:X4}",
        };
    }

    /// <summary>Characters in a content or asset path (and so in its URL path).</summary>
    public const int MaxPathLength = 1_024;

    private static readonly System.Buffers.SearchValues<char> UrlBreakers = System.Buffers.SearchValues.Create(
        "\\#?%" + string.Concat(Enumerable.Range(0, 32).Select(c => (char)c)) + "\u007f");

    /// <summary>A slug is one URL segment: no separators, no `.`/`..`, no drive letters or control characters.</summary>
    public static bool IsSafeSlug(string slug) => SlugPattern().IsMatch(slug) && slug is not ("." or "..");

    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N}._-]*\z")] private static partial Regex SlugPattern();

    /// <summary>Joins a folder and a relative path (`a/b` + `../c` → `a/c`) without the file system; null if it climbs above the root.</summary>
    /// <remarks>Called for every link of every page (a million at 20,000 pages): built in one buffer, without splitting.</remarks>
    public static string? Join(string dir, string relative)
    {
        var length = dir.Length + relative.Length + 1;
        var rented = length > 512 ? System.Buffers.ArrayPool<char>.Shared.Rent(length) : null;
        var buffer = rented ?? stackalloc char[length];
        try
        {
            var n = 0; // buffer[..n] is the path so far: segments joined by '/'
            for (var part = 0; part < 2; part++)
            {
                var text = part == 0 ? dir : relative;
                var applied = part == 1; // the folder's own segments are taken as they are
                foreach (var range in text.AsSpan().Split('/'))
                {
                    var segment = text.AsSpan(range);
                    if (segment.IsEmpty || (applied && segment is ".")) continue;
                    if (applied && segment is "..")
                    {
                        if (n == 0) return null;
                        n = Math.Max(0, buffer[..n].LastIndexOf('/'));
                        continue;
                    }
                    if (n > 0) buffer[n++] = '/';
                    segment.CopyTo(buffer[n..]);
                    n += segment.Length;
                }
            }
            return new string(buffer[..n]);
        }
        finally
        {
            if (rented is not null) System.Buffers.ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>The relative URL from one site-relative location to another, so the output works under any sub-path.</summary>
    /// <remarks>Called for every link of every page: segments are compared in place, without splitting.</remarks>
    public static string Relative(string fromUrl, string toPath)
    {
        var fromDir = fromUrl.AsSpan(0, fromUrl.EndsWith('/') ? fromUrl.Length : fromUrl.LastIndexOf('/') + 1);
        int depth = 0, common = 0, restStart = 0;
        var matching = true;
        foreach (var range in fromDir.Split('/'))
        {
            var segment = fromDir[range];
            if (segment.IsEmpty) continue;
            depth++;
            if (!matching) continue;
            // A shared folder must be a folder of the target too, not its last segment.
            var slash = toPath.IndexOf('/', restStart);
            if (slash >= 0 && toPath.AsSpan(restStart, slash - restStart).SequenceEqual(segment))
            {
                common++;
                restStart = slash + 1;
            }
            else matching = false;
        }
        var ups = depth - common;
        var rest = toPath.AsSpan(restStart);
        if (ups == 0) return rest.IsEmpty ? "./" : ReadAsScheme(rest) ? "./" + rest.ToString() : rest.ToString();
        return string.Create(ups * 3 + rest.Length, (ups, toPath, restStart), static (chars, state) =>
        {
            for (var i = 0; i < state.ups; i++) "../".CopyTo(chars[(i * 3)..]);
            state.toPath.AsSpan(state.restStart).CopyTo(chars[(state.ups * 3)..]);
        });
    }

    /// <summary>
    /// A relative URL whose first segment has a colon (`note:1/`, `javascript:alert(1)/`) is read by browsers as
    /// scheme and rest: such a URL is written `./note:1/`.
    /// </summary>
    private static bool ReadAsScheme(ReadOnlySpan<char> relative)
    {
        var slash = relative.IndexOf('/');
        return (slash < 0 ? relative : relative[..slash]).Contains(':');
    }

    /// <summary>
    /// A relative URL written for a page at <paramref name="fromUrl"/>, rewritten to point at the same place from
    /// <paramref name="toUrl"/>; fragment and query kept. Unchanged if it climbs above the site.
    /// </summary>
    public static string Rebase(string url, string fromUrl, string toUrl)
    {
        if (url.Length == 0 || url.StartsWith('/')) return url;
        var cut = url.IndexOfAny(['#', '?']);
        var path = cut < 0 ? url : url[..cut];
        var rest = cut < 0 ? "" : url[cut..];
        var fromDir = fromUrl.EndsWith('/') ? fromUrl : fromUrl[..(fromUrl.LastIndexOf('/') + 1)];
        if (Join(fromDir, path) is not { } target) return url;
        return Relative(toUrl, NamesFolder(path) && target.Length > 0 ? target + "/" : target) + rest;
    }

    /// <summary>Whether a relative URL names a folder (`x/`, `.`, `..`), which is served by its index.html.</summary>
    public static bool NamesFolder(string relative) => relative[(relative.LastIndexOf('/') + 1)..] is "" or "." or "..";
}
