using SiteGen.Tests.Support;

namespace SiteGen.Tests.Cli;

/// <summary>
/// The command line: exit codes, what goes to stdout and stderr. Run in this process through the same entry point as
/// the tool's; the tests marked <c>Process</c> run the compiled tool as a user does.
/// </summary>
public class CliTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => CliRunner.InProcess(args);

    private const string Pair = "-- content/zh-Hant/p.md --\n---\ntitle: 頁\n---\n-- content/en/p.md --\n---\ntitle: P\n---\n";

    [Fact, Trait("Category", "Process")]
    public void Build_succeeds_with_exit_0_and_a_one_line_summary()
    {
        using var site = new TestSite(Pair);
        var (code, stdout, stderr) = CliRunner.Run("build", "--root", site.Root);
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

    /// <summary>A bug in SiteGen is not a problem in the site: CI must be able to tell the two apart.</summary>
    [Fact]
    public void An_internal_error_exits_70_with_one_line_and_no_stack_trace()
    {
        using var site = new TestSite(Pair);
        var stderr = new StringWriter();
        var code = SiteGen.Commands.BuildCommand.Run(new BuildOptions { Root = site.Root }, isCheck: true, verbose: false, new FailingWriter(), stderr);
        Assert.Equal(70, code);
        Assert.Equal("error: internal error: the summary could not be written (this is a bug in SiteGen; run with --verbose for details)", stderr.ToString().TrimEnd('\n'));
    }

    /// <summary>`--out /` was an internal error (its path, trimmed of the trailing '/', became empty); it is a refusal like any other.</summary>
    [Theory]
    [InlineData("/")]
    [InlineData("//")]
    public void The_file_system_root_as_output_is_refused_as_a_usage_error(string outDir)
    {
        using var site = new TestSite(Pair);
        var (code, _, stderr) = Run("build", "--root", site.Root, "--out", outDir);
        Assert.Equal(2, code);
        Assert.Equal("error: refusing to use the file system root / as output folder", stderr.TrimEnd('\n'));
    }

    /// <summary>
    /// An output path so long that a page's path under it passed the system's limit was an internal error (exit 70), and
    /// a folder name so long that the staging folder's name passed it one in .NET's words (exit 2): both are refused first.
    /// </summary>
    [Theory]
    [InlineData(17, 200, "path is 3,4")]
    [InlineData(1, 230, "name is 230 bytes long (the limit is 200")]
    public void An_output_folder_no_build_could_fill_is_refused_as_a_usage_error(int folders, int nameLength, string reason)
    {
        using var site = new TestSite(Pair);
        var outDir = Path.Combine([site.Root, .. Enumerable.Repeat(new string('r', nameLength), folders)]);
        var (code, _, stderr) = Run("build", "--root", site.Root, "--out", outDir);
        Assert.Equal(2, code);
        Assert.StartsWith("error: refusing to use an output folder whose ", stderr);
        Assert.Contains(reason, stderr);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
    }

    /// <summary>Stands in for a fault inside SiteGen: the summary line cannot be written.</summary>
    private sealed class FailingWriter : StringWriter
    {
        public override void WriteLine(string? value) => throw new InvalidOperationException("the summary could not be written");
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

    [Fact, Trait("Category", "Process")]
    public void Help_and_version_work()
    {
        var help = CliRunner.Run("--help");
        Assert.Equal(0, help.Code);
        Assert.Contains("check", help.Out);
        var version = CliRunner.Run("--version");
        Assert.Equal(0, version.Code);
        Assert.Matches(@"^\d+\.\d+\.\d+", version.Out.Trim());
    }

    [Fact]
    public void New_creates_the_page_in_every_language_and_refuses_to_overwrite()
    {
        var root = Path.Combine(Path.GetTempPath(), "sitegen-new-" + Guid.NewGuid().ToString("N")[..12]);
        Disk.CopyTree(Path.Combine(Repo.Tests, "Fixtures", "tiny"), root); // its notes/ section has a page of weight 1
        var (code, stdout, _) = Run("new", "--root", root, "notes/energy");
        Assert.Equal(0, code);
        Assert.Equal("Created content/zh-Hant/notes/energy.md\nCreated content/en/notes/energy.md", stdout.Trim());
        var en = File.ReadAllText(Path.Combine(root, "content/en/notes/energy.md"));
        Assert.Matches(@"^---\ntitle: ""TODO: energy""\ndescription: """"\ndate: 2026-02-05\nweight: 2\ndraft: true\n---\n", en);

        var again = Run("new", "--root", root, "notes/energy");
        Assert.Equal(1, again.Code);
        Assert.Contains("content/en/notes/energy.md: error: already exists; nothing was created", again.Err);
        Assert.Equal(en, File.ReadAllText(Path.Combine(root, "content/en/notes/energy.md")));
    }
}
