using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace SiteGen.Benchmarks;

/// <summary>
/// `search-queries OUT QUERY…`: a built site (with a Pagefind index beside SiteGen's, if `OUT/pagefind/` exists) served
/// by Kestrel and queried in Debian's Chromium, each query in a fresh browser context (nothing cached). Prints, per
/// query and engine: bytes fetched by the first query, by a second query in the same page, the time from the last
/// index response to the results on screen (SiteGen: ranking + rendering), and the first results.
/// </summary>
public static class SearchQueries
{
    public static async Task<int> RunAsync(string[] args)
    {
        var (output, queries) = (Path.GetFullPath(args[0]), args[1..]);
        var port = 5000 + Environment.ProcessId % 1000;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var files = new PhysicalFileProvider(output);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files, ServeUnknownFileTypes = true });
        await app.StartAsync();
        var host = $"http://127.0.0.1:{port}/";
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium", Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var pagefind = Directory.Exists(Path.Combine(output, "pagefind"));
        if (pagefind)
            foreach (var lang in new[] { "zh-Hant", "en" })
                File.WriteAllText(Path.Combine(output, $"pagefind-{lang}.html"), $"<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>pf</title></head><body></body></html>");
        Console.WriteLine("engine\tquery\tresults\tfirst query bytes\tsecond query bytes\tms after the index parts arrived\tfirst results");
        foreach (var query in queries)
        {
            var lang = query.Any(c => c > 0x2E80) ? "zh" : "en";
            var second = lang == "zh" ? "數據" : "power";
            await SiteGenQuery(browser, host, lang, query, second);
            if (pagefind) await PagefindQuery(browser, host, lang == "zh" ? "zh-Hant" : "en", query, second);
        }
        await app.StopAsync();
        return 0;
    }

    private static async Task<(IPage, Func<long>)> Page(IBrowser browser, string folder)
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        long bytes = 0;
        page.Response += async (_, r) =>
        {
            if (!r.Url.Contains(folder)) return;
            try { Interlocked.Add(ref bytes, (await r.BodyAsync()).Length); } catch (PlaywrightException) { }
        };
        return (page, () => Interlocked.Read(ref bytes));
    }

    private static async Task SiteGenQuery(IBrowser browser, string host, string lang, string query, string second)
    {
        var (page, bytes) = await Page(browser, "/search-index/");
        await page.GotoAsync($"{host}{lang}/search/?q={Uri.EscapeDataString(query)}");
        await page.WaitForFunctionAsync("performance.getEntriesByName('search-rendered').length > 0", null, new() { Timeout = 120_000 });
        // The script's own time once the index parts are in: ranking after the postings, rendering after the result files.
        var parts = await page.EvaluateAsync<double[]>("""
            (() => { const t = (n) => performance.getEntriesByName(n)[0]?.startTime ?? 0;
              return [t('search-ranked') - t('search-fetched'), t('search-rendered') - t('search-groups')]; })()
            """);
        var ms = $"{parts[0] + parts[1]:F1} ({parts[0]:F1} + {parts[1]:F1})";
        var count = await page.TextContentAsync("#search-status");
        var first = await page.EvaluateAsync<string[]>("[...document.querySelectorAll('#search-results a.search-hit')].slice(0, 5).map(a => new URL(a.href).pathname)");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var firstBytes = bytes();
        await page.FillAsync("#search-q", second);
        await page.PressAsync("#search-q", "Enter");
        await page.WaitForFunctionAsync("performance.getEntriesByName('search-rendered').length > 1", null, new() { Timeout = 120_000 });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Console.WriteLine($"SiteGen\t{query}\t{count}\t{firstBytes:N0}\t{bytes() - firstBytes:N0}\t{ms}\t{string.Join(' ', first)}");
        await page.Context.CloseAsync();
    }

    private static async Task PagefindQuery(IBrowser browser, string host, string lang, string query, string second)
    {
        var (page, bytes) = await Page(browser, "/pagefind/");
        await page.GotoAsync($"{host}pagefind-{lang}.html");
        const string search = """
            async (q) => {
              window.pf ??= await import('/pagefind/pagefind.js');
              await window.pf.init();
              const s = await window.pf.search(q);
              const data = await Promise.all(s.results.slice(0, 20).map(r => r.data()));
              return [String(s.results.length), ...data.slice(0, 5).map(d => new URL(d.url, location.href).pathname)];
            }
            """;
        var stopwatch = Stopwatch.StartNew();
        var result = await page.EvaluateAsync<string[]>(search, query);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var firstBytes = bytes();
        await page.EvaluateAsync<string[]>(search, second);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Console.WriteLine($"Pagefind\t{query}\t{result[0]} results\t{firstBytes:N0}\t{bytes() - firstBytes:N0}\t-\t{string.Join(' ', result[1..])}");
        await page.Context.CloseAsync();
    }
}
