using Markdig.Syntax;
using SiteGen.Content;

namespace SiteGen.Markdown;

/// <summary>
/// One page of a translation group as the render stage hands it to the checks that need its Markdown (parity, the
/// side-by-side views, the search index). <paramref name="Body"/> and <paramref name="Document"/> live only while the
/// group is in flight; <paramref name="Document"/> is null when the body could not be read, parsed or rendered (reported).
/// </summary>
public sealed record RenderedPage(Page Page, string? Body, MarkdownDocument? Document, MarkdownLinks Links);

/// <summary>
/// What rendering a page's Markdown found of its links: where each rewritten URL was written (so the link check blames
/// the Markdown line), the links to pages of the site (for the parity check), and the URLs already reported as broken
/// (so the link check does not report them again).
/// </summary>
public sealed record MarkdownLinks(IReadOnlyDictionary<string, LinkOrigin> Origins, IReadOnlyList<PageLink> ToPages, IReadOnlyCollection<string> Reported)
{
    public static readonly MarkdownLinks None = new(new Dictionary<string, LinkOrigin>(), [], []);

    public bool IsEmpty => Origins.Count == 0 && ToPages.Count == 0 && Reported.Count == 0;
}

/// <summary>A page's Markdown rendered to HTML, with what was found of its links on the way.</summary>
public sealed record MarkdownHtml(string Html, MarkdownLinks Links);
