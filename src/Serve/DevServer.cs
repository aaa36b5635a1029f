using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SiteGen.Config;
using SiteGen.Diagnostics;

namespace SiteGen.Serve;

/// <summary>
/// `SiteGen serve`: builds into memory, serves the result with Kestrel on 127.0.0.1 (optionally under a sub-path,
/// exactly as a sub-path host would), rebuilds on every change and tells open pages to reload.
/// </summary>
public static class DevServer
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static async Task<int> RunAsync(BuildOptions options, int port, string basePath, TextWriter log, CancellationToken stop)
    {
        if (BasePath.Normalize(basePath, out var problem) is not { } normalized)
        {
            log.WriteLine($"error: {problem}");
            return 2;
        }
        basePath = normalized;
        var session = new ServeSession(options, log);
        await session.RebuildAsync("Initial build");
        await session.PrepareAsync();
        var app = await StartAsync(session, port, basePath, log, stop);
        if (app is null) return 2;
        using var watcher = new SiteWatcher(options.Root, async changed =>
        {
            // A fault of SiteGen's in a rebuild ends that rebuild, not the server (the watcher's thread would end the process).
            try { await session.ChangedAsync(changed); }
            catch (Exception e) { log.WriteLine($"error: internal error: {e.Message} (this is a bug in SiteGen; the last good build is still served)"); }
        });
        await app.WaitForShutdownAsync(stop);
        log.WriteLine("Stopped.");
        return 0;
    }

    /// <summary>Binds the port, or the next free one (said aloud) when it is taken.</summary>
    private static async Task<WebApplication?> StartAsync(ServeSession session, int port, string basePath, TextWriter log, CancellationToken stop)
    {
        for (var candidate = port; candidate < port + 20; candidate++)
        {
            // Kestrel and nothing else: the slim builder also reads appsettings.json from the working folder and watches
            // that whole folder, recursively, for changes to it (from a home folder, every file under it).
            var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
            builder.WebHost.UseKestrelCore();
            builder.WebHost.UseUrls($"http://127.0.0.1:{candidate}");
            var app = builder.Build();
            app.Run(ctx => Handle(ctx, session, basePath, stop));
            try
            {
                await app.StartAsync(stop);
            }
            catch (IOException)
            {
                log.WriteLine($"Port {candidate} is in use; trying {candidate + 1}.");
                await app.DisposeAsync();
                continue;
            }
            var root = $"http://127.0.0.1:{candidate}{basePath}";
            log.WriteLine($"Serving {root}");
            foreach (var (key, prefix) in Languages(session)) log.WriteLine($"  {key}: {root}{prefix}/");
            log.WriteLine("Press Ctrl+C to stop.");
            return app;
        }
        log.WriteLine($"error: ports {port}–{port + 19} are all in use; choose another with --port");
        return null;
    }

    private static IEnumerable<(string Key, string Prefix)> Languages(ServeSession session)
    {
        var config = SiteConfigLoader.Load(session.Root, null, new DiagnosticBag());
        return config is null ? [] : config.Languages.Select(l => (l.Key, l.Prefix));
    }

    private static async Task Handle(HttpContext ctx, ServeSession session, string basePath, CancellationToken stop)
    {
        if (!LocalHost.IsAllowed(ctx.Request.Headers.Host))
        {
            ctx.Response.StatusCode = (int)HttpStatusCode.Forbidden;
            ctx.Response.ContentType = "text/plain; charset=utf-8";
            ctx.Response.Headers.XContentTypeOptions = "nosniff"; // the text repeats the Host header it refuses
            await ctx.Response.WriteAsync(LocalHost.Refusal(ctx.Request.Headers.Host), stop);
            return;
        }
        var path = ctx.Request.Path.Value ?? "/";
        if (path == basePath + LiveReload.EventsPath) { await StreamEvents(ctx, session, PageShown(ctx, basePath), stop); return; }
        if (!path.StartsWith(basePath, StringComparison.Ordinal))
        {
            if (path == "/") ctx.Response.Redirect(basePath);
            else ctx.Response.StatusCode = (int)HttpStatusCode.NotFound;
            return;
        }
        var rel = path[basePath.Length..];
        var file = FileOf(rel);
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(ctx.RequestAborted, stop);
        var tree = await session.OutputFor(file, ended.Token);
        if (!tree.Contains(file) && tree.Contains(rel + "/index.html")) { ctx.Response.Redirect(path + "/"); return; }
        if (tree.Contains(file)) await Send(ctx, file, tree.Bytes(file), 200, basePath);
        else if (tree.Contains("404.html")) await Send(ctx, "404.html", tree.Bytes("404.html"), 404, basePath);
        else await Send(ctx, "problems.html", Encoding.UTF8.GetBytes("<!doctype html><meta charset=\"utf-8\"><title>SiteGen</title><body><p>No page here yet.</p></body>"), 404, basePath);
    }

    /// <summary>The output file a site-relative URL path names: a folder's `index.html`.</summary>
    private static string FileOf(string rel) => rel.Length == 0 || rel.EndsWith('/') ? rel + "index.html" : rel;

    private static async Task Send(HttpContext ctx, string file, byte[] bytes, int status, string basePath)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.Headers.CacheControl = "no-store";
        if (!ContentTypes.TryGetContentType(file, out var type)) type = "application/octet-stream";
        if (type.StartsWith("text/") || type is "application/javascript" or "application/json" or "image/svg+xml") type += "; charset=utf-8";
        ctx.Response.ContentType = type;
        if (file.EndsWith(".html", StringComparison.Ordinal))
            bytes = Encoding.UTF8.GetBytes(LiveReload.Inject(Encoding.UTF8.GetString(bytes), basePath, ServeSession.Fingerprint(bytes)));
        await ctx.Response.Body.WriteAsync(bytes);
    }

    /// <summary>The output file the listening page shows, from the `page` its script sends (its URL path, decoded as Kestrel decodes request paths).</summary>
    private static string? PageShown(HttpContext ctx, string basePath) =>
        Uri.UnescapeDataString(ctx.Request.Query["page"].ToString()) is var page && page.StartsWith(basePath, StringComparison.Ordinal) ? FileOf(page[basePath.Length..]) : null;

    /// <summary>Until the browser goes away or the server stops: Kestrel's shutdown waits for open requests to end.</summary>
    private static async Task StreamEvents(HttpContext ctx, ServeSession session, string? page, CancellationToken stop)
    {
        ctx.Response.ContentType = "text/event-stream";
        ctx.Response.Headers.CacheControl = "no-store";
        // The fingerprint is ours (hex digits) unless someone else calls the stream; anything else counts as unknown.
        var shown = ctx.Request.Query["shown"].ToString() is { Length: 24 } hex && hex.All(char.IsAsciiHexDigitLower) ? hex : null;
        var events = session.Subscribe(page, shown);
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(ctx.RequestAborted, stop);
        try
        {
            await ctx.Response.WriteAsync("retry: 500\n\n", ended.Token);
            await ctx.Response.Body.FlushAsync(ended.Token);
            await foreach (var message in events.ReadAllAsync(ended.Token))
            {
                await ctx.Response.WriteAsync(message, ended.Token);
                await ctx.Response.Body.FlushAsync(ended.Token);
            }
        }
        catch (OperationCanceledException) { }
        finally
        {
            session.Unsubscribe(events);
        }
    }
}
