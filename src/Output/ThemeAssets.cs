using System.Security.Cryptography;
using SiteGen.Diagnostics;
using SiteGen.Templates;

namespace SiteGen.Output;

/// <summary>
/// The files under templates/assets/, each published as `assets/name.HASH.ext` so a host can cache them
/// forever and a change is never hidden by a stale copy.
/// </summary>
public sealed class ThemeAssets
{
    /// <summary>A published asset. A class, not a tuple: enumerating a dictionary of tuples is compiled when the JIT and ReadyToRun builds run.</summary>
    public sealed record Published(string OutputPath, byte[] Bytes);

    private readonly Dictionary<string, Published> _byName = new(StringComparer.Ordinal);
    /// <summary>Present but refused (a link out of the site, too large): reported at its path, so templates naming it stay quiet.</summary>
    private readonly HashSet<string> _unreadable = new(StringComparer.Ordinal);

    public static ThemeAssets Load(SiteFiles site, DiagnosticBag bag)
    {
        var assets = new ThemeAssets();
        var folder = $"{TemplateStore.Folder}/{TemplateStore.AssetsFolder}";
        foreach (var (file, name) in site.List(folder, bag) ?? [])
            if (Content.UrlMapper.UrlBreaker(name) is { } breaker)
            {
                bag.Error(new SourceLocation($"{folder}/{name}"), breaker, "rename it with letters, digits, '-', '_' or '.'");
                assets._unreadable.Add(name);
            }
            else if (site.Read(file, $"{folder}/{name}", SiteFiles.Asset, bag) is { } bytes) assets.Add(name, bytes);
            else assets._unreadable.Add(name);
        return assets;
    }

    public void Add(string name, byte[] bytes)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..10];
        var ext = Path.GetExtension(name);
        var stem = name[..^ext.Length];
        _byName[name] = new($"assets/{stem}.{hash}{ext}", bytes);
    }

    public string? OutputPathOf(string name) =>
        _byName.TryGetValue(name, out var a) ? a.OutputPath : _unreadable.Contains(name) ? $"assets/{name}" : null;
    public IEnumerable<Published> All => _byName.Values;
    public int Count => _byName.Count;
}
