namespace SiteGen.Tests.Support;

public static class Repo
{
    /// <summary>The repository root: the folder holding SiteGen.csproj, found from the test binaries upwards.</summary>
    public static string Root { get; } = Find();

    public static string Tests => Path.Combine(Root, "tests");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SiteGen.csproj"))) return dir.FullName;
        throw new InvalidOperationException("SiteGen.csproj not found above " + AppContext.BaseDirectory);
    }
}
