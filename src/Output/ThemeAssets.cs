using System.Security.Cryptography;
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

    public static ThemeAssets Load(string root)
    {
        var assets = new ThemeAssets();
        var dir = Path.Combine(root, TemplateStore.Folder, TemplateStore.AssetsFolder);
        if (!Directory.Exists(dir)) return assets;
        foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(dir, file).Replace('\\', '/');
            if (name.Split('/').Any(s => s.StartsWith('.'))) continue;
            assets.Add(name, File.ReadAllBytes(file));
        }
        return assets;
    }

    public void Add(string name, byte[] bytes)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..10];
        var ext = Path.GetExtension(name);
        var stem = name[..^ext.Length];
        _byName[name] = new($"assets/{stem}.{hash}{ext}", bytes);
    }

    public string? OutputPathOf(string name) => _byName.TryGetValue(name, out var a) ? a.OutputPath : null;
    public IEnumerable<Published> All => _byName.Values;
    public int Count => _byName.Count;
}
