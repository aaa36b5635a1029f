using System.Net;
using SiteGen.Serve;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Serve;

/// <summary>
/// `serve` answers only requests addressed to this machine (a page elsewhere that points its own name at 127.0.0.1
/// must not read the preview) and takes only a base path it can write safely into the live-reload script.
/// </summary>
public class ServeSecurityTests
{
    private static string CopyOfTiny()
    {
        var dir = Path.Combine(Path.GetTempPath(), "sitegen-serve-" + Guid.NewGuid().ToString("N")[..12]);
        Disk.CopyTree(Path.Combine(Repo.Tests, "Fixtures", "tiny"), dir);
        return dir;
    }

    private static async Task<HttpResponseMessage> Get(ServeProcess serve, string path, string host)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{serve.Port}{path}");
        request.Headers.Host = host;
        return await serve.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    [Fact]
    public async Task A_request_for_another_host_name_is_refused_pages_and_event_stream_alike()
    {
        using var serve = new ServeProcess(CopyOfTiny());
        foreach (var host in new[] { "evil.example", $"evil.example:{serve.Port}", $"127.0.0.1.evil.example:{serve.Port}", "localhost.evil.example", $"[::2]:{serve.Port}" })
            foreach (var path in new[] { "/en/notes/memory/", "/__sitegen/events" })
            {
                using var refused = await Get(serve, path, host);
                Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
                Assert.Equal("nosniff", Assert.Single(refused.Headers.GetValues("X-Content-Type-Options")));
                var text = await refused.Content.ReadAsStringAsync();
                Assert.Equal($"SiteGen serve answers only requests for localhost, 127.0.0.1 or [::1], not '{host}': open the address it printed.\n", text);
            }
        foreach (var host in new[] { $"localhost:{serve.Port}", "localhost", $"LOCALHOST:{serve.Port}", $"127.0.0.1:{serve.Port}", "127.0.0.1", $"[::1]:{serve.Port}", "[::1]" })
        {
            using var page = await Get(serve, "/en/notes/memory/", host);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("Memory supply", await page.Content.ReadAsStringAsync());
        }
        using var events = await Get(serve, "/__sitegen/events", $"localhost:{serve.Port}");
        Assert.Equal(HttpStatusCode.OK, events.StatusCode);
    }

    [Theory]
    [InlineData("/x'+alert(1)+'/", "'x'+alert(1)+''")]
    [InlineData("/a/../b/", "'..'")]
    [InlineData("/a b/", "'a b'")]
    [InlineData("/a//b/", "an empty segment")]
    [InlineData("/\"><script>/", "'\"><script>'")]
    public void An_unsafe_base_path_is_a_usage_error(string basePath, string named)
    {
        using var process = CliRunner.Start("serve", "--root", CopyOfTiny(), "--port", ServeProcess.FreePort().ToString(), "--base-path", basePath);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var exited = process.WaitForExit(30_000);
        if (!exited) process.Kill(entireProcessTree: true);
        Assert.True(exited, "serve started with --base-path " + basePath);
        Assert.Equal(2, process.ExitCode);
        Assert.Contains($"error: --base-path '{basePath}' must be URL path segments of letters, digits, '-', '.', '_' or '~' (such as /companion/), not {named}", stdout.Result + stderr.Result);
    }

    [Theory]
    [InlineData("/", "/")]
    [InlineData("companion", "/companion/")]
    [InlineData("/a/b.c_d~e-f/", "/a/b.c_d~e-f/")]
    public void A_safe_base_path_is_normalised(string raw, string expected)
    {
        Assert.Equal(expected, BasePath.Normalize(raw, out var problem));
        Assert.Null(problem);
    }

    /// <summary>The base path is checked first; the script still writes it as a JSON string, which no value can end.</summary>
    [Fact]
    public void The_live_reload_script_writes_the_path_as_a_json_string()
    {
        var script = LiveReload.Script("/x'+alert(1)+'</script>/", ServeSession.Fingerprint("page"u8));
        Assert.Contains("new EventSource(\"/x\\u0027\\u002Balert(1)\\u002B\\u0027\\u003C/script\\u003E/__sitegen/events\" + '?page='", script);
    }
}
