using SiteGen.Tests.Support;

namespace SiteGen.Tests.Content;

/// <summary>The message and file position a user sees for each kind of broken front matter.</summary>
public class FrontMatterErrorTests
{
    private static string[] ErrorsFor(string page, string path = "content/en/x.md")
    {
        using var site = new TestSite($"-- {path} --\n{page}");
        var result = site.Build();
        Assert.False(result.Succeeded);
        return TestSite.Errors(result).Where(e => e.Contains(": error: ")).ToArray();
    }

    [Fact]
    public void Reports_missing_closing_fence()
    {
        Assert.Equal(["content/en/x.md:1:1: error: front matter is not closed (add a `---` line after the last front-matter key)"],
            ErrorsFor("---\ntitle: X\n\nBody\n"));
    }

    [Fact]
    public void Reports_yaml_syntax_error_at_file_line_not_yaml_line()
    {
        var error = Assert.Single(ErrorsFor("---\ntitle: X\ndescription: [unclosed\n---\nBody\n"));
        Assert.StartsWith("content/en/x.md:4:", error);
    }

    [Fact]
    public void Reports_wrong_type_at_its_key()
    {
        Assert.Equal(["content/en/x.md:3:9: error: 'weight' must be a whole number, not 'abc'"], ErrorsFor("---\ntitle: X\nweight: abc\n---\n"));
    }

    [Fact]
    public void Reports_non_iso_date()
    {
        Assert.Equal(["content/en/x.md:3:7: error: 'date' must be a date written YYYY-MM-DD, not '02/01/2026'"],
            ErrorsFor("---\ntitle: X\ndate: 02/01/2026\n---\n"));
    }

    [Fact]
    public void Reports_missing_title()
    {
        Assert.Equal(["content/en/x.md:1:1: error: front matter has no `title`"], ErrorsFor("---\ndescription: d\n---\n"));
    }

    [Fact]
    public void Reports_unknown_key_with_did_you_mean()
    {
        Assert.Equal(["content/en/x.md:3:1: error: unknown key 'titel' (did you mean 'title'?)"],
            ErrorsFor("---\ntitle: X\ntitel: Y\n---\n"));
    }

    [Fact]
    public void Reports_every_unknown_key_of_a_file_together()
    {
        var errors = ErrorsFor("---\ntitle: X\nwieght: 1\ndraftt: true\n---\n");
        Assert.Equal(2, errors.Length);
        Assert.Contains("content/en/x.md:3:1: error: unknown key 'wieght' (did you mean 'weight'?)", errors);
        Assert.Contains("content/en/x.md:4:1: error: unknown key 'draftt' (did you mean 'draft'?)", errors);
    }

    [Fact]
    public void Reports_duplicate_key()
    {
        var error = Assert.Single(ErrorsFor("---\ntitle: X\ntitle: Y\n---\n"));
        Assert.StartsWith("content/en/x.md:3:", error);
        Assert.Contains("uplicate key", error);
    }

    [Fact]
    public void Reports_empty_file()
    {
        Assert.Equal(["content/en/x.md:1:1: error: file is empty (a page needs front matter with at least a `title`)"], ErrorsFor(""));
    }

    [Fact]
    public void Reports_unsafe_slug()
    {
        Assert.Equal(["content/en/x.md:3:1: error: slug '../../etc' is not a single URL segment (use letters, digits, '-', '_' or '.', without '/' or '..')"],
            ErrorsFor("---\ntitle: X\nslug: ../../etc\n---\n"));
    }

    [Fact]
    public void Reports_page_in_undeclared_language()
    {
        var errors = ErrorsFor("---\ntitle: X\n---\n", "content/fr/x.md");
        Assert.Equal(["content/fr/x.md: error: 'fr' is not a language declared in site.yml (languages: zh-Hant, en)"], errors);
    }

    [Fact]
    public void Reports_invalid_utf8_naming_the_file()
    {
        using var site = new TestSite("");
        site.WriteBytes("content/en/bad.md", [.. "---\ntitle: X\n---\nok\n"u8, 0xC3, 0x28]);
        var errors = TestSite.Errors(site.Build());
        Assert.Contains("content/en/bad.md:5:1: error: file is not valid UTF-8 (save it as UTF-8)", errors);
    }

    [Fact]
    public void Bom_and_crlf_give_the_same_output_as_lf()
    {
        const string page = "---\ntitle: 標題\n---\n\n段落一\n第二行\n\n- a\n- b\n";
        using var lf = new TestSite($"-- content/zh-Hant/p.md --\n{page}");
        using var crlf = new TestSite("");
        crlf.WriteBytes("content/zh-Hant/p.md", [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(page.Replace("\n", "\r\n"))]);
        var a = lf.Build();
        var b = crlf.Build();
        Assert.True(a.Succeeded && b.Succeeded);
        Assert.Equal(a.Output.Text("zh/p/index.html"), b.Output.Text("zh/p/index.html"));
    }

    [Fact]
    public void Control_character_in_yaml_is_located()
    {
        Assert.Equal(["content/en/x.md:3:8: error: YAML may not contain the control character U+0000"],
            ErrorsFor("---\ntitle: X\nslug: a\u0000b\n---\n"));
    }

    [Fact]
    public void Yaml_that_trips_the_parser_is_still_a_located_error()
    {
        // Found by the fuzzer: YamlDotNet's node loader used to throw an ArgumentException here. The text is now read
        // to its end before any node is built, so the syntax error behind it is what gets reported.
        Assert.Equal(["content/en/x.md:3:1: error: YAML: Did not find expected <document end>."],
            ErrorsFor("---\n- : \tdata:\nlayout:   - id: q1\n---\n"));
    }
}
