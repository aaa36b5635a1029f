namespace SiteGen.Benchmarks;

public static class Paths
{
    /// <summary>The repository root, found from the binaries upwards.</summary>
    public static string Repo { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SiteGen.csproj"))) return dir.FullName;
        throw new InvalidOperationException("SiteGen.csproj not found");
    }

    public static string CopySite(string from)
    {
        var to = Path.Combine(Path.GetTempPath(), "sitegen-bench-" + Guid.NewGuid().ToString("N")[..8]);
        foreach (var part in new[] { "content", "templates" })
            foreach (var file in Directory.EnumerateFiles(Path.Combine(from, part), "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(to, Path.GetRelativePath(from, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        File.Copy(Path.Combine(from, "site.yml"), Path.Combine(to, "site.yml"));
        return to;
    }
}
