using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SiteGen.Tests.Support;
using Xunit.Abstractions;

namespace SiteGen.Tests.Browser;

/// <summary>The built site as a reader meets it: Chromium, over HTTP, under a sub-path and at a domain root.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public class SiteInBrowserTests(BrowserFixture site, ITestOutputHelper output)
{
    [Fact]
    public async Task Every_page_loads_with_200_and_no_console_error_or_failed_request()
    {
        var (page, problems) = await site.NewPageAsync();
        var failures = new List<string>();
        foreach (var path in site.Pages)
        {
            problems.Clear();
            var response = await page.GotoAsync(site.SubPath.BaseUrl + path);
            if (response?.Status != 200) failures.Add($"{path}: status {response?.Status}");
            failures.AddRange(problems.Select(p => $"{path}: {p}"));
            output.WriteLine($"checked {site.SubPath.BaseUrl}{path}");
        }
        Assert.True(site.Pages.Count >= 49, $"only {site.Pages.Count} pages");
        var report = Path.Combine(Repo.Tests, "TestResults", "browser-pages.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(report)!);
        File.WriteAllLines(report, site.Pages.Select(p => $"{site.SubPath.BaseUrl}{p}"));
        Assert.Empty(failures);
    }

    [Fact]
    public async Task No_page_is_wider_than_a_360_px_phone()
    {
        var (page, _) = await site.NewPageAsync(360);
        var wide = new List<string>();
        foreach (var path in site.Pages)
        {
            await page.GotoAsync(site.SubPath.BaseUrl + path);
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            if (width > 360) wide.Add($"{path}: {width} px");
        }
        Assert.Empty(wide);
    }

    [Fact]
    public async Task Language_switcher_leads_to_the_counterpart_and_back_on_every_page()
    {
        var (page, _) = await site.NewPageAsync();
        foreach (var path in site.Pages.Where(p => p.StartsWith("zh/")))
        {
            var start = site.SubPath.BaseUrl + path;
            await page.GotoAsync(start);
            await BrowserFixture.FollowAsync(page, page.Locator(".lang-switch a[hreflang=en]"));
            Assert.Equal(site.SubPath.BaseUrl + "en/" + path[3..], page.Url);
            Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
            Assert.Equal("繁體中文", await page.TextContentAsync(".lang-switch a[hreflang=zh-Hant]"));
            await BrowserFixture.FollowAsync(page, page.Locator(".lang-switch a[hreflang=zh-Hant]"));
            Assert.Equal(start, page.Url);
            Assert.Equal("English", await page.TextContentAsync(".lang-switch a[hreflang=en]"));
            output.WriteLine($"switched {path} ⇄ en/{path[3..]}");
        }
    }

    [Theory]
    [InlineData("zh/")]
    [InlineData("en/")]
    public async Task Home_cards_and_previous_next_walk_through_all_five_themes(string home)
    {
        var (page, _) = await site.NewPageAsync();
        await page.GotoAsync(site.SubPath.BaseUrl + home);
        var titles = await page.Locator(".card .card-title").AllTextContentsAsync();
        Assert.Equal(5, titles.Count);
        for (var i = 0; i < titles.Count; i++)
        {
            await page.GotoAsync(site.SubPath.BaseUrl + home);
            await BrowserFixture.FollowAsync(page, page.Locator(".card a").Nth(i));
            Assert.Equal(titles[i], await page.TextContentAsync("h1"));
        }
        await page.GotoAsync(site.SubPath.BaseUrl + home);
        await BrowserFixture.FollowAsync(page, page.Locator(".card a").First);
        for (var i = 1; i < titles.Count; i++)
        {
            await BrowserFixture.FollowAsync(page, page.Locator("a[rel=next]"));
            Assert.Equal(titles[i], await page.TextContentAsync("h1"));
        }
        Assert.Equal(0, await page.Locator("a[rel=next]").CountAsync());
        for (var i = titles.Count - 2; i >= 0; i--)
        {
            await BrowserFixture.FollowAsync(page, page.Locator("a[rel=prev]"));
            Assert.Equal(titles[i], await page.TextContentAsync("h1"));
        }
    }

    [Fact]
    public async Task Links_to_quotes_and_figures_land_on_the_right_page_and_anchor()
    {
        var (page, _) = await site.NewPageAsync();
        var checkedLinks = 0;
        foreach (var theme in site.Pages.Where(p => Regex.IsMatch(p, "^(zh|en)/themes/[^/]+/$")))
        {
            await page.GotoAsync(site.SubPath.BaseUrl + theme);
            var links = page.Locator(".prose a[href*='quotes/#'], .prose a[href*='figures/#']");
            var count = await links.CountAsync();
            for (var i = 0; i < count; i++)
            {
                await page.GotoAsync(site.SubPath.BaseUrl + theme);
                var href = (await links.Nth(i).GetAttributeAsync("href"))!;
                await BrowserFixture.FollowAsync(page, links.Nth(i));
                var fragment = href[(href.IndexOf('#') + 1)..];
                Assert.EndsWith("#" + fragment, page.Url);
                // The target is set once the document is parsed: waited for, not read at once.
                await page.WaitForFunctionAsync("id => document.querySelector(':target')?.id === id", fragment);
                Assert.Matches(href.Contains("quotes/") ? "/quotes/#" : "/figures/#", page.Url);
                checkedLinks++;
            }
        }
        Assert.Equal(2 * (10 + 8), checkedLinks); // every quote and figure is linked from its theme, in both languages
    }

    [Fact]
    public async Task Landing_page_offers_both_languages_and_unknown_urls_get_the_404_page()
    {
        var (page, _) = await site.NewPageAsync();
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
        var (page, problems) = await site.NewPageAsync();
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
                var file = Path.Combine(dir, $"{path.Trim('/').Replace('/', '-')}-{width}.png");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = width == 390 });
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
