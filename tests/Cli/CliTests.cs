using SiteGen.Tests.Support;

namespace SiteGen.Tests.Cli;

/// <summary>The compiled tool run as a user runs it: exit codes, what goes to stdout and stderr.</summary>
public class CliTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => CliRunner.Run(args);

    private const string Pair = "-- content/zh-Hant/p.md --\n---\ntitle: 頁\n---\n-- content/en/p.md --\n---\ntitle: P\n---\n";

    [Fact]
    public void Build_succeeds_with_exit_0_and_a_one_line_summary()
    {
        using var site = new TestSite(Pair);
        var (code, stdout, stderr) = Run("build", "--root", site.Root);
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Matches(@"^Built 2 pages \(zh-Hant 1, en 1\), 1 assets, \d+ links checked, 0 problems in [\d.]+ s → .*build/$", stdout.Trim().Split('\n').Last());
        Assert.True(File.Exists(Path.Combine(site.Out, "en", "p", "index.html")));
    }

    [Fact]
    public void Site_problems_exit_1_with_located_messages_and_no_stack_trace()
    {
        using var site = new TestSite(Pair + "-- content/en/q.md --\n---\ntitle: Q\nweight: abc\n---\n");
        var (code, _, stderr) = Run("build", "--root", site.Root);
        Assert.Equal(1, code);
        Assert.StartsWith("content/en/q.md:3:9: error: 'weight' must be a whole number, not 'abc'", stderr);
        Assert.DoesNotContain("   at ", stderr);
        Assert.False(Directory.Exists(site.Out));
    }

    [Fact]
    public void Check_writes_nothing()
    {
        using var site = new TestSite(Pair);
        var (code, stdout, _) = Run("check", "--root", site.Root);
        Assert.Equal(0, code);
        Assert.StartsWith("Checked 2 pages", stdout.Trim());
        Assert.False(Directory.Exists(site.Out));
    }

    [Fact]
    public void Unknown_option_is_a_usage_error_with_exit_2()
    {
        var (code, _, stderr) = Run("build", "--frobnicate");
        Assert.Equal(2, code);
        Assert.Contains("--frobnicate", stderr);
    }

    [Fact]
    public void Refuses_an_out_folder_it_did_not_create()
    {
        using var site = new TestSite(Pair);
        site.Write("docs/keep.txt", "mine");
        var (code, _, stderr) = Run("build", "--root", site.Root, "--out", Path.Combine(site.Root, "docs"));
        Assert.Equal(2, code);
        Assert.Contains("not created by SiteGen", stderr);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(site.Root, "docs", "keep.txt")));
    }

    [Fact]
    public void Help_and_version_work()
    {
        var help = Run("--help");
        Assert.Equal(0, help.Code);
        Assert.Contains("check", help.Out);
        var version = Run("--version");
        Assert.Equal(0, version.Code);
        Assert.Matches(@"^\d+\.\d+\.\d+", version.Out.Trim());
    }
}
