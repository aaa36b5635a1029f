using Microsoft.Playwright;
using Xunit.Abstractions;

namespace SiteGen.Tests.Browser;

/// <summary>axe-core on every page of both languages, in the light and the dark scheme: WCAG 2.1 A and AA.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public class AccessibilityTests(BrowserFixture site, ITestOutputHelper output) : BrowserTest(site)
{
    /// <summary>
    /// The harness itself: a page with known violations must produce them, and a contrast failure only the dark scheme
    /// has must be found once the scheme is switched on the loaded page, even behind a colour transition, or a pass
    /// below means nothing.
    /// </summary>
    [Fact]
    public async Task Axe_harness_reports_a_known_violation_in_each_scheme()
    {
        var (page, _) = await site.NewPageAsync();
        await BrowserFixture.AddAxeAsync(page);
        await page.RouteAsync("**/harness.html", route => route.FulfillAsync(new RouteFulfillOptions
        {
            ContentType = "text/html",
            Body = "<!doctype html><html><head><title>t</title><style>.night { transition: color .3s, background-color .3s } @media (prefers-color-scheme: dark) { .night { color: #333; background: #000 } }</style></head>"
                + "<body><main><img src='data:,'><p style='color:#eee;background:#fff'>faint</p><p class='night'>dark only</p></main></body></html>",
        }));
        await page.GotoAsync(site.SubPath.BaseUrl + "harness.html");
        var light = await BrowserFixture.AxeViolationsAsync(page);
        Assert.Contains(light, v => v.StartsWith("image-alt "));
        Assert.Contains(light, v => v.StartsWith("html-has-lang "));
        Assert.Contains(light, v => v.StartsWith("color-contrast ") && !v.Contains(".night"));
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Dark });
        Assert.Contains(await BrowserFixture.AxeViolationsAsync(page, BrowserFixture.ColourRules), v => v.StartsWith("color-contrast ") && v.Contains(".night"));
    }

    /// <summary>
    /// Each page is loaded once (by the walk) and checked in both schemes: the dark scheme is the stylesheet's
    /// prefers-color-scheme rules, which the browser applies to the loaded page as soon as the emulated scheme changes;
    /// they change colours only, so the dark pass runs the rules that read colours.
    /// </summary>
    [Fact]
    public async Task Axe_reports_no_wcag21_aa_violation_on_any_page_in_light_or_dark()
    {
        var visits = await site.WalkAsync();
        foreach (var v in visits.Values) output.WriteLine($"axe light and dark: {v.Path}: {v.AxeViolations.Count} violations");
        Assert.Empty(visits.Values.SelectMany(v => v.AxeViolations.Select(a => $"{v.Path} {a}")));
    }
}
