using System.Text.Json;
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

    private (IPage Page, List<string> Problems)? _shared;

    /// <summary>
    /// One page kept for the tests that only navigate, click and read (search queries, the sample clicks): a fresh
    /// context costs a new renderer process, about 2 s of processor time here. Its problems list is emptied for each
    /// caller. A test that routes requests, adds scripts, switches the scheme or needs an empty cache takes
    /// <see cref="NewPageAsync"/> instead.
    /// </summary>
    public async Task<(IPage Page, List<string> Problems)> SharedPageAsync()
    {
        _shared ??= await OpenPageAsync(1280, ColorScheme.Light); // kept to the end, closed with the browser
        _shared.Value.Problems.Clear();
        return _shared.Value;
    }

    private readonly List<IBrowserContext> _opened = new();

    /// <summary>
    /// A fresh page, in a context of its own, that records console errors and failed or off-site requests. It stays
    /// open until the test ends (<see cref="BrowserTest.DisposeAsync"/>): an open page keeps using the processor.
    /// </summary>
    public async Task<(IPage Page, List<string> Problems)> NewPageAsync(int width = 1280, ColorScheme scheme = ColorScheme.Light)
    {
        var opened = await OpenPageAsync(width, scheme);
        _opened.Add(opened.Page.Context);
        return opened;
    }

    /// <summary>A page in a context of its own that records problems; its caller closes it.</summary>
    private async Task<(IPage Page, List<string> Problems)> OpenPageAsync(int width, ColorScheme scheme)
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

    /// <summary>Closes the contexts <see cref="NewPageAsync"/> opened (each a renderer process) since it was last called.</summary>
    public async Task CloseOpenedPagesAsync()
    {
        foreach (var context in _opened) await context.CloseAsync();
        _opened.Clear();
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

    private readonly Lazy<Task<IReadOnlyDictionary<string, PageVisit>>> _walk;

    public BrowserFixture() => _walk = new(WalkAllPagesAsync);

    /// <summary>
    /// Every page of the output opened once under the sub-path, with what the tests read of it. At a desktop's width
    /// (1280 px): the response status and axe's WCAG 2.1 A and AA violations in the light scheme, then the colour rules'
    /// in the dark one (the theme's dark scheme sets colours only, see <see cref="ColourRules"/>). Then, the viewport
    /// narrowed to a phone's (360 px) on the same document, as the stylesheet's media queries see it: the document's
    /// width and the links as the browser resolved them, each with whether a reader can click it (shown, its first line
    /// not covered by another element, no `target` or `download`). Console errors and failed or off-site requests are
    /// collected at both widths. A click on such a link goes where its resolved href says, so the tests check every
    /// link through this walk and click a sample for real; one visit per page instead of one per test keeps the browser
    /// tests within their time (CONTRIBUTING.md, "The browser tests").
    /// </summary>
    public Task<IReadOnlyDictionary<string, PageVisit>> WalkAsync() => _walk.Value;

    private async Task<IReadOnlyDictionary<string, PageVisit>> WalkAllPagesAsync()
    {
        if (Pages.Count < 49) throw new InvalidOperationException($"the companion has only {Pages.Count} pages");
        var (page, problems) = await OpenPageAsync(1280, ColorScheme.Light);
        await AddAxeAsync(page);
        try
        {
            var visits = new Dictionary<string, PageVisit>(StringComparer.Ordinal);
            foreach (var path in Pages)
            {
                try
                {
                    problems.Clear();
                    await page.SetViewportSizeAsync(1280, 900);
                    await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Light });
                    var response = await page.GotoAsync(SubPath.BaseUrl + path);
                    var axe = (await AxeViolationsAsync(page)).Select(v => $"[light] {v}").ToList();
                    await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Dark });
                    axe.AddRange((await AxeViolationsAsync(page, ColourRules)).Select(v => $"[dark] {v}"));
                    await page.SetViewportSizeAsync(360, 900);
                    var seen = await page.EvaluateAsync<JsonElement>(WalkScript);
                    List<SeenLink> Links(string name) => seen.GetProperty(name).EnumerateArray()
                        .Select(l => new SeenLink(l.GetProperty("href").GetString()!, l.GetProperty("text").GetString()!,
                            l.GetProperty("hreflang").GetString()!, l.GetProperty("clickable").GetBoolean())).ToList();
                    visits[path] = new PageVisit(path, response?.Status ?? 0, [.. problems], axe,
                        seen.GetProperty("width").GetInt32(), seen.GetProperty("lang").GetString()!, seen.GetProperty("h1").GetString()!,
                        seen.GetProperty("ids").EnumerateArray().Select(i => i.GetString()!).ToHashSet(StringComparer.Ordinal),
                        Links("switches"), Links("cards"), Links("next"), Links("prev"), Links("anchors"));
                }
                catch (PlaywrightException e)
                {
                    throw new InvalidOperationException($"walking {SubPath.BaseUrl}{path}: {e.Message}", e);
                }
            }
            return visits;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private const string WalkScript = """
        () => {
          const width = document.documentElement.scrollWidth;
          const clickable = a => {
            if (a.target || a.hasAttribute('download') || !a.checkVisibility()) return false;
            a.scrollIntoView({ block: 'center', inline: 'center' });
            // The centre of the link's first line box: a link that wraps has a bounding box wider than its text.
            const r = a.getClientRects()[0];
            return r !== undefined && a.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
          };
          const link = (a, text) => a
            ? { href: a.href, text: (text ?? a.textContent).trim(), hreflang: a.getAttribute('hreflang') ?? '', clickable: clickable(a) }
            : { href: '', text: '', hreflang: '', clickable: false };
          const links = sel => [...document.querySelectorAll(sel)].map(a => link(a));
          return {
            lang: document.documentElement.lang,
            h1: document.querySelector('h1')?.textContent ?? '',
            width,
            ids: [...document.querySelectorAll('[id]')].map(e => e.id),
            switches: links('.lang-switch a'),
            cards: [...document.querySelectorAll('.card')].map(c => link(c.querySelector('a'), c.querySelector('.card-title')?.textContent ?? '')),
            next: links('a[rel=next]'),
            prev: links('a[rel=prev]'),
            anchors: links(".prose a[href*='quotes/#'], .prose a[href*='figures/#']"),
          };
        }
        """;

    private static readonly Lazy<string> AxeSource = new(() => File.ReadAllText(Path.Combine(NodeModules, "axe-core", "axe.min.js")));

    /// <summary>
    /// Adds axe-core to every document the page's context opens, as an init script: adding it as a script tag after each
    /// navigation cost more than running it (CONTRIBUTING.md, "The browser tests").
    /// </summary>
    public static Task AddAxeAsync(IPage page) => page.Context.AddInitScriptAsync(script: AxeSource.Value);

    /// <summary>
    /// The axe rules whose outcome depends on colours: all a page's dark scheme changes, as the theme's dark rules set
    /// only its colour properties (templates/assets/style.css). The other WCAG rules read the markup, which is the same.
    /// </summary>
    public static readonly string[] ColourRules = ["color-contrast", "link-in-text-block"];

    /// <summary>
    /// axe's WCAG 2.1 A and AA violations on the page as it is now (or those of <paramref name="rules"/> alone), one line
    /// each with up to three places.
    /// </summary>
    public static async Task<IReadOnlyList<string>> AxeViolationsAsync(IPage page, string[]? rules = null)
    {
        var json = await page.EvaluateAsync<JsonElement>("""
            async rules => {
              // A colour transition started by the scheme switch would let axe read colours halfway through.
              document.getAnimations().forEach(a => a.finish());
              return (await axe.run(document, {
                runOnly: rules ? { type: 'rule', values: rules } : { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
                resultTypes: ['violations'] }))
              .violations.map(v => ({ id: v.id, help: v.help, targets: v.nodes.map(n => n.target.join(' ')).slice(0, 3) }));
            }
            """, rules);
        return json.EnumerateArray()
            .Select(v => $"{v.GetProperty("id").GetString()} ({v.GetProperty("help").GetString()}) at {string.Join(", ", v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()))}")
            .ToList();
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

/// <summary>A test of the browser collection: the pages it opened are closed when it ends.</summary>
public abstract class BrowserTest(BrowserFixture site) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => site.CloseOpenedPagesAsync();
}

/// <summary>
/// A link as the browser resolved it: absolute href, its text, its hreflang ("" when it has none), and whether a
/// reader can click it (see <see cref="BrowserFixture.WalkAsync"/>).
/// </summary>
public sealed record SeenLink(string Href, string Text, string HrefLang, bool Clickable);

/// <summary>What <see cref="BrowserFixture.WalkAsync"/> saw of one page.</summary>
public sealed record PageVisit(
    string Path, int Status, IReadOnlyList<string> Problems, IReadOnlyList<string> AxeViolations, int Width, string Lang, string H1, IReadOnlySet<string> Ids,
    IReadOnlyList<SeenLink> LanguageSwitch, IReadOnlyList<SeenLink> Cards, IReadOnlyList<SeenLink> Next, IReadOnlyList<SeenLink> Prev,
    IReadOnlyList<SeenLink> QuoteAndFigureLinks);

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
