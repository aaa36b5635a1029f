using System.Text.RegularExpressions;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Cli;

/// <summary>
/// The release build — compiled ahead of time and trimmed — does what the JIT build every other test runs does. What
/// trimming or ahead-of-time compilation can break (reflection over the YAML types, JSON, Kestrel) would show only here.
/// </summary>
[Trait("Category", "Native")]
public class NativeBinaryTests(NativeBinary native) : IClassFixture<NativeBinary>
{
    private static string TempDir(string name) => Path.Combine(Path.GetTempPath(), $"sitegen-{name}-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>The one part of a run's output that may differ: how long it took.</summary>
    private static string WithoutTime(string s) => Regex.Replace(s, @" in [\d.]+ s\b", " in _ s");

    [Fact]
    public void Builds_the_companion_site_byte_for_byte_as_the_jit_build_does()
    {
        var (nativeOut, jitOut) = (TempDir("native-out"), TempDir("jit-out"));
        try
        {
            var nativeRun = CliRunner.RunWith(native.Executable, "build", "--root", Repo.Root, "--out", nativeOut);
            var jitRun = CliRunner.Run("build", "--root", Repo.Root, "--out", jitOut);
            Assert.Equal((0, ""), (nativeRun.Code, nativeRun.Err));
            Assert.Equal(0, jitRun.Code);
            Assert.StartsWith("Built 24 pages (zh-Hant 12, en 12)", nativeRun.Out);
            Assert.Equal(Disk.Snapshot(jitOut), Disk.Snapshot(nativeOut));
        }
        finally
        {
            foreach (var dir in new[] { nativeOut, jitOut })
                if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("tiny", 0)]
    [InlineData("broken-frontmatter", 1)]
    [InlineData("broken-links", 1)]
    public void Reports_a_fixture_sites_problems_word_for_word_as_the_jit_build_does(string fixture, int expectedCode)
    {
        var root = Path.Combine(Repo.Tests, "Fixtures", fixture);
        var nativeRun = CliRunner.RunWith(native.Executable, "check", "--root", root);
        var jitRun = CliRunner.Run("check", "--root", root);
        Assert.Equal(expectedCode, nativeRun.Code);
        Assert.NotEqual("", nativeRun.Err); // each fixture has at least a warning
        Assert.Equal((jitRun.Code, WithoutTime(jitRun.Out), jitRun.Err), (nativeRun.Code, WithoutTime(nativeRun.Out), nativeRun.Err));
    }

    [Fact]
    public void New_and_translated_write_the_files_the_jit_build_writes()
    {
        var (nativeSite, jitSite) = (TempDir("native-site"), TempDir("jit-site"));
        try
        {
            foreach (var (site, exe) in new[] { (nativeSite, native.Executable), (jitSite, (string?)null) })
            {
                Disk.CopyTree(Path.Combine(Repo.Tests, "Fixtures", "tiny"), site);
                Assert.Equal(0, CliRunner.RunWith(exe, "new", "--root", site, "notes/energy").Code);
                foreach (var lang in new[] { "zh-Hant", "en" }) // the author writes the page and takes it out of draft
                {
                    var page = Path.Combine(site, $"content/{lang}/notes/energy.md");
                    File.WriteAllText(page, File.ReadAllText(page).Replace("draft: true\n", "") + (lang == "en" ? "Energy.\n" : "能源。\n"));
                }
                Assert.Equal(0, CliRunner.RunWith(exe, "translated", "--root", site, Path.Combine(site, "content/en/notes/energy.md")).Code);
            }
            Assert.Contains("translated_from:", File.ReadAllText(Path.Combine(nativeSite, "content/en/notes/energy.md")));
            Assert.Equal(Disk.Snapshot(jitSite), Disk.Snapshot(nativeSite));
        }
        finally
        {
            foreach (var dir in new[] { nativeSite, jitSite })
                if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public Task Serves_reports_a_broken_edit_and_reloads_the_fix() => Serve.ServeTests.BrokenEditAndFix(native.Executable);
}
