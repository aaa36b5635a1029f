using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace SiteGen.Tests.Support;

/// <summary>
/// A plain static host (Kestrel's static files) serving a folder at a path, with 404.html for unknown URLs, as
/// GitHub Pages or Netlify would: what the browser tests open build/ with.
/// </summary>
public sealed class StaticHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    public string BaseUrl { get; }

    private StaticHost(WebApplication app, string baseUrl) => (_app, BaseUrl) = (app, baseUrl);

    public static async Task<StaticHost> StartAsync(string folder, string basePath)
    {
        var port = ServeProcess.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var files = new PhysicalFileProvider(folder);
        var prefix = basePath.TrimEnd('/');
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, RequestPath = prefix });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files, RequestPath = prefix });
        app.Run(async ctx =>
        {
            ctx.Response.StatusCode = 404;
            ctx.Response.ContentType = "text/html; charset=utf-8";
            await ctx.Response.SendFileAsync(files.GetFileInfo("404.html"));
        });
        await app.StartAsync();
        return new StaticHost(app, $"http://127.0.0.1:{port}{prefix}/");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
