using System.Net;
using SiteGen.Tests.Support;
using static SiteGen.Tests.Support.ServeProcess;

namespace SiteGen.Tests.Serve;

/// <summary>`serve` over a temporary copy of the tiny fixture site, through real HTTP and Server-Sent Events.</summary>
[Trait("Category", "Process")]
public class ServeTests
{
    private static string CopyOfTiny()
    {
        var dir = Path.Combine(Path.GetTempPath(), "sitegen-serve-" + Guid.NewGuid().ToString("N")[..12]);
        Disk.CopyTree(Path.Combine(Repo.Tests, "Fixtures", "tiny"), dir);
        return dir;
    }

    [Fact]
    public async Task Edit_rebuilds_only_that_page_and_open_pages_reload_with_the_new_text()
    {
        var root = CopyOfTiny();
        using var serve = new ServeProcess(root, "/sub/");
        var url = $"http://127.0.0.1:{serve.Port}/sub/en/notes/memory/";
        var page = await serve.Http.GetStringAsync(url);
        Assert.Contains("Memory supply", page);
        Assert.Contains("EventSource", page); // the live-reload script, in serve only

        using var events = new StreamReader(await serve.Http.GetStreamAsync($"http://127.0.0.1:{serve.Port}/sub/__sitegen/events"));
        var file = Path.Combine(root, "content/en/notes/memory.md");
        File.WriteAllText(file, File.ReadAllText(file).Replace("Memory supply", "Memory supply, edited"));
        await NextEvent(events, "reload");

        Assert.Contains("Memory supply, edited", await serve.Http.GetStringAsync(url));
        // The rebuild that succeeded: a save that reached the watcher half written may have failed one before it.
        Assert.Contains("(1 pages rendered,", serve.WaitForLine(l => l.StartsWith("Changed content/en/notes/memory.md") && l.Contains(": rebuilt in ")));
        Assert.False(Directory.Exists(Path.Combine(root, "build")));
    }

    [Fact]
    public async Task An_open_page_is_previewed_through_the_server_before_the_full_build()
    {
        var root = CopyOfTiny();
        using var serve = new ServeProcess(root, "/sub/");
        var url = $"http://127.0.0.1:{serve.Port}/sub/en/notes/memory/";
        // As the page's script connects: saying which page it shows.
        using var events = new StreamReader(await serve.Http.GetStreamAsync($"http://127.0.0.1:{serve.Port}/sub/__sitegen/events?page=%2Fsub%2Fen%2Fnotes%2Fmemory%2F"));
        var file = Path.Combine(root, "content/en/notes/memory.md");
        File.WriteAllText(file, File.ReadAllText(file).Replace("Memory supply", "Memory supply, previewed"));
        await NextEvent(events, "reload");

        Assert.Contains("Memory supply, previewed", await serve.Http.GetStringAsync(url));
        Assert.Contains("translation group(s) shown in", serve.WaitForLine(l => l.StartsWith("Changed content/en/notes/memory.md") && l.Contains(" shown in ")));
    }

    [Fact]
    public Task Broken_edit_shows_problems_keeps_the_last_good_page_and_the_fix_clears_it() => BrokenEditAndFix(native: null);

    /// <summary>Also run on the natively compiled release build (NativeBinaryTests).</summary>
    internal static async Task BrokenEditAndFix(string? native)
    {
        var root = CopyOfTiny();
        using var serve = new ServeProcess(root, native: native);
        var url = $"http://127.0.0.1:{serve.Port}/en/notes/memory/";
        using var events = new StreamReader(await serve.Http.GetStreamAsync($"http://127.0.0.1:{serve.Port}/__sitegen/events"));
        var file = Path.Combine(root, "content/en/notes/memory.md");
        var good = File.ReadAllText(file);

        File.WriteAllText(file, good.Replace("weight: 1", "weight: abc"));
        var problems = await NextEvent(events, "problems", data => data.Contains("memory.md:4:9"));
        // A JSON array of the located messages, for the page's error overlay.
        Assert.Equal("content/en/notes/memory.md:4:9: error: 'weight' must be a whole number, not 'abc'", System.Text.Json.JsonDocument.Parse(problems).RootElement[0].GetString());
        Assert.Contains("Memory supply", await serve.Http.GetStringAsync(url));

        File.WriteAllText(file, good.Replace("Memory supply", "Memory supply, fixed"));
        await NextEvent(events, "reload");
        Assert.Contains("Memory supply, fixed", await serve.Http.GetStringAsync(url));
        Assert.Equal(0, serve.Interrupt());
    }

    [Fact]
    public async Task Sub_path_serving_and_not_found()
    {
        var root = CopyOfTiny();
        using var serve = new ServeProcess(root, "/companion/");
        var rootResponse = await serve.Http.GetAsync($"http://127.0.0.1:{serve.Port}/");
        Assert.Equal(HttpStatusCode.Redirect, rootResponse.StatusCode);
        Assert.Equal("/companion/", rootResponse.Headers.Location!.OriginalString);
        var missing = await serve.Http.GetAsync($"http://127.0.0.1:{serve.Port}/companion/nope/");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("404", await missing.Content.ReadAsStringAsync());
        var css = await serve.Http.GetAsync($"http://127.0.0.1:{serve.Port}/companion/assets/" + Path.GetFileName(
            Directory.EnumerateFiles(Path.Combine(root, "templates", "assets")).Single()).Replace(".css", ""));
        Assert.Equal(HttpStatusCode.NotFound, css.StatusCode); // assets are only served under their hashed names
        Assert.Contains("Serving http://127.0.0.1:" + serve.Port + "/companion/", serve.Output);
        Assert.Contains("en: http://127.0.0.1:" + serve.Port + "/companion/en/", serve.Output);
    }

    [Fact]
    public void A_port_in_use_is_said_aloud_and_the_next_one_is_used()
    {
        var root = CopyOfTiny();
        var port = ServeProcess.FreePort();
        var blocker = new System.Net.Sockets.TcpListener(IPAddress.Loopback, port);
        blocker.Start();
        try
        {
            using var serve = new ServeProcess(root, "/", port);
            Assert.Contains($"Port {port} is in use; trying {port + 1}.", serve.Output);
            // The next port may itself be taken by now (any connection's local port can land on it): each port in use is
            // said aloud, and the first free one is served.
            var served = int.Parse(System.Text.RegularExpressions.Regex.Match(serve.Output, @"Serving http://127\.0\.0\.1:(\d+)/").Groups[1].Value);
            Assert.InRange(served, port + 1, port + 19);
            for (var taken = port + 1; taken < served; taken++) Assert.Contains($"Port {taken} is in use; trying {taken + 1}.", serve.Output);
        }
        finally
        {
            blocker.Stop();
        }
    }

    [Fact]
    public async Task Ctrl_c_stops_cleanly_with_a_page_open()
    {
        using var serve = new ServeProcess(CopyOfTiny());
        // An open page holds the live-reload stream open; shutting down must not wait for the browser to leave.
        using var events = new StreamReader(await serve.Http.GetStreamAsync($"http://127.0.0.1:{serve.Port}/__sitegen/events"));
        Assert.Equal("retry: 500", await events.ReadLineAsync());
        Assert.Equal(0, serve.Interrupt());
        Assert.EndsWith("Stopped.", serve.Output.TrimEnd());
        Assert.DoesNotContain("   at ", serve.Output);
    }
}
