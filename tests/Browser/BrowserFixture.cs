using Microsoft.Playwright;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Browser;

/// <summary>
/// The companion site built once with the real command line, served by a static host under /companion/ and at the
/// domain root, and Debian's Chromium driven by Playwright.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";
    public string Out { get; } = Path.Combine(Path.GetTempPath(), "sitegen-browser-" + Guid.NewGuid().ToString("N")[..8], "build");
    public StaticHost SubPath { get; private set; } = null!;
    public StaticHost Root { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    private IPlaywright _playwright = null!;

    public static string NodeModules => Path.Combine(Repo.Tests, "Browser", "node_modules");

    /// <summary>Every HTML page of the output as a URL path relative to the site root (`en/themes/chips/`).</summary>
    public IReadOnlyList<string> Pages { get; private set; } = [];

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium) || !Directory.Exists(NodeModules))
            throw new InvalidOperationException("Browser tests need Chromium and the npm checkers: run tests/setup.sh once (CI's .ci/run does).");
        var (code, _, err) = CliRunner.Run("build", "--root", Repo.Root, "--out", Out);
        if (code != 0) throw new InvalidOperationException("the site did not build:\n" + err);
        Pages = Directory.EnumerateFiles(Out, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Out, f).Replace('\\', '/'))
            .Select(p => p.EndsWith("index.html") ? p[..^"index.html".Length] : p)
            .Order(StringComparer.Ordinal).ToList();
        SubPath = await StaticHost.StartAsync(Out, "/companion/");
        Root = await StaticHost.StartAsync(Out, "/");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh page that records console errors and failed or off-site requests.</summary>
    public async Task<(IPage Page, List<string> Problems)> NewPageAsync(int width = 1280, ColorScheme scheme = ColorScheme.Light)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 }, ColorScheme = scheme });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") problems.Add($"console error: {m.Text}"); };
        page.PageError += (_, e) => problems.Add($"script error: {e}");
        page.RequestFailed += (_, r) => problems.Add($"failed request: {r.Url} ({r.Failure})");
        page.Request += (_, r) => { if (!r.Url.StartsWith("http://127.0.0.1:")) problems.Add($"request leaves the site: {r.Url}"); };
        return (page, problems);
    }

    /// <summary>
    /// Clicks a link and waits until the page has navigated to its target (and, for a new document, loaded): reading
    /// the URL or the text right after a click would read the page the click left on a loaded machine.
    /// </summary>
    /// <returns>the absolute URL the link leads to.</returns>
    public static async Task<string> FollowAsync(IPage page, ILocator link)
    {
        var href = await link.GetAttributeAsync("href") ?? throw new InvalidOperationException("the link has no href");
        var target = new Uri(new Uri(page.Url), href).AbsoluteUri;
        await link.ClickAsync();
        // Waited for in the page itself: Playwright's WaitForURL, when the URL already matched, waited for a load event
        // that twice went unreported for 30 s on a busy machine although the page had arrived.
        await page.WaitForFunctionAsync("t => decodeURI(location.href) === decodeURI(t) && document.body !== null", target);
        return target;
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await SubPath.DisposeAsync();
        await Root.DisposeAsync();
        Directory.Delete(Path.GetDirectoryName(Out)!, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
