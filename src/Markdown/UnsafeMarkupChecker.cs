using System.Net;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SiteGen.Content;
using SiteGen.Diagnostics;

namespace SiteGen.Markdown;

/// <summary>
/// With raw HTML off, the Markdown constructs that could still run script: a link, image, autolink or reference
/// definition whose URL has a dangerous scheme, and a generic attribute (`{onerror=…}`) outside a short list of
/// harmless ones. Added to the pipeline as an extension: every parsed document is walked once, what is found is
/// neutralised in the syntax tree (so no render of it can run script) and kept on the document, to be reported at its
/// line when the page is rendered.
/// </summary>
public sealed class UnsafeMarkupChecker : IMarkdownExtension
{
    /// <summary>
    /// Attributes the `{…}` syntax may set besides `#id` and `.class`: none can hold script or load anything. Kept short
    /// on purpose (docs/reference.md lists it); `on*`, `style`, `src`, `href`, `srcdoc`, `formaction` and the rest are refused.
    /// </summary>
    public static readonly IReadOnlySet<string> AllowedAttributes =
        new HashSet<string>(["title", "lang", "dir", "width", "height", "alt", "loading"], StringComparer.OrdinalIgnoreCase);

    private static readonly string AllowedList = "#id, .class, " + string.Join(", ", AllowedAttributes);
    private const string OptIn = "site.yml `allow_raw_html: true` lifts this for a site whose authors are all trusted";

    /// <summary>A refused construct, at its 0-based line and column in the Markdown body.</summary>
    public readonly record struct Finding(int Line, int Column, string Message, string Hint);

    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        pipeline.DocumentProcessed -= Check;
        pipeline.DocumentProcessed += Check;
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer) { }

    /// <summary>Reports what the parse of this page's body found; nothing when the pipeline allows raw HTML.</summary>
    public static void Report(Page page, MarkdownDocument doc, DiagnosticBag bag)
    {
        if (doc.GetData(typeof(Finding)) is not List<Finding> findings) return;
        foreach (var f in findings)
            bag.Error(new SourceLocation(page.SourcePath, page.BodyFirstLine + f.Line, f.Column + 1), f.Message, f.Hint);
    }

    private static void Check(MarkdownDocument doc)
    {
        var walk = new Walk();
        walk.Block(doc);
        if (walk.Findings is { } findings) doc.SetData(typeof(Finding), findings);
    }

    /// <summary>
    /// One pass over blocks and inlines, by hand: Markdig's `Descendants()` nests an iterator per level, and every page
    /// of every build goes through here.
    /// </summary>
    private sealed class Walk
    {
        public List<Finding>? Findings;

        private void Refuse(MarkdownObject at, string message, string hint) =>
            (Findings ??= new()).Add(new Finding(at.Line, at.Column, message, hint));

        public void Block(Block block)
        {
            Attributes(block);
            switch (block)
            {
                case ContainerBlock container:
                    foreach (var child in container) Block(child);
                    break;
                case LeafBlock { Inline: { } inline }:
                    Inlines(inline);
                    break;
            }
            if (block is LinkReferenceDefinition def && DangerousScheme(def.Url, image: true) is { } scheme)
            {
                Refuse(def, $"link reference definition [{def.Label}] with a '{scheme}:' URL is refused: {Why(scheme, image: true)}", SafeLink(image: false));
                def.Url = "";
            }
        }

        private void Inlines(ContainerInline container)
        {
            for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
            {
                // Most inlines are text, which holds no URL and gets no `{…}` (the parser gives those to its parent).
                if (inline is LiteralInline) continue;
                Inline(inline);
                if (inline is ContainerInline nested) Inlines(nested);
            }
        }

        private void Inline(Inline inline)
        {
            Attributes(inline);
            switch (inline)
            {
                case LinkInline { Reference: not null } link:
                    // A URL refused whatever uses it is reported once, at its definition; here it is only emptied.
                    if (DangerousScheme(link.Url, image: true) is not null) link.Url = "";
                    else if (DangerousScheme(link.Url, link.IsImage) is { } scheme)
                    {
                        Refuse(link, $"link to a '{scheme}:' URL (from a reference definition) is refused: {Why(scheme, image: false)}", SafeLink(image: false));
                        link.Url = "";
                    }
                    break;
                case LinkInline link:
                    if (DangerousScheme(link.Url, link.IsImage) is { } bad)
                    {
                        var what = link.IsImage ? "image" : "link";
                        Refuse(link, $"{what} with a '{bad}:' URL is refused: {Why(bad, link.IsImage)}", SafeLink(link.IsImage));
                        link.Url = "";
                    }
                    break;
                case AutolinkInline { IsEmail: false } auto:
                    if (DangerousScheme(auto.Url, image: false) is { } autoScheme)
                    {
                        Refuse(auto, $"autolink <{autoScheme}:…> is refused: {Why(autoScheme, image: false)}", SafeLink(image: false));
                        auto.Url = "";
                    }
                    break;
            }
        }

        private void Attributes(MarkdownObject node)
        {
            if (node.TryGetAttributes() is not { Properties: { Count: > 0 } properties } attributes) return;
            // The parser puts the position of `{…}` on the attributes; a heading's own `{…}` keeps its block's.
            var at = attributes.Line > 0 || attributes.Column > 0 ? attributes : node;
            properties.RemoveAll(property =>
            {
                if (AllowedAttributes.Contains(property.Key)) return false;
                Refuse(at, $"attribute '{property.Key}' in `{{…}}` is refused: it could run script or load content; only {AllowedList} may be set this way",
                    $"remove it; {OptIn}");
                return true;
            });
        }
    }

    private static string Why(string scheme, bool image) => scheme switch
    {
        "javascript" or "vbscript" => "it would run script in the reader's browser",
        "file" => "it points at the reader's own disk",
        _ => image ? "only PNG, GIF, JPEG and WebP images may be given as data: URLs" : "a data: URL can hold a page that runs script",
    };

    private static string SafeLink(bool image) => image
        ? $"use an image file in content/ or an http(s) address, or a data:image/png, gif, jpeg or webp URL; {OptIn}"
        : $"link to a .md page, a file in content/ or an http(s) address; {OptIn}";

    /// <summary>
    /// The scheme, in lower case, when it is one that can run script or read local files: javascript:, vbscript:, file:,
    /// and data: except raster images in an image. Read as a browser reads it: entities decoded, tabs and line breaks
    /// anywhere and controls or spaces at the ends dropped, any case.
    /// </summary>
    public static string? DangerousScheme(string? url, bool image)
    {
        if (string.IsNullOrEmpty(url)) return null;
        if (url.Contains('&')) url = WebUtility.HtmlDecode(url);
        Span<char> scheme = stackalloc char[10]; // "javascript", the longest refused scheme
        int n = 0, colon = -1;
        for (var i = 0; i < url.Length && colon < 0; i++)
        {
            var c = url[i];
            if (c <= ' ') continue; // C0 controls and space: dropped at the ends, tab and newlines anywhere
            if (c == ':') colon = i;
            else if (n < scheme.Length && (char.IsAsciiLetter(c) || (n > 0 && (char.IsAsciiDigit(c) || c is '+' or '-' or '.')))) scheme[n++] = char.ToLowerInvariant(c);
            else return null; // not a scheme (or none refused): a relative URL or a harmless one
        }
        if (colon < 0) return null;
        var name = scheme[..n];
        if (name is "javascript" or "vbscript" or "file") return name.ToString();
        if (name is not "data") return null;
        return image && IsRasterImage(url.AsSpan(colon + 1)) ? null : "data";
    }

    private static bool IsRasterImage(ReadOnlySpan<char> afterScheme)
    {
        var rest = afterScheme.TrimStart();
        foreach (var type in (ReadOnlySpan<string>)["image/png", "image/gif", "image/jpeg", "image/webp"])
        {
            if (!rest.StartsWith(type, StringComparison.OrdinalIgnoreCase)) continue;
            // The media type must end there: `image/pngx` or `image/png+svg` is something else.
            if (rest.Length == type.Length || rest[type.Length] is ';' or ',') return true;
        }
        return false;
    }
}
