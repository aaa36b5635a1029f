using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace SiteGen.Tests.Browser;

/// <summary>
/// Search as a reader uses it: the built companion under /companion/, Chromium, the index fetched from the static host.
/// Hooks: results are `li` in `ol#search-results`, each led by the `a.search-hit` link to the hit.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public class SearchTests(BrowserFixture site, ITestOutputHelper output) : BrowserTest(site)
{
    private sealed record Hit(string Href, string Text, string Other);

    /// <summary>Opens `&lt;lang&gt;/search/?q=…` (the link form), waits for the announced count, returns the results.</summary>
    private async Task<(List<Hit> Hits, string Status, IPage Page, List<string> Problems)> SearchAsync(string lang, string query)
    {
        var (page, problems) = await site.SharedPageAsync();
        await page.GotoAsync($"{site.SubPath.BaseUrl}{lang}/search/?q={Uri.EscapeDataString(query)}");
        return (await ResultsAsync(page), await StatusAsync(page), page, problems);
    }

    private static async Task<string> StatusAsync(IPage page)
    {
        await page.WaitForFunctionAsync("document.getElementById('search-status').textContent.length > 0");
        return (await page.TextContentAsync("#search-status"))!;
    }

    private static async Task<List<Hit>> ResultsAsync(IPage page)
    {
        await StatusAsync(page);
        var json = await page.EvaluateAsync<JsonElement>("""
            [...document.querySelectorAll('ol#search-results > li')].map(li => ({
              href: li.querySelector('a[href]').getAttribute('href'),
              text: li.textContent,
              other: li.querySelector('.search-other')?.textContent ?? '' }))
            """);
        return json.EnumerateArray().Select(e => new Hit(e.GetProperty("href").GetString()!, e.GetProperty("text").GetString()!, e.GetProperty("other").GetString()!)).ToList();
    }

    private void Log(string query, List<Hit> hits)
    {
        output.WriteLine($"{query}: {hits.Count}");
        foreach (var h in hits) output.WriteLine($"  {h.Href}");
    }

    private static string PathOf(string href) => new Uri(href).AbsolutePath;

    [Fact]
    public async Task A_Chinese_query_finds_the_quote_and_marks_it()
    {
        var (hits, status, page, problems) = await SearchAsync("zh", "超音速海嘯");
        Log("超音速海嘯", hits);
        Assert.NotEmpty(hits);
        Assert.Contains(hits, h => PathOf(h.Href) == "/companion/zh/quotes/");
        Assert.Contains("超音速海嘯", await page.TextContentAsync("ol#search-results mark") ?? "");
        Assert.Contains(hits.Count.ToString(), status);
        Assert.Empty(problems);
    }

    [Fact]
    public async Task An_English_query_finds_English_pages_with_stemming()
    {
        var (hits, _, _, problems) = await SearchAsync("en", "supersonic tsunamis");
        Log("supersonic tsunamis", hits);
        Assert.Contains(hits, h => PathOf(h.Href) == "/companion/en/quotes/");
        Assert.All(hits, h => Assert.StartsWith("/companion/en/", PathOf(h.Href)));
        Assert.Empty(problems);
    }

    [Fact]
    public async Task A_Chinese_query_from_an_English_reader_shows_the_English_page_marked_as_matched_in_Chinese()
    {
        var (hits, _, _, problems) = await SearchAsync("en", "晶片");
        Log("晶片 (en)", hits);
        Assert.NotEmpty(hits);
        var chips = Assert.Single(hits, h => PathOf(h.Href) == "/companion/en/themes/chips/");
        Assert.Contains("Matched in Chinese", chips.Other);
        Assert.Empty(problems);
    }

    [Fact]
    public async Task A_simplified_query_finds_the_traditional_text()
    {
        var (traditional, _, _, _) = await SearchAsync("zh", "數據中心");
        var (simplified, _, _, problems) = await SearchAsync("zh", "数据中心");
        Log("数据中心", simplified);
        Assert.NotEmpty(traditional);
        Assert.Equal(traditional.Select(h => h.Href), simplified.Select(h => h.Href));
        Assert.Empty(problems);
    }

    [Fact]
    public async Task A_mainland_word_finds_the_Taiwan_word()
    {
        var (taiwan, _, _, _) = await SearchAsync("zh", "晶片");
        var (mainland, _, page, problems) = await SearchAsync("zh", "芯片");
        Log("芯片", mainland);
        Assert.Contains(mainland, h => PathOf(h.Href) == "/companion/zh/themes/chips/");
        Assert.Equal(taiwan.Select(h => h.Href), mainland.Select(h => h.Href));
        Assert.Contains("晶片", await page.TextContentAsync("ol#search-results mark") ?? "");
        Assert.Empty(problems);
    }

    [Fact]
    public async Task A_match_in_the_other_language_links_to_the_same_heading_in_the_readers_language()
    {
        var (hits, _, page, problems) = await SearchAsync("en", "渦輪葉片");
        Log("渦輪葉片 (en)", hits);
        var chips = Assert.Single(hits, h => new Uri(h.Href).AbsolutePath == "/companion/en/themes/chips/");
        Assert.Equal("#turbines", new Uri(chips.Href).Fragment); // the Chinese match is under 燃氣渦輪機的關鍵零件, the fourth heading
        var matched = await page.GetAttributeAsync("ol#search-results > li .search-other a", "href");
        Assert.EndsWith("/companion/zh/themes/chips/#turbines", matched);
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("110000")]
    [InlineData("110,000")]
    [InlineData("11 萬")]
    [InlineData("１１萬")]
    public async Task A_number_in_any_form_finds_the_figure(string query)
    {
        var (hits, _, _, problems) = await SearchAsync("en", query);
        Log(query, hits);
        Assert.Contains(hits, h => PathOf(h.Href) == "/companion/en/figures/" || h.Href.Contains("/companion/en/figures/#"));
        Assert.Empty(problems);
    }

    [Fact]
    public async Task A_query_with_no_result_says_so()
    {
        var (hits, status, _, problems) = await SearchAsync("en", "xylophonequartz");
        Assert.Empty(hits);
        Assert.Equal("No results for “xylophonequartz”", status);
        Assert.Empty(problems);
    }

    [Fact]
    public async Task The_header_field_leads_to_results_by_keyboard_alone()
    {
        var (page, problems) = await site.SharedPageAsync();
        await page.GotoAsync(site.SubPath.BaseUrl + "en/");
        for (var i = 0; i < 30 && await page.EvaluateAsync<string?>("document.activeElement?.getAttribute('name')") != "q"; i++)
            await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("光錐");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("location.pathname.endsWith('/companion/en/search/') && location.search.startsWith('?q=')");
        var hits = await ResultsAsync(page);
        Log("光錐 (keyboard)", hits);
        Assert.NotEmpty(hits);
        // From the field, Tab reaches the button, then the first result; Enter follows it.
        await page.FocusAsync("#search-q");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal(hits[0].Href, await page.EvaluateAsync<string>("document.activeElement.getAttribute('href')"));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("!location.pathname.includes('/search/')");
        Assert.Equal(PathOf(hits[0].Href), new Uri(page.Url).AbsolutePath);
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Submitting_the_form_again_updates_the_link_and_the_results()
    {
        var (_, _, page, problems) = await SearchAsync("zh", "光錐");
        await page.FillAsync("#search-q", "GB300");
        await page.PressAsync("#search-q", "Enter");
        await page.WaitForFunctionAsync("document.getElementById('search-status').textContent.includes('GB300')");
        Assert.EndsWith("?q=GB300", page.Url);
        Assert.NotEmpty(await ResultsAsync(page));
        Assert.Empty(problems);
    }

    [Fact]
    public async Task A_shard_that_fails_to_load_shows_a_message()
    {
        var (page, _) = await site.NewPageAsync();
        await page.RouteAsync("**/search-index/s/*", route => route.FulfillAsync(new RouteFulfillOptions { Status = 404, Body = "gone" }));
        await page.GotoAsync($"{site.SubPath.BaseUrl}en/search/?q=chips");
        Assert.Equal("The search index could not be loaded. Please try again later.", await StatusAsync(page));
        Assert.Empty(await page.QuerySelectorAllAsync("ol#search-results > li"));
    }

    [Fact]
    public async Task Axe_finds_no_violation_on_the_search_page_with_results_in_light_or_dark()
    {
        var (page, _) = await site.NewPageAsync(1280);
        await BrowserFixture.AddAxeAsync(page);
        foreach (var (lang, query) in new[] { ("en", "晶片"), ("zh", "chips") })
        {
            await page.GotoAsync($"{site.SubPath.BaseUrl}{lang}/search/?q={Uri.EscapeDataString(query)}");
            Assert.NotEmpty(await ResultsAsync(page));
            foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
            {
                await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = scheme });
                Assert.Empty(await BrowserFixture.AxeViolationsAsync(page));
            }
        }
    }

    [Fact]
    public async Task Without_javascript_the_page_says_search_needs_it_and_links_the_sections()
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{site.SubPath.BaseUrl}en/search/?q=chips");
        Assert.True(await page.IsVisibleAsync("#search-nojs"));
        Assert.Contains("Search needs JavaScript", await page.TextContentAsync("#search-nojs"));
        Assert.True((await page.QuerySelectorAllAsync("#search-nojs a[href]")).Count >= 3);
        await context.CloseAsync();
    }
}
