using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SiteGen.Tests.Support;
using Xunit.Abstractions;

namespace SiteGen.Tests.Browser;

/// <summary>The built site as a reader meets it: Chromium, over HTTP, under a sub-path and at a domain root.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public class SiteInBrowserTests(BrowserFixture site, ITestOutputHelper output) : BrowserTest(site)
{
    [Fact]
    public async Task Every_page_loads_with_200_and_no_console_error_or_failed_request_at_desktop_or_phone_width()
    {
        var visits = await site.WalkAsync();
        var report = Path.Combine(Repo.Tests, "TestResults", "browser-pages.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(report)!);
        File.WriteAllLines(report, site.Pages.Select(p => $"{site.SubPath.BaseUrl}{p}"));
        Assert.Empty(visits.Values.Where(v => v.Status != 200).Select(v => $"{v.Path}: status {v.Status}"));
        Assert.Empty(visits.Values.SelectMany(v => v.Problems.Select(p => $"{v.Path}: {p}")));
    }

    [Fact]
    public async Task No_page_is_wider_than_a_360_px_phone()
    {
        var visits = await site.WalkAsync();
        Assert.Empty(visits.Values.Where(v => v.Width > 360).Select(v => $"{v.Path}: {v.Width} px"));
    }

    /// <summary>Every page's switcher links to its counterpart and back (as the browser resolved them); a few are clicked.</summary>
    [Fact]
    public async Task Language_switcher_links_every_page_to_its_counterpart_and_back_and_a_sample_clicks_through()
    {
        var visits = await site.WalkAsync();
        var zhPages = site.Pages.Where(p => p.StartsWith("zh/")).ToList();
        Assert.True(zhPages.Count >= 24, $"only {zhPages.Count} Chinese pages");
        foreach (var zh in zhPages)
        {
            var en = "en/" + zh[3..];
            Assert.Equal("zh-Hant", visits[zh].Lang);
            Assert.Equal("en", visits[en].Lang);
            var toEn = Assert.Single(visits[zh].LanguageSwitch, l => l.HrefLang == "en");
            Assert.Equal((site.SubPath.BaseUrl + en, "English", true), (toEn.Href, toEn.Text, toEn.Clickable));
            var toZh = Assert.Single(visits[en].LanguageSwitch, l => l.HrefLang == "zh-Hant");
            Assert.Equal((site.SubPath.BaseUrl + zh, "繁體中文", true), (toZh.Href, toZh.Text, toZh.Clickable));
        }

        var (page, _) = await site.SharedPageAsync();
        foreach (var path in new[] { "zh/", "zh/themes/chips/", "zh/quotes/bilingual/" })
        {
            var start = site.SubPath.BaseUrl + path;
            await page.GotoAsync(start);
            await BrowserFixture.FollowAsync(page, page.Locator(".lang-switch a[hreflang=en]"));
            Assert.Equal(site.SubPath.BaseUrl + "en/" + path[3..], page.Url);
            Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
            await BrowserFixture.FollowAsync(page, page.Locator(".lang-switch a[hreflang=zh-Hant]"));
            Assert.Equal(start, page.Url);
            output.WriteLine($"switched {path} ⇄ en/{path[3..]}");
        }
    }

    /// <summary>The home's five cards lead to the five themes, whose next and previous links chain them in order.</summary>
    [Theory]
    [InlineData("zh/")]
    [InlineData("en/")]
    public async Task Home_cards_and_previous_next_walk_through_all_five_themes(string home)
    {
        var visits = await site.WalkAsync();
        var cards = visits[home].Cards;
        Assert.Equal(5, cards.Count);
        Assert.All(cards.Concat(visits.Values.SelectMany(v => v.Next.Concat(v.Prev))), l => Assert.True(l.Clickable, $"{l.Href} cannot be clicked"));
        var themes = cards.Select(c => PathOf(c.Href)).ToList();
        for (var i = 0; i < themes.Count; i++)
        {
            Assert.Equal(cards[i].Text, visits[themes[i]].H1);
            Assert.Equal(i + 1 < themes.Count ? [themes[i + 1]] : [], visits[themes[i]].Next.Select(l => PathOf(l.Href)));
            Assert.Equal(i > 0 ? [themes[i - 1]] : [], visits[themes[i]].Prev.Select(l => PathOf(l.Href)));
        }

        var (page, _) = await site.SharedPageAsync();
        await page.GotoAsync(site.SubPath.BaseUrl + home);
        await BrowserFixture.FollowAsync(page, page.Locator(".card a").First);
        Assert.Equal(cards[0].Text, await page.TextContentAsync("h1"));
        await BrowserFixture.FollowAsync(page, page.Locator("a[rel=next]"));
        Assert.Equal(cards[1].Text, await page.TextContentAsync("h1"));
        await BrowserFixture.FollowAsync(page, page.Locator("a[rel=prev]"));
        Assert.Equal(cards[0].Text, await page.TextContentAsync("h1"));
    }

    /// <summary>
    /// Every quote and figure is linked from its theme in both languages, and each link's page has the element its
    /// fragment names; one link a language is clicked, and the browser must then mark that element as the target.
    /// </summary>
    [Fact]
    public async Task Links_to_quotes_and_figures_land_on_the_right_page_and_anchor()
    {
        var visits = await site.WalkAsync();
        var links = visits.Values.Where(v => Regex.IsMatch(v.Path, "^(zh|en)/themes/[^/]+/$"))
            .SelectMany(v => v.QuoteAndFigureLinks.Select(l => (From: v.Path, l.Href, l.Clickable))).ToList();
        Assert.Equal(2 * (10 + 8), links.Count); // every quote and figure is linked from its theme, in both languages
        foreach (var (from, href, clickable) in links)
        {
            Assert.True(clickable, $"{from}: {href} cannot be clicked");
            var target = PathOf(href);
            var fragment = Uri.UnescapeDataString(href[(href.IndexOf('#') + 1)..]);
            Assert.Matches("^" + from[..3] + "(quotes|figures)/$", target);
            Assert.True(visits[target].Ids.Contains(fragment), $"{from}: {href} names no element of {target}");
        }

        var (page, _) = await site.SharedPageAsync();
        foreach (var theme in new[] { "zh/themes/chips/", "en/themes/space-compute/" })
        {
            await page.GotoAsync(site.SubPath.BaseUrl + theme);
            var link = page.Locator(".prose a[href*='quotes/#'], .prose a[href*='figures/#']").First;
            var href = (await link.GetAttributeAsync("href"))!;
            await BrowserFixture.FollowAsync(page, link);
            var fragment = href[(href.IndexOf('#') + 1)..];
            Assert.EndsWith("#" + fragment, page.Url);
            // The target is set once the document is parsed: waited for, not read at once.
            await page.WaitForFunctionAsync("id => document.querySelector(':target')?.id === id", Uri.UnescapeDataString(fragment));
        }
    }

    /// <summary>The page path (`en/quotes/`) of an absolute link under the sub-path, without its fragment.</summary>
    private string PathOf(string href)
    {
        Assert.StartsWith(site.SubPath.BaseUrl, href);
        var path = href[site.SubPath.BaseUrl.Length..];
        return path.Contains('#') ? path[..path.IndexOf('#')] : path;
    }

    [Fact]
    public async Task Landing_page_offers_both_languages_and_unknown_urls_get_the_404_page()
    {
        var (page, _) = await site.SharedPageAsync();
        await page.GotoAsync(site.SubPath.BaseUrl);
        Assert.Equal(["繁體中文", "English"], await page.Locator(".landing-choice a").AllTextContentsAsync());
        await BrowserFixture.FollowAsync(page, page.Locator(".landing-choice a[hreflang=en]"));
        Assert.Equal(site.SubPath.BaseUrl + "en/", page.Url);

        var missing = await page.GotoAsync(site.SubPath.BaseUrl + "en/no-such-page/");
        Assert.Equal(404, missing!.Status);
        Assert.Contains("Page not found", await page.TextContentAsync("body"));
        Assert.Contains("找不到這個頁面", await page.TextContentAsync("body"));
    }

    [Fact]
    public async Task The_same_build_works_at_the_domain_root()
    {
        var (page, problems) = await site.SharedPageAsync();
        foreach (var path in new[] { "", "zh/", "en/themes/chips/", "zh/quotes/", "en/figures/bilingual/" })
        {
            var response = await page.GotoAsync(site.Root.BaseUrl + path);
            Assert.Equal(200, response!.Status);
        }
        await page.GotoAsync(site.Root.BaseUrl + "en/themes/chips/");
        await BrowserFixture.FollowAsync(page, page.Locator(".lang-switch a[hreflang=zh-Hant]"));
        Assert.Equal(site.Root.BaseUrl + "zh/themes/chips/", page.Url);
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Screenshots_of_home_and_a_theme_in_both_languages_at_phone_and_desktop_widths()
    {
        var dir = Path.Combine(Repo.Tests, "TestResults", "screenshots");
        Directory.CreateDirectory(dir);
        foreach (var width in new[] { 390, 1280 })
        {
            var (page, _) = await site.NewPageAsync(width);
            foreach (var path in new[] { "zh/", "en/", "zh/themes/space-compute/", "en/themes/space-compute/" })
            {
                await page.GotoAsync(site.SubPath.BaseUrl + path);
                // JPEG: these are for a person to look at, and encoding a full-page PNG took several times as long.
                var file = Path.Combine(dir, $"{path.Trim('/').Replace('/', '-')}-{width}.jpg");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = width == 390, Type = ScreenshotType.Jpeg, Quality = 85 });
                Assert.True(new FileInfo(file).Length > 10_000);
                Assert.Equal(width, await page.EvaluateAsync<int>("document.documentElement.scrollWidth")); // nothing wider than the screen
                output.WriteLine($"screenshot {file}");
            }
        }
    }

    [Fact]
    public void Every_page_with_its_css_stays_under_60_kb()
    {
        var css = Directory.EnumerateFiles(Path.Combine(site.Out, "assets"), "*.css").Sum(f => new FileInfo(f).Length);
        var over = Directory.EnumerateFiles(site.Out, "*.html", SearchOption.AllDirectories)
            .Select(f => (Path: Path.GetRelativePath(site.Out, f), Size: new FileInfo(f).Length + css))
            .Where(x => x.Size >= 60 * 1024).Select(x => $"{x.Path}: {x.Size} bytes").ToList();
        Assert.Empty(over);
    }
}
