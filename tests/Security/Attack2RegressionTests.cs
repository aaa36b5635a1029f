using System.Diagnostics;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Security;

/// <summary>Hostile sites found in a review of file access, limits and search, each ending fast with an error.</summary>
public class Attack2RegressionTests
{
    private const string Pages = """
        -- content/zh-Hant/p.md --
        ---
        title: 頁
        ---
        內容。
        -- content/en/p.md --
        ---
        title: Page
        ---
        Text.
        """;

    private static string[] Errors(BuildResult r) => r.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()).ToArray();

    private static void MakeFifo(string path)
    {
        using var p = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
    }

    /// <summary>
    /// Opening a named pipe to read it waits for a writer that never comes. The bound only keeps a failing run from
    /// hanging the suite; a passing build ends at once. After it, the pipe is opened for writing to free a stuck reader.
    /// </summary>
    private static BuildResult BuildWithPipe(TestSite site, string pipe)
    {
        var build = Task.Run(() => site.Build());
        var finished = build.Wait(TimeSpan.FromMinutes(1));
        if (!finished)
        {
            using (new FileStream(pipe, FileMode.Open, FileAccess.Write)) { }
            build.Wait();
        }
        Assert.True(finished, "the build waited on a named pipe");
        return build.Result;
    }

    [Theory]
    [InlineData("content/en/pipe.md")]
    [InlineData("content/en/pipe.txt")]
    [InlineData("templates/partials/switch.html")]
    public void A_named_pipe_is_an_error_at_its_path_not_a_hang(string path)
    {
        using var site = new TestSite(Pages);
        var full = Path.Combine(site.Root, path);
        File.Delete(full);
        MakeFifo(full);
        var result = BuildWithPipe(site, full);
        Assert.Equal([$"{path}: error: not a regular file (a named pipe, socket or device cannot be read)"], Errors(result));
    }

    /// <summary>serve's cache keys every page on the site's templates: that key too reads them only through the guard.</summary>
    [Fact]
    public void A_named_pipe_among_the_templates_does_not_hang_a_cached_build()
    {
        using var site = new TestSite(Pages);
        var pipe = Path.Combine(site.Root, "templates/partials/pipe.html");
        MakeFifo(pipe);
        var build = Task.Run(() => new SiteBuilder(new BuildOptions { Root = site.Root, Cache = new SiteGen.Incremental.RenderCache() }).Build());
        var finished = build.Wait(TimeSpan.FromMinutes(1));
        if (!finished)
        {
            using (new FileStream(pipe, FileMode.Open, FileAccess.Write)) { }
            build.Wait();
        }
        Assert.True(finished, "the build waited on a named pipe");
        Assert.Equal(["templates/partials/pipe.html: error: not a regular file (a named pipe, socket or device cannot be read)"], Errors(build.Result));
    }

    [Theory]
    [InlineData("[r{0}]: /u{0}")]
    [InlineData("[^{0}]: note")]
    public void Tens_of_thousands_of_definitions_end_at_the_first_over_the_limit(string definition)
    {
        var lines = string.Join("\n", Enumerable.Range(0, 150_000).Select(i => string.Format(definition, i)));
        using var site = new TestSite(Pages);
        site.Write("content/en/p.md", "---\ntitle: Page\n---\n" + lines + "\n");
        Assert.Equal([$"content/en/p.md:10004:1: error: {SiteGen.Markdown.MarkdownLimits.DefinitionsMessage}"], Errors(site.Build()));
    }

    [Fact]
    public void A_table_of_millions_of_cells_ends_at_the_first_pipe_over_the_limit()
    {
        var header = "|" + string.Concat(Enumerable.Repeat("a|", 900));
        var rule = "|" + string.Concat(Enumerable.Repeat("-|", 900));
        var row = "|" + string.Concat(Enumerable.Repeat("x|", 900));
        var rows = string.Join("\n", Enumerable.Repeat(row, 900));
        using var site = new TestSite(Pages);
        site.Write("content/en/p.md", $"---\ntitle: Page\n---\n{header}\n{rule}\n{rows}\n");
        // Lines of 901 pipes from line 4: 221 of them hold 199,121, so pipe 200,001 is the 880th of line 225, at column 1,759.
        Assert.Equal([$"content/en/p.md:225:1759: error: {SiteGen.Markdown.MarkdownLimits.PipesMessage}"], Errors(site.Build()));
    }

    /// <summary>Markdig's pipe tables cost the square of a row's cells once columns are aligned: a row of 20,000 took 13 s.</summary>
    [Fact]
    public void A_table_row_of_twenty_thousand_aligned_cells_ends_at_the_first_pipe_over_the_row_limit()
    {
        var header = "|" + string.Concat(Enumerable.Repeat("c|", 20_000));
        var rule = "|" + string.Concat(Enumerable.Repeat(":-:|", 20_000));
        var row = "|" + string.Concat(Enumerable.Repeat("x|", 20_000));
        using var site = new TestSite(Pages);
        site.Write("content/en/p.md", $"---\ntitle: Page\n---\n{header}\n{rule}\n{row}\n{row}\n");
        // Pipe 1,001 of the header row is at column 2 × 1,001 − 1.
        Assert.Equal([$"content/en/p.md:4:2001: error: {SiteGen.Markdown.MarkdownLimits.RowPipesMessage}"], Errors(site.Build()));
    }

    /// <summary>
    /// Markdig searches the rest of the paragraph for the `)` of every `[text](url` left open, so 80,000 of them on one
    /// line (400 KB) took 40 s with no error, and as many `[a](b()` 73 s. The search they would cost is counted before Markdig parses.
    /// </summary>
    [Theory]
    [InlineData("[a](b")]
    [InlineData("[](x (")]
    [InlineData("![a](b")]
    [InlineData("[a](b()")] // a balanced `(…)` belongs to the destination: its `)` closes no link (took 73 s)
    public void Links_left_open_on_one_line_end_at_the_first_of_them(string open)
    {
        using var site = new TestSite(Pages);
        site.Write("content/en/p.md", $"---\ntitle: Page\n---\n{string.Concat(Enumerable.Repeat(open, 80_000))}\n");
        var column = open.IndexOf("](", StringComparison.Ordinal) + 1;
        Assert.Equal([$"content/en/p.md:4:{column}: error: {SiteGen.Markdown.MarkdownLimits.OpenLinkSearchMessage}"], Errors(site.Build()));
    }

    /// <summary>Closed links cost nothing however many, and a few left open in long paragraphs stay well inside the limit.</summary>
    [Fact]
    public void Many_links_and_a_few_left_open_render()
    {
        var closed = string.Concat(Enumerable.Repeat("[a](b) [w](https://en.wikipedia.org/wiki/Mercury_(planet)) ", 10_000));
        var list = string.Join("\n", Enumerable.Range(1, 2_000).Select(i => $"- [item {i}](p{i}.md) and [another](https://example.com/{i}"));
        using var site = new TestSite(Pages);
        site.Write("content/en/p.md", $"---\ntitle: Page\n---\n{closed}\n\n{list}\n");
        var result = site.Build();
        Assert.DoesNotContain(result.Diagnostics, d => d.Message.Contains("closing `)`"));
        Assert.Contains("<a href=\"https://example.com/1\"", result.Output.Text("en/p/index.html"));
    }

    /// <summary>The widest row allowed still renders as a table.</summary>
    [Fact]
    public void A_table_row_at_the_row_limit_renders()
    {
        var cells = SiteGen.Markdown.MarkdownLimits.RowPipes - 1;
        var header = "|" + string.Concat(Enumerable.Repeat("c|", cells));
        var rule = "|" + string.Concat(Enumerable.Repeat(":-:|", cells));
        using var site = new TestSite(Pages);
        site.Write("content/en/p.md", $"---\ntitle: Page\n---\n{header}\n{rule}\n{header}\n");
        var result = site.Build();
        Assert.Empty(Errors(result));
        Assert.Contains("<table>", result.Output.Text("en/p/index.html"));
    }

    /// <summary>
    /// A file name is written into links as it is: `\\evil.com.md` became `href="\\evil.com/"`, which browsers read as
    /// the off-site `//evil.com/`; `#`, `?` and `%` break the link. Each is one error at the file, nothing else.
    /// </summary>
    [Theory]
    [InlineData("content/en/\\\\evil.com.md", '\\')]
    [InlineData("content/en/a#b.md", '#')]
    [InlineData("content/en/a?b.md", '?')]
    [InlineData("content/en/50%.md", '%')]
    [InlineData("content/en/back\\slash/p.md", '\\')]
    [InlineData("content/en/photo#1.png", '#')]
    [InlineData("templates/assets/style?v=2.css", '?')]
    public void A_file_name_that_cannot_be_written_in_a_url_is_one_error_at_the_file(string path, char breaker)
    {
        using var site = new TestSite(Pages);
        site.Write(path, "---\ntitle: Odd\ntranslation_key: odd\n---\nText.\n");
        var errors = Errors(site.Build());
        Assert.True(errors.Length == 1 && errors[0].StartsWith($"{path}: error: the name has '{breaker}'", StringComparison.Ordinal), string.Join("\n", errors));
    }

    /// <summary>
    /// Content nested two thousand folders deep gave an output path longer than the system allows, reported as an
    /// internal error (exit 70) in .NET's words; a path over the limit is now one error at the file, and one just under
    /// it builds.
    /// </summary>
    [Fact]
    public void A_path_longer_than_a_url_may_be_is_one_error_at_the_file()
    {
        var deep = "content/en/" + string.Concat(Enumerable.Repeat("ab/", 340)) + "p.md";
        var fine = "content/en/" + string.Concat(Enumerable.Repeat("cd/", 330)) + "p.md";
        using var site = new TestSite(Pages);
        site.Write(deep, "---\ntitle: Deep\ntranslation_key: deep\n---\nText.\n");
        site.Write(fine, "---\ntitle: Fine\ntranslation_key: fine\n---\nText.\n");
        var errors = Errors(site.Build());
        Assert.True(errors.Length == 1, string.Join("\n", errors));
        Assert.StartsWith($"{deep}: error: the path is 1,", errors[0]);
        Assert.Contains(" characters long, over the 1,024 its URL may have (nest fewer folders or shorten their names)", errors[0]);
    }

    [Fact]
    public void Colons_spaces_and_letters_of_any_script_stay_allowed_in_file_names()
    {
        using var site = new TestSite(Pages);
        site.Write("content/en/note:1 and 晶片 é.md", "---\ntitle: Fine\ntranslation_key: p2\n---\nText.\n");
        Assert.DoesNotContain(Errors(site.Build()), e => e.Contains("the name has"));
    }

    [Fact]
    public void A_catastrophic_regex_in_a_template_ends_fast_with_a_located_error()
    {
        using var site = new TestSite(Pages + """

            -- templates/layouts/page.html --
            {{ for i in 1..1000 }}{{ "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!" | regex.match `^(a+)+$` }}{{ end }}
            """);
        var errors = Errors(site.Build());
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.StartsWith("templates/layouts/page.html:1:", e));
        Assert.Contains(errors, e => e.Contains("regular expression"));
    }
}
