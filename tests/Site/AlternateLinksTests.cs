using AngleSharp.Html.Parser;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Site;

/// <summary>
/// Language alternates as search engines read them: every hreflang set is reciprocal and lists the page itself; a
/// side-by-side view is no language version (no alternates, a canonical link to its page); the landing page is the
/// x-default of the homes.
/// </summary>
public class AlternateLinksTests
{
    private static readonly Uri Site = new("https://example.test/");

    /// <summary>Each HTML page's URL and its hreflang set (tag → absolute URL), with its canonical link if any.</summary>
    private static Dictionary<Uri, (Dictionary<string, Uri> Alternates, Uri? Canonical)> Read(BuildResult result)
    {
        var parser = new HtmlParser();
        var pages = new Dictionary<Uri, (Dictionary<string, Uri>, Uri?)>();
        foreach (var path in result.Output.Paths.Where(p => p.EndsWith(".html", StringComparison.Ordinal)))
        {
            var url = new Uri(Site, path.EndsWith("index.html", StringComparison.Ordinal) ? path[..^"index.html".Length] : path);
            var doc = parser.ParseDocument(result.Output.Text(path));
            var alternates = new Dictionary<string, Uri>();
            foreach (var link in doc.QuerySelectorAll("link[rel=alternate][hreflang]"))
                Assert.True(alternates.TryAdd(link.GetAttribute("hreflang")!, new Uri(url, link.GetAttribute("href")!)), $"{path} repeats hreflang {link.GetAttribute("hreflang")}");
            var canonical = doc.QuerySelector("link[rel=canonical]")?.GetAttribute("href") is { } c ? new Uri(url, c) : null;
            pages[url] = (alternates, canonical);
        }
        return pages;
    }

    private static void AssertReciprocal(BuildResult result)
    {
        Assert.True(result.Succeeded, string.Join("\n", TestSite.Errors(result)));
        var pages = Read(result);
        var withSets = pages.Where(p => p.Value.Alternates.Count > 0).ToList();
        Assert.NotEmpty(withSets);
        foreach (var (url, (alternates, _)) in withSets)
        {
            Assert.True(alternates.ContainsValue(url), $"{url} does not list itself among {string.Join(", ", alternates.Values)}");
            foreach (var (tag, target) in alternates)
            {
                Assert.True(pages.TryGetValue(target, out var other), $"{url}: hreflang {tag} points at {target}, which is not in the output");
                Assert.True(other.Alternates.ContainsValue(url), $"{url} lists {target} ({tag}), which does not list it back");
                Assert.Equal(alternates.OrderBy(a => a.Key), other.Alternates.OrderBy(a => a.Key));
            }
        }
    }

    [Fact]
    public void Every_hreflang_set_of_the_companion_site_is_reciprocal_and_lists_the_page_itself() =>
        AssertReciprocal(new SiteBuilder(new BuildOptions { Root = Repo.Root }).Build());

    [Fact]
    public void Every_hreflang_set_is_reciprocal_with_a_base_url_too() =>
        AssertReciprocal(new SiteBuilder(new BuildOptions { Root = Repo.Root, BaseUrl = Site.ToString() }).Build());

    [Fact]
    public void Side_by_side_views_have_no_alternates_and_a_canonical_link_to_their_page()
    {
        var pages = Read(new SiteBuilder(new BuildOptions { Root = Repo.Root }).Build());
        var views = pages.Where(p => p.Key.AbsolutePath.EndsWith("/bilingual/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(views);
        foreach (var (url, (alternates, canonical)) in views)
        {
            Assert.Empty(alternates);
            Assert.Equal(new Uri(url, "../"), canonical);
        }
    }

    [Fact]
    public void The_landing_page_is_the_homes_x_default_and_lists_them_and_itself()
    {
        var pages = Read(new SiteBuilder(new BuildOptions { Root = Repo.Root }).Build());
        var landing = pages[Site].Alternates;
        Assert.Equal(new Dictionary<string, Uri>
        {
            ["zh-Hant"] = new(Site, "zh/"),
            ["en"] = new(Site, "en/"),
            ["x-default"] = Site,
        }.OrderBy(a => a.Key), landing.OrderBy(a => a.Key));
        Assert.Equal(Site, pages[new Uri(Site, "en/")].Alternates["x-default"]);
        Assert.Equal(Site, pages[new Uri(Site, "zh/")].Alternates["x-default"]);
    }
}
