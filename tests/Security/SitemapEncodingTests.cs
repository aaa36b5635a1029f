using System.Xml.Linq;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Security;

/// <summary>
/// The sitemap declares UTF-8 without rewriting its own text, and its URLs are percent-encoded as crawlers require:
/// content names may have spaces and CJK letters.
/// </summary>
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

    [Fact]
    public void A_page_named_with_a_space_and_cjk_letters_has_percent_encoded_absolute_urls()
    {
        using var site = new TestSite(
            "-- content/en/關於 我們.md --\n---\ntitle: About\n---\nText.\n"
            + "-- templates/layouts/page.html --\n<link rel=\"canonical\" href=\"{{ abs_url page }}\"><a href=\"{{ abs_url 'en/關於 我們/#top' }}\">top</a>\n");
        var result = site.Build("https://example.org/docs/");
        Assert.Empty(result.Diagnostics.Where(d => d.IsError));
        const string url = "https://example.org/docs/en/%E9%97%9C%E6%96%BC%20%E6%88%91%E5%80%91/";
        var locs = XDocument.Parse(result.Output.Text("sitemap.xml")).Descendants(XName.Get("loc", "http://www.sitemaps.org/schemas/sitemap/0.9")).Select(l => l.Value).ToList();
        Assert.Contains(url, locs);
        Assert.All(locs, l => Assert.Matches("^[\\x21-\\x7e]+$", l)); // printable ASCII only: no raw space or letter outside it
        var html = result.Output.Text("en/關於 我們/index.html");
        Assert.Contains($"<link rel=\"canonical\" href=\"{url}\">", html);
        Assert.Contains($"<a href=\"{url}#top\">", html); // the fragment a template wrote is kept
    }
}
