using Microsoft.Playwright;
using Xunit.Abstractions;

namespace SiteGen.Tests.Browser;

/// <summary>axe-core on every page of both languages, in the light and the dark scheme: WCAG 2.1 A and AA.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public class AccessibilityTests(BrowserFixture site, ITestOutputHelper output)
{
    /// <summary>
    /// The harness itself: a page with known violations must produce them, and a contrast failure only the dark scheme
    /// has must be found once the scheme is switched on the loaded page, or a pass below means nothing.
    /// </summary>
    [Fact]
    public async Task Axe_harness_reports_a_known_violation_in_each_scheme()
    {
        var (page, _) = await site.NewPageAsync();
        await BrowserFixture.AddAxeAsync(page);
        await page.RouteAsync("**/harness.html", route => route.FulfillAsync(new RouteFulfillOptions
        {
            ContentType = "text/html",
            Body = "<!doctype html><html><head><title>t</title><style>@media (prefers-color-scheme: dark) { .night { color: #333; background: #000 } }</style></head>"
                + "<body><main><img src='data:,'><p style='color:#eee;background:#fff'>faint</p><p class='night'>dark only</p></main></body></html>",
        }));
        await page.GotoAsync(site.SubPath.BaseUrl + "harness.html");
        var light = await BrowserFixture.AxeViolationsAsync(page);
        Assert.Contains(light, v => v.StartsWith("image-alt "));
        Assert.Contains(light, v => v.StartsWith("html-has-lang "));
        Assert.Contains(light, v => v.StartsWith("color-contrast ") && !v.Contains(".night"));
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Dark });
        Assert.Contains(await BrowserFixture.AxeViolationsAsync(page), v => v.StartsWith("color-contrast ") && v.Contains(".night"));
    }

    /// <summary>
    /// Each page is loaded once and checked in both schemes: the dark scheme is the stylesheet's prefers-color-scheme
    /// rules, which the browser applies to the loaded page as soon as the emulated scheme changes.
    /// </summary>
    [Fact]
    public async Task Axe_reports_no_wcag21_aa_violation_on_any_page_in_light_or_dark()
    {
        var (page, _) = await site.NewPageAsync(1280);
        await BrowserFixture.AddAxeAsync(page);
        var violations = new List<string>();
        foreach (var path in site.Pages)
        {
            await page.GotoAsync(site.SubPath.BaseUrl + path);
            foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
            {
                await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = scheme });
                violations.AddRange((await BrowserFixture.AxeViolationsAsync(page)).Select(v => $"{path} [{scheme}]: {v}"));
            }
            output.WriteLine($"axe light and dark: {path}");
        }
        Assert.Empty(violations);
    }
}
