using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using SiteGen.Content;
using SiteGen.Templates;

namespace SiteGen.Incremental;

/// <summary>
/// Remembers each rendered page between builds of one `serve` session, keyed by everything its HTML depends on:
/// the site as a whole (site.yml, templates, every page's front matter) and the page's own Markdown (plus its
/// counterpart's, for a side-by-side view). Editing a page's text re-renders that page and the views that show it;
/// editing a title, a template or site.yml re-renders everything.
/// </summary>
public sealed class RenderCache
{
    public sealed record Entry(string Key, string Html, IReadOnlyDictionary<string, LinkOrigin> Origins, IReadOnlyList<PageLink> Links, IReadOnlyCollection<string> Reported);

    private readonly ConcurrentDictionary<string, Entry> _entries = new();
    private int _rendered, _reused;

    public int Rendered => _rendered;
    public int Reused => _reused;

    public void ResetCounters() => (_rendered, _reused) = (0, 0);

    /// <summary>
    /// The cached HTML when nothing it depends on changed. For a page's own HTML (<paramref name="linkOwner"/>), the
    /// link records its rendering made are restored too, for the link and parity checks.
    /// </summary>
    public string? TryReuse(Page? linkOwner, string outputPath, string key)
    {
        if (!_entries.TryGetValue(outputPath, out var e) || e.Key != key) return null;
        if (linkOwner is not null)
        {
            foreach (var (url, origin) in e.Origins) linkOwner.LinkOrigins.TryAdd(url, origin);
            linkOwner.PageLinks.AddRange(e.Links);
            linkOwner.ReportedLinks.UnionWith(e.Reported);
        }
        Interlocked.Increment(ref _reused);
        return e.Html;
    }

    public void Store(Page? linkOwner, string outputPath, string key, string html)
    {
        _entries[outputPath] = linkOwner is null
            ? new Entry(key, html, new Dictionary<string, LinkOrigin>(), [], [])
            : new Entry(key, html, new Dictionary<string, LinkOrigin>(linkOwner.LinkOrigins), linkOwner.PageLinks.ToList(), linkOwner.ReportedLinks.ToList());
        Interlocked.Increment(ref _rendered);
    }

    /// <summary>What every page's HTML depends on besides its own text.</summary>
    public static string SiteKey(string root, SiteIndex index, BuildOptions options)
    {
        var sb = new StringBuilder();
        sb.Append(File.ReadAllText(Path.Combine(root, "site.yml"))).Append('\0');
        var templates = Path.Combine(root, TemplateStore.Folder);
        if (Directory.Exists(templates))
            foreach (var file in Directory.EnumerateFiles(templates, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                sb.Append(file).Append('\0').Append(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)))).Append('\0');
        foreach (var page in index.Pages) sb.Append(page.SourcePath).Append('\0').Append(page.FrontMatterText).Append('\0');
        foreach (var asset in index.Assets) sb.Append(asset.SourcePath).Append('\0');
        sb.Append(options.IncludeDrafts).Append(options.BaseUrl).Append(options.Strict);
        return Hash(sb.ToString());
    }

    public static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
