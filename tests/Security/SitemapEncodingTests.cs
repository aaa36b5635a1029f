using System.Xml.Linq;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Security;

/// <summary>The sitemap declares UTF-8 without rewriting its own text: a page named utf-16 keeps its URL.</summary>
public class SitemapEncodingTests
{
    [Fact]
    public void A_page_named_utf_16_is_listed_at_its_own_url()
    {
        using var site = new TestSite("-- content/en/utf-16.md --\n---\ntitle: Encodings\n---\nText.\n");
        var result = site.Build("https://example.org/");
        Assert.Empty(result.Diagnostics.Where(d => d.IsError));
        var sitemap = result.Output.Text("sitemap.xml");
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", sitemap);
        var locs = XDocument.Parse(sitemap).Descendants(XName.Get("loc", "http://www.sitemaps.org/schemas/sitemap/0.9")).Select(l => l.Value);
        Assert.Contains("https://example.org/en/utf-16/", locs);
        Assert.DoesNotContain("https://example.org/en/utf-8/", locs);
    }
}
