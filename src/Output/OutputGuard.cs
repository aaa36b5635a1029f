namespace SiteGen.Output;

/// <summary>Refuses output folders whose replacement would destroy someone's files, or that no build could fill.</summary>
public static class OutputGuard
{
    public const string Marker = ".sitegen";

    /// <summary>
    /// The longest output folder path: with a page path of up to <see cref="Content.UrlMapper.MaxPathLength"/> under the
    /// staging folder beside it, every file's path stays within the 4,096 bytes Linux allows.
    /// </summary>
    public const int MaxPath = 2_048;
    /// <summary>The longest output folder name, in UTF-8 bytes: the staging folder beside it adds 42 to the 255 a name may have.</summary>
    public const int MaxName = 200;

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
        var (pathBytes, nameBytes) = (System.Text.Encoding.UTF8.GetByteCount(output), System.Text.Encoding.UTF8.GetByteCount(Path.GetFileName(output)));
        if (pathBytes > MaxPath)
            return $"refusing to use an output folder whose path is {pathBytes:N0} bytes long (the limit is {MaxPath:N0}, so that every page's path under it fits the system's limit); choose a shorter --out";
        if (nameBytes > MaxName)
            return $"refusing to use an output folder whose name is {nameBytes:N0} bytes long (the limit is {MaxName:N0}: the build writes beside it under a longer name); choose a shorter --out";
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
