using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Reliability;

/// <summary>
/// The real site and theme with every text that comes from front matter, site.yml or UI strings replaced by markup
/// that tries to break out of each context: element text, attributes, title, meta tags, JSON-LD, the sitemap.
/// </summary>
public class InjectionTests
{
    private const string Payload = "<script>alert(1)</script>\\\"><img src=x onerror=alert(1)>]]></script><!--'";
    private const string Decoded = "<script>alert(1)</script>\"><img src=x onerror=alert(1)>]]></script><!--'";

    private static readonly Regex TextKeys = new(@"^(\s*-?\s*)(title|description|name|text|figure|measure|skip_to_content|[a-z_]+\.[a-z_.]+|read_in|translation_missing|toc|previous|next|language_switch|og_locale): .*$", RegexOptions.Multiline);

    private static BuildResult BuildEvilSite(out TestSite site)
    {
        site = new TestSite("", withTheme: false);
        Disk.CopyTree(Path.Combine(Repo.Root, "templates"), Path.Combine(site.Root, "templates"));
        site.Write("site.yml", Poison(File.ReadAllText(Path.Combine(Repo.Root, "site.yml"))));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repo.Root, "content"), "*.md", SearchOption.AllDirectories))
            site.Write(Path.GetRelativePath(Repo.Root, file), Poison(File.ReadAllText(file)));
        return site.Build("https://example.org/site/");
    }

    private static string Poison(string text) => TextKeys.Replace(text, m => $"{m.Groups[1].Value}{m.Groups[2].Value}: \"{Payload}\"");

    [Fact]
    public void No_field_can_inject_an_element_or_attribute()
    {
        var result = BuildEvilSite(out var site);
        using var _ = site;
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        var parser = new HtmlParser();
        var pages = result.Output.Paths.Where(p => p.EndsWith(".html")).ToList();
        Assert.True(pages.Count >= 26);
        foreach (var path in pages)
        {
            var doc = parser.ParseDocument(result.Output.Text(path));
            Assert.Empty(doc.QuerySelectorAll("img"));
            Assert.DoesNotContain(doc.All, e => e.Attributes.Any(a => a.Name.StartsWith("on")));
            // The only script with a source is the theme's own search script, on the search pages.
            Assert.All(doc.QuerySelectorAll("script[src]"), s => Assert.Matches(@"^(\.\./)+assets/search\.[0-9a-f]{10}\.js$", s.GetAttribute("src")));
            Assert.All(doc.QuerySelectorAll("script:not([src])"), s =>
            {
                Assert.Equal("application/ld+json", s.GetAttribute("type"));
                using var json = JsonDocument.Parse(s.TextContent);
                Assert.Equal(Decoded, json.RootElement.GetProperty("name").GetString());
            });
            if (path != "404.html") Assert.Contains(Decoded, doc.Title);
        }
        var en = parser.ParseDocument(result.Output.Text("en/quotes/index.html"));
        Assert.Equal(Decoded, en.QuerySelector("meta[name=description]")!.GetAttribute("content"));
        Assert.Equal(Decoded, en.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));
        Assert.Equal(Decoded, en.QuerySelector("#q1 blockquote")!.TextContent);
        Assert.Equal(Decoded, en.QuerySelector(".lang-switch a")!.TextContent);
        XDocument.Parse(result.Output.Text("sitemap.xml"));
    }

    [Fact]
    public void Raw_html_in_markdown_is_escaped_unless_site_yml_allows_it()
    {
        const string page = "-- content/en/p.md --\n---\ntitle: P\n---\n<b onclick=\"x()\">bold</b>\n";
        using var off = new TestSite(page);
        Assert.Contains("&lt;b onclick=&quot;x()&quot;&gt;bold&lt;/b&gt;", off.Build().Output.Text("en/p/index.html"));
        using var on = new TestSite(page + "-- site.yml --\n" + TestSite.DefaultConfig + "\nallow_raw_html: true\n");
        Assert.Contains("<b onclick=\"x()\">bold</b>", on.Build().Output.Text("en/p/index.html"));
    }
}
