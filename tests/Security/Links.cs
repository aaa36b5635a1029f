using SiteGen.Tests.Support;

namespace SiteGen.Tests.Security;

/// <summary>Real symbolic links in temporary folders, and a folder outside the site for them to point at.</summary>
internal static class Links
{
    /// <summary>Makes <paramref name="relative"/> under the site a symbolic link to <paramref name="target"/> (written as given: absolute or relative).</summary>
    public static void Link(this TestSite site, string relative, string target)
    {
        var full = Path.Combine(site.Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        if (File.Exists(full)) File.Delete(full);
        File.CreateSymbolicLink(full, target);
    }

    public static bool IsLink(string path) => new FileInfo(path).LinkTarget is not null;
}

/// <summary>A temporary folder beside the site, never inside it: what a hostile link would point at.</summary>
internal sealed class OutsideFolder : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "sitegen-outside-" + Guid.NewGuid().ToString("N")[..12]);

    public OutsideFolder() => Directory.CreateDirectory(Root);

    public string Write(string relative, string text)
    {
        var full = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
