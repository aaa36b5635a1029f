namespace SiteGen.Output;

/// <summary>Refuses output folders whose replacement would destroy someone's files.</summary>
public static class OutputGuard
{
    public const string Marker = ".sitegen";

    /// <returns>why the folder is refused, or null when it is safe to replace.</returns>
    public static string? Check(string siteRoot, string outDir)
    {
        var given = Path.GetFullPath(outDir).TrimEnd(Path.DirectorySeparatorChar);
        if (given.Length == 0 || Path.GetPathRoot(given) == given + Path.DirectorySeparatorChar)
            return $"refusing to use the file system root {Path.GetFullPath(outDir)} as output folder";
        if (new FileInfo(given).LinkTarget is { } link && Posix.RealPath(given, out _, out _) is null)
            return $"refusing to use {given} as output folder: it is a symbolic link to nothing ({link})";
        // A link is judged by where it points: that is the folder that would be replaced.
        var output = Resolve(outDir);
        var root = Resolve(siteRoot);
        var home = Resolve(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));
        if (Path.GetPathRoot(output) == output) return $"refusing to use the file system root {output} as output folder";
        if (output == home) return $"refusing to use the home folder {output} as output folder";
        if (root == output || root.StartsWith(output + Path.DirectorySeparatorChar)) return $"refusing to use {output} as output folder: it holds the site";
        foreach (var source in new[] { "content", "templates", "site.yml" })
        {
            var s = Resolve(Path.Combine(siteRoot, source));
            if (output == s || output.StartsWith(s + Path.DirectorySeparatorChar)) return $"refusing to write output inside {source}/";
        }
        if (Directory.Exists(output) && !File.Exists(Path.Combine(output, Marker)) && Directory.EnumerateFileSystemEntries(output).Any())
            return $"refusing to replace {output}: it is not empty and was not created by SiteGen (no {Marker} file)";
        if (File.Exists(output)) return $"refusing to replace {output}: it is a file";
        return null;
    }

    /// <summary>The real path of a folder, links resolved; for one that does not exist yet, its parent's real path and its name.</summary>
    public static string Resolve(string path)
    {
        var full = Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar) is { Length: > 0 } p ? p : "/";
        if (Posix.RealPath(full, out _, out _) is { } real) return real;
        var parent = Path.GetDirectoryName(full);
        return parent is null ? full : Path.Combine(Resolve(parent), Path.GetFileName(full));
    }
}
