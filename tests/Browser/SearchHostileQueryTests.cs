using Microsoft.Playwright;

namespace SiteGen.Tests.Browser;

/// <summary>Queries a reader could type or be linked to that name JavaScript's own properties or carry markup.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public class SearchHostileQueryTests(BrowserFixture site) : BrowserTest(site)
{
    private async Task<(string Status, int Hits, IPage Page, List<string> Problems)> SearchAsync(string query)
    {
        var (page, problems) = await site.SharedPageAsync();
        await page.GotoAsync($"{site.SubPath.BaseUrl}en/search/?q={Uri.EscapeDataString(query)}");
        await page.WaitForFunctionAsync("document.getElementById('search-status').textContent.length > 0");
        var status = (await page.TextContentAsync("#search-status"))!;
        var hits = await page.EvaluateAsync<int>("document.querySelectorAll('ol#search-results > li').length");
        return (status, hits, page, problems);
    }

    /// <summary>A shard is a plain object: looking a term up must not find what every object inherits.</summary>
    [Theory]
    [InlineData("constructor")]
    [InlineData("__proto__")]
    [InlineData("toString")]
    public async Task A_query_naming_an_object_property_finds_nothing_rather_than_failing(string query)
    {
        var (status, hits, _, problems) = await SearchAsync(query);
        Assert.Equal($"No results for “{query}”", status);
        Assert.Equal(0, hits);
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Markup_in_the_query_stays_text()
    {
        const string query = "<img src=x onerror=\"document.title='pwned'\">";
        var (status, _, page, problems) = await SearchAsync(query);
        Assert.Contains(query, status);
        Assert.Equal(0, await page.EvaluateAsync<int>("document.querySelectorAll('main img, #search-status *').length"));
        Assert.NotEqual("pwned", await page.TitleAsync());
        Assert.Empty(problems);
    }
}
