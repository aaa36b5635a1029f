namespace SiteGen.Output;

/// <summary>Refuses output folders whose replacement would destroy someone's files.</summary>
public static class OutputGuard
{
    public const string Marker = ".sitegen";

    /// <returns>why the folder is refused, or null when it is safe to replace.</returns>
    public static string? Check(string siteRoot, string outDir)
    {
        var output = Normalize(outDir);
        var root = Normalize(siteRoot);
        var home = Normalize(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));
        if (Path.GetPathRoot(output) == output) return $"refusing to use the file system root {output} as output folder";
        if (output == home) return $"refusing to use the home folder {output} as output folder";
        if (root == output || root.StartsWith(output + Path.DirectorySeparatorChar)) return $"refusing to use {output} as output folder: it holds the site";
        foreach (var source in new[] { "content", "templates", "site.yml" })
        {
            var s = Normalize(Path.Combine(siteRoot, source));
            if (output == s || output.StartsWith(s + Path.DirectorySeparatorChar)) return $"refusing to write output inside {source}/";
        }
        if (Directory.Exists(output) && !File.Exists(Path.Combine(output, Marker)) && Directory.EnumerateFileSystemEntries(output).Any())
            return $"refusing to replace {output}: it is not empty and was not created by SiteGen (no {Marker} file)";
        if (File.Exists(output)) return $"refusing to replace {output}: it is a file";
        return null;
    }

    private static string Normalize(string path) => Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar) is { Length: > 0 } p ? p : "/";
}
