using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace SiteGen.Tests.Browser;

/// <summary>axe-core, injected into every page of both languages, in the light and the dark scheme: WCAG 2.1 A and AA.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public class AccessibilityTests(BrowserFixture site, ITestOutputHelper output)
{
    /// <summary>The harness itself: a page with known violations must produce them, or a pass above means nothing.</summary>
    [Fact]
    public async Task Axe_harness_reports_a_known_violation()
    {
        var (page, _) = await site.NewPageAsync();
        await page.SetContentAsync("<!doctype html><html><head><title>t</title></head><body><main><img src='data:,'><p style='color:#eee;background:#fff'>faint</p></main></body></html>");
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = Path.Combine(BrowserFixture.NodeModules, "axe-core", "axe.min.js") });
        var ids = await page.EvaluateAsync<string[]>("async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } })).violations.map(v => v.id)");
        Assert.Contains("image-alt", ids);
        Assert.Contains("color-contrast", ids);
        Assert.Contains("html-has-lang", ids);
    }

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task Axe_reports_no_wcag21_aa_violation_on_any_page(ColorScheme scheme)
    {
        var axe = Path.Combine(BrowserFixture.NodeModules, "axe-core", "axe.min.js");
        var (page, _) = await site.NewPageAsync(1280, scheme);
        var violations = new List<string>();
        foreach (var path in site.Pages)
        {
            await page.GotoAsync(site.SubPath.BaseUrl + path);
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = axe });
            var json = await page.EvaluateAsync<JsonElement>("""
                async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] }))
                  .violations.map(v => ({ id: v.id, help: v.help, targets: v.nodes.map(n => n.target.join(' ')).slice(0, 3) }))
                """);
            foreach (var v in json.EnumerateArray())
                violations.Add($"{path} [{scheme}]: {v.GetProperty("id").GetString()} ({v.GetProperty("help").GetString()}) at {string.Join(", ", v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()))}");
            output.WriteLine($"axe {scheme}: {path}");
        }
        Assert.Empty(violations);
    }
}
