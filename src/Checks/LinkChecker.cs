using System.Text;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;
using AngleSharp.Text;
using SiteGen.Content;
using SiteGen.Diagnostics;
using SiteGen.Markdown;
using SiteGen.Output;

namespace SiteGen.Checks;

/// <summary>
/// Reads every rendered HTML page and checks that each internal link and `#fragment` resolves inside the output,
/// whether it came from Markdown or from a template, and that no page repeats an id.
/// </summary>
public sealed class LinkChecker(OutputTree tree, DiagnosticBag bag, ParallelOptions? parallelism = null)
{
    private sealed record Link(string Url, int Line, int Column);
    private sealed record ParsedPage(HashSet<string> Ids, List<Link> Links);

    public int InternalLinks { get; private set; }
    public SortedSet<string> ExternalLinks { get; } = new(StringComparer.Ordinal);

    /// <param name="origins">For pages rendered from Markdown: where each link URL was written.</param>
    public void Check(IReadOnlyDictionary<string, Dictionary<string, LinkOrigin>> origins, IReadOnlyDictionary<string, HashSet<string>> alreadyReported)
    {
        var htmlPaths = tree.Paths.Where(p => p.EndsWith(".html", StringComparison.Ordinal)).ToList();
        var parsed = new ParsedPage[htmlPaths.Count];
        Parallel.For(0, htmlPaths.Count, parallelism ?? new ParallelOptions(), i => parsed[i] = Parse(htmlPaths[i]));
        var pages = htmlPaths.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => parsed[x.i], StringComparer.Ordinal);
        foreach (var (path, page) in pages)
        {
            var fromMarkdown = origins.TryGetValue(path, out var o) ? Decoded(o) : null;
            var skip = alreadyReported.TryGetValue(path, out var r) ? r.Select(Normalize).ToHashSet() : [];
            foreach (var link in page.Links.Where(l => !skip.Contains(Normalize(l.Url))))
                CheckLink(path, link, pages, fromMarkdown);
        }
    }

    private static readonly Dictionary<string, string> LinkElements = new()
    {
        ["a"] = "href", ["link"] = "href", ["img"] = "src", ["script"] = "src", ["source"] = "src", ["iframe"] = "src",
    };

    /// <summary>
    /// AngleSharp's HTML5 tokenizer, without building a tree: start tags are all that links and ids need (a third
    /// less time than a full parse at 40,000 pages).
    /// </summary>
    private ParsedPage Parse(string path)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var links = new List<Link>();
        string? rawText = null; // inside <script> or <style>, whose text is not markup
        foreach (var token in new TextSource(tree.Text(path)).Tokenize(new HtmlTokenizerOptions()))
        {
            if (rawText is not null)
            {
                if (token.Type == HtmlTokenType.EndTag && ((HtmlTagToken)token).Name == rawText) rawText = null;
                continue;
            }
            if (token.Type != HtmlTokenType.StartTag) continue;
            var tag = (HtmlTagToken)token;
            if (tag.Name is "script" or "style" && !tag.IsSelfClosing) rawText = tag.Name;
            var linkAttribute = LinkElements.GetValueOrDefault(tag.Name);
            foreach (var attribute in tag.Attributes)
            {
                if (attribute.Name == "id" && attribute.Value.Length > 0 && !ids.Add(Normalize(attribute.Value)))
                    bag.Error(new SourceLocation(path, tag.Position.Line, tag.Position.Column), $"duplicate id '{Normalize(attribute.Value)}' on this page");
                else if (attribute.Name == linkAttribute)
                    links.Add(new Link(attribute.Value, tag.Position.Line, tag.Position.Column));
            }
        }
        return new ParsedPage(ids, links);
    }

    private void CheckLink(string fromPath, Link link, Dictionary<string, ParsedPage> pages, Dictionary<string, LinkOrigin>? origins)
    {
        var url = link.Url.Trim();
        if (url.Length == 0 || url == "#") return;
        if (LinkResolver.IsExternal(url)) { ExternalLinks.Add(url); return; }
        InternalLinks++;
        var origin = origins is not null && origins.TryGetValue(Normalize(url), out var md) ? md : null;
        var at = origin?.At ?? new SourceLocation(fromPath, link.Line, link.Column);
        var shown = origin?.Written ?? url;
        if (url.StartsWith('/')) { bag.Error(at, $"link '{shown}' is root-absolute and breaks when the site is served under a sub-path"); return; }
        var hash = url.IndexOf('#');
        var fragment = hash < 0 ? null : Normalize(url[(hash + 1)..]);
        var pathPart = hash < 0 ? url : url[..hash];
        var q = pathPart.IndexOf('?');
        if (q >= 0) pathPart = pathPart[..q];
        var target = pathPart.Length == 0 ? fromPath : Resolve(fromPath, Uri.UnescapeDataString(pathPart));
        if (target is null || !tree.Contains(target))
        {
            bag.Error(at, $"link '{shown}' points to nothing in the output", origin is null ? null : $"no {target}");
            return;
        }
        if (fragment is null || fragment.Length == 0) return;
        if (!pages.TryGetValue(target, out var targetPage) || !targetPage.Ids.Contains(fragment))
            bag.Error(at, $"link '{shown}': no heading or element with id '{fragment}' on that page", $"in {target}");
    }

    /// <summary>Resolves a relative URL against a page's path; a URL naming a folder means its index.html.</summary>
    private static string? Resolve(string fromPath, string relative)
    {
        var dir = fromPath.Contains('/') ? fromPath[..fromPath.LastIndexOf('/')] : "";
        var path = UrlMapper.Join(dir, relative);
        if (path is null) return null;
        var lastSegment = relative[(relative.LastIndexOf('/') + 1)..];
        var namesFolder = lastSegment is "" or "." or "..";
        return !namesFolder ? path : path.Length == 0 ? "index.html" : path + "/index.html";
    }

    private static Dictionary<string, LinkOrigin> Decoded(Dictionary<string, LinkOrigin> origins)
    {
        var result = new Dictionary<string, LinkOrigin>(StringComparer.Ordinal);
        foreach (var (url, at) in origins) result.TryAdd(Normalize(url), at);
        return result;
    }

    /// <summary>Markdig percent-encodes non-ASCII ids in hrefs; compare decoded and NFC-normalised.</summary>
    private static string Normalize(string s)
    {
        if (s.Contains('%'))
            try { s = Uri.UnescapeDataString(s); } catch (UriFormatException) { }
        return s.IsNormalized(NormalizationForm.FormC) ? s : s.Normalize(NormalizationForm.FormC);
    }
}
