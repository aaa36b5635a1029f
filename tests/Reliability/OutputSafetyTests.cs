using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SiteGen.Output;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Reliability;

public class OutputSafetyTests
{
    private static readonly string[] Pieces = ["a", "b", "中", "..", ".", "/", "\\", ":", "C:", "%2e", "~", " ", "-", "_", "#", "?", "\t", "\u0000", "\u202e", "é"];

    private static Arbitrary<string> Slugs() =>
        Gen.Elements(Pieces).ArrayOf().Select(parts => string.Concat(parts)).ToArbitrary();

    /// <summary>Whatever slug an author writes, every output path stays inside the output folder (or the page is refused).</summary>
    [Property(MaxTest = 300), Trait("Category", "Fuzz")]
    public Property Random_slugs_never_write_outside_the_output() => Prop.ForAll(Slugs(), slug =>
    {
        using var site = new TestSite("-- content/en/p.md --\n---\ntitle: P\nslug: \"" + Yaml(slug) + "\"\n---\n");
        var result = site.Build();
        var contained = result.Output.Paths.All(p => IsInside(site.Out, p));
        var refused = result.Diagnostics.Any(d => d.IsError && d.Location is { Line: > 0 });
        return contained && (refused || result.Output.Paths.Any(p => p.StartsWith("en/") && p.EndsWith("/index.html")));
    });

    /// <summary>
    /// Odd file and folder names under content/ are mapped inside the output too: each page is written inside the output
    /// or reported at its file; only names starting with a dot are skipped, as documented, and then nothing is written.
    /// </summary>
    [Property(MaxTest = 100), Trait("Category", "Fuzz")]
    public Property Random_content_paths_never_write_outside_the_output() => Prop.ForAll(Slugs(), name =>
    {
        var safeName = name.Replace("/", "").Replace("\0", "").Trim();
        if (safeName is "" or "." or "..") safeName = "x";
        using var site = new TestSite("");
        site.Write($"content/en/{safeName}/{safeName}.md", "---\ntitle: Random page\n---\n");
        var result = site.Build();
        var contained = result.Output.Paths.All(p => IsInside(site.Out, p));
        var written = result.Output.Paths.Any(p => p.EndsWith(".html") && result.Output.Text(p).Contains("<h1>Random page</h1>"));
        var reported = result.Diagnostics.Any(d => d.IsError && d.Location?.Path == $"content/en/{safeName}/{safeName}.md");
        // A folder the site skips (hidden, or named as an editor's backup or autosave file) is neither built nor reported.
        var outcome = SiteFiles.IsIgnored(safeName) ? !written && !reported : written ^ reported;
        return (contained && outcome).Label($"name '{safeName}': written {written}, reported {reported}, paths {string.Join(" ", result.Output.Paths)}");
    });

    [Fact]
    public void Writer_refuses_a_path_that_climbs_out()
    {
        var root = Path.Combine(Path.GetTempPath(), "sitegen-inside");
        Assert.Throws<InvalidOperationException>(() => StagingDirectory.Inside(root, "../evil.html"));
        Assert.Throws<InvalidOperationException>(() => StagingDirectory.Inside(root, "/etc/evil.html"));
        Assert.EndsWith("en/p/index.html", StagingDirectory.Inside(root, "en/p/index.html"));
    }

    /// <summary>A build killed at any moment leaves either the old output or the complete new one, and the next build works.</summary>
    [Fact, Trait("Category", "Process")]
    public void Build_killed_with_sigkill_never_leaves_a_half_replaced_output()
    {
        using var site = new TestSite(ManyPages(600, "first"));
        Assert.True(site.BuildToDisk().Written);
        var before = Disk.Snapshot(site.Out);
        foreach (var (path, text) in TestSite.Parse(ManyPages(600, "second"))) site.Write(path, text);

        using var build = CliRunner.Start("build", "--root", site.Root);
        var parent = site.Root;
        while (!build.HasExited && !Directory.EnumerateDirectories(parent, ".build.staging-*").Any()) Thread.Sleep(1);
        if (!build.HasExited) build.Kill(entireProcessTree: true); // SIGKILL: no finally blocks, no clean-up
        build.WaitForExit();

        var after = Disk.Snapshot(site.Out);
        var isOld = after == before;
        var isCompleteNew = File.ReadAllText(Path.Combine(site.Out, "en", "p599", "index.html")).Contains("second")
                            && File.Exists(Path.Combine(site.Out, OutputGuard.Marker));
        Assert.True(isOld || isCompleteNew, "build/ is neither the previous output nor the complete new one");

        Assert.Equal(0, CliRunner.Run("build", "--root", site.Root).Code);
        Assert.Contains("second", File.ReadAllText(Path.Combine(site.Out, "en", "p599", "index.html")));
        Assert.Empty(Directory.EnumerateDirectories(parent, ".build.*"));
    }

    private static string ManyPages(int count, string word) => string.Concat(Enumerable.Range(0, count).Select(i =>
        $"-- content/en/p{i}.md --\n---\ntitle: Page {i}\n---\n{string.Join(' ', Enumerable.Repeat(word, 300))}\n"
        + $"-- content/zh-Hant/p{i}.md --\n---\ntitle: 頁 {i}\n---\n{string.Concat(Enumerable.Repeat("內容", 300))}\n"));

    private static bool IsInside(string root, string relative)
    {
        try { StagingDirectory.Inside(root, relative); return true; }
        catch (InvalidOperationException) { return false; }
    }

    private static string Yaml(string s) => s.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\t", "\\t").Replace("\0", "\\0");
}
