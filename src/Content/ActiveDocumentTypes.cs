namespace SiteGen.Content;

/// <summary>
/// Content files that browsers open as documents able to run script: HTML, SVG and XML (which may hold XHTML
/// elements or point at an XSLT sheet). Published beside the pages, on the site's own origin, one of these is raw HTML
/// by another name, so with raw HTML off it is refused like raw HTML in a page. Hosts pick the type by extension.
/// </summary>
public static class ActiveDocumentTypes
{
    private static readonly HashSet<string> Extensions = new(
        [".html", ".htm", ".shtml", ".xhtml", ".xht", ".mht", ".mhtml", ".svg", ".svgz", ".xml", ".xsl", ".xslt"],
        StringComparer.OrdinalIgnoreCase);

    /// <returns>The error message for a content file of such a type; null for any other file.</returns>
    public static string? Refusal(string path)
    {
        var extension = Path.GetExtension(path);
        return Extensions.Contains(extension)
            ? $"a {extension.ToLowerInvariant()} file in content/ is refused: browsers open it as a document that can run script"
            : null;
    }

    public const string Hint =
        "link to a .md page instead, or give an image as PNG, JPEG, GIF or WebP; site.yml `allow_raw_html: true` lifts this for a site whose authors are all trusted";
}
