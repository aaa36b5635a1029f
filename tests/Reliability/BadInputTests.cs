using System.Text;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Reliability;

/// <summary>
/// Every kind of bad input, through the command line's entry point (in this process): the exact lines the user sees, exit code 1, no stack
/// trace, and the previous build/ byte for byte as it was.
/// </summary>
public class BadInputTests
{
    private const string GoodSite = """
        -- content/zh-Hant/_index.md --
        ---
        title: 首頁
        ---
        ## 記憶體
        -- content/en/_index.md --
        ---
        title: Home
        ---
        ## Memory {#記憶體}
        -- content/zh-Hant/p.md --
        ---
        title: 頁
        ---
        見[首頁](_index.md#記憶體)。
        -- content/en/p.md --
        ---
        title: Page
        ---
        See [home](_index.md#記憶體).
        """;

    public static TheoryData<string, string, string> Cases() => new()
    {
        { "unclosed front matter", "-- content/en/p.md --\n---\ntitle: Page\n\nBody", "content/en/p.md:1:1: error: front matter is not closed (add a `---` line after the last front-matter key)" },
        { "YAML syntax error", "-- content/en/p.md --\n---\ntitle: Page\nfoo: bar: baz\n---\n", "content/en/p.md:3:9: error: YAML: While scanning a plain scalar value, found invalid mapping." },
        { "wrong type", "-- content/en/p.md --\n---\ntitle: Page\nweight: abc\n---\n", "content/en/p.md:3:9: error: 'weight' must be a whole number, not 'abc'" },
        { "date not ISO", "-- content/en/p.md --\n---\ntitle: Page\ndate: 02/01/2026\n---\n", "content/en/p.md:3:7: error: 'date' must be a date written YYYY-MM-DD, not '02/01/2026'" },
        { "missing title", "-- content/en/p.md --\n---\ndescription: d\n---\n", "content/en/p.md:1:1: error: front matter has no `title`" },
        { "unknown key", "-- content/en/p.md --\n---\ntitle: Page\ndescripton: d\n---\n", "content/en/p.md:3:1: error: unknown key 'descripton' (did you mean 'description'?)" },
        { "duplicate key", "-- content/en/p.md --\n---\ntitle: Page\ntitle: Again\n---\n", "content/en/p.md:3:1: error: duplicate key 'title'" },
        { "empty file", "-- content/en/p.md --\n", "content/en/p.md:1:1: error: file is empty (a page needs front matter with at least a `title`)" },
        { "two pages, one URL", "-- content/en/q.md --\n---\ntitle: Q\nslug: p\ntranslation_key: p2\n---\n", "content/en/p.md:1:1: error: pages content/en/p.md and content/en/q.md both write to /en/p/ (change one file's name or `slug`)\ncontent/en/q.md:1:1: error: pages content/en/p.md and content/en/q.md both write to /en/p/ (change one file's name or `slug`)" },
        { "slug climbing out", "-- content/en/p.md --\n---\ntitle: Page\nslug: ../../../outside\n---\n", "content/en/p.md:3:1: error: slug '../../../outside' is not a single URL segment (use letters, digits, '-', '_' or '.', without '/' or '..')" },
        { "absolute slug", "-- content/en/p.md --\n---\ntitle: Page\nslug: /etc/passwd\n---\n", "content/en/p.md:3:1: error: slug '/etc/passwd' is not a single URL segment (use letters, digits, '-', '_' or '.', without '/' or '..')" },
        { "drive-letter slug", "-- content/en/p.md --\n---\ntitle: Page\nslug: 'C:'\n---\n", "content/en/p.md:3:1: error: slug 'C:' is not a single URL segment (use letters, digits, '-', '_' or '.', without '/' or '..')" },
        { "missing layout", "-- content/en/p.md --\n---\ntitle: Page\nlayout: wide\n---\n", "content/en/p.md:3:1: error: layout 'wide' not found in templates/layouts/" },
        { "undeclared language", "-- content/fr/p.md --\n---\ntitle: Page\n---\n", "content/fr/p.md: error: 'fr' is not a language declared in site.yml (languages: zh-Hant, en)" },
        { "missing page", "-- content/en/p.md --\n---\ntitle: Page\n---\nSee [x](nope.md).\n", "content/en/p.md:4:5: error: link to missing page 'nope.md' (no page at content/en/nope.md)" },
        { "missing anchor", "-- content/en/p.md --\n---\ntitle: Page\n---\nSee [x](_index.md#nope).\n", "content/en/p.md:4:5: error: link '_index.md#nope': no heading or element with id 'nope' on that page (in en/index.html)" },
        { "template syntax", "-- templates/layouts/page.html --\n<h1>{{ if page.title }}</h1>\n", "templates/layouts/page.html:1:24: error: Error while parsing if statement: The <end> statement was not found in: if <expression> ... end|else|else if" },
        { "unknown variable", "-- templates/layouts/page.html --\n<h1>{{ pgae.title }}</h1>\n", "templates/layouts/page.html:1:8: error: The variable or function `pgae` was not found (while rendering content/en/p.md)" },
        { "unknown member", "-- templates/layouts/page.html --\n<h1>{{ page.titel }}</h1>\n", "templates/layouts/page.html:1:13: error: Cannot get member with name titel. (while rendering content/en/p.md)" },
        { "missing partial", "-- templates/layouts/page.html --\n{{ partial \"nav.html\" }}\n", "templates/layouts/page.html:1:4: error: no partial 'nav.html' in templates/partials/ (while rendering content/en/p.md)" },
        { "recursive partial", "-- templates/layouts/page.html --\n{{ partial \"a.html\" }}\n-- templates/partials/a.html --\n{{ partial \"a.html\" }}\n", "templates/partials/a.html:1:4: error: partial 'a.html' includes itself (layouts/page.html → partials/a.html → partials/a.html) (while rendering content/en/p.md)" },
        { "partial that does not parse", "-- templates/layouts/page.html --\n{{ partial \"a.html\" }}\n-- templates/partials/a.html --\n<p>{{ if }}</p>\n", "templates/partials/a.html:1:10: error: Error while parsing if statement: Expecting <expression> instead of `}}` in: if <expression> ... end|else|else if\ntemplates/partials/a.html:1:12: error: Error while parsing if statement: The <end> statement was not found in: if <expression> ... end|else|else if" },
        { "site.yml syntax", "-- site.yml --\ndefault_language: en\nlanguages: [\n  {key: en\n", "site.yml:5:1: error: YAML: While parsing a flow mapping, did not find expected ',' or '}'." },
        { "site.yml unknown key", "-- site.yml --\n" + TestSite.DefaultConfig + "\nbase_ulr: x\n", "site.yml:17:1: error: unknown key 'base_ulr' (did you mean 'base_url'?)" },
        { "site.yml without languages", "-- site.yml --\ndefault_language: en\nlanguages: []\n", "site.yml:2:1: error: no languages declared (add a `languages:` list with at least one language)" },
        { "default language not declared", "-- site.yml --\n" + TestSite.DefaultConfig.Replace("default_language: zh-Hant", "default_language: fr"), "site.yml:1:1: error: default language 'fr' is not declared in `languages`" },
        { "thousands of nested blockquotes", "-- content/en/p.md --\n---\ntitle: Page\n---\n" + new string('>', 5000) + " deep\n", "content/en/p.md:4:33: error: lists and quotes nested more than 32 levels deep (the limit is 32)" },
        { "thousands of nested lists", "-- content/en/p.md --\n---\ntitle: Page\n---\n" + NestedList(1000), "content/en/p.md:36:65: error: lists and quotes nested more than 32 levels deep (the limit is 32)" },
        { "deeply nested emphasis", "-- content/en/p.md --\n---\ntitle: Page\n---\n" + new string('*', 20000) + "x" + new string('*', 20000) + "\n", "content/en/p.md:4:1: error: emphasis and links nested more than 50 levels deep in one paragraph (the limit is 50)" },
    };

    [Theory, MemberData(nameof(Cases))]
    public void Bad_input_is_one_clear_line_exit_1_and_previous_build_intact(string what, string change, string expected)
    {
        using var site = new TestSite(GoodSite);
        Assert.True(site.BuildToDisk().Written, what);
        var before = Disk.Snapshot(site.Out);
        foreach (var (path, text) in TestSite.Parse(change)) site.Write(path, text);

        var (code, _, stderr) = CliRunner.InProcess("build", "--root", site.Root);

        Assert.Equal(1, code);
        var errors = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.Contains(": warning: ")).ToArray();
        Assert.Equal(expected.Split('\n'), errors);
        Assert.DoesNotContain("   at ", stderr);
        Assert.Equal(before, Disk.Snapshot(site.Out));
    }

    [Fact]
    public void Invalid_utf8_is_an_error_naming_the_file()
    {
        using var site = new TestSite(GoodSite);
        site.WriteBytes("content/en/p.md", [.. "---\ntitle: Page\n---\n"u8, 0xFF, 0xFE]);
        var (code, _, stderr) = CliRunner.InProcess("check", "--root", site.Root);
        Assert.Equal(1, code);
        Assert.Equal("content/en/p.md:4:1: error: file is not valid UTF-8 (save it as UTF-8)", stderr.Trim());
    }

    [Fact, Trait("Category", "Stress")]
    public void Huge_page_and_huge_heading_build()
    {
        var big = new StringBuilder();
        // Just under the 4 MB limit for a Markdown file (SiteFiles.Text): about 3.8 MB of UTF-8.
        while (big.Length < 2_500_000) big.Append("Lorem ipsum **dolor** sit amet, 中文內容，「引號」。\n\n");
        using var site = new TestSite(GoodSite
            + "\n-- content/en/big.md --\n---\ntitle: Big\ntranslation_key: big\n---\n" + big
            + "\n-- content/zh-Hant/big.md --\n---\ntitle: 大\ntranslation_key: big\n---\n# " + new string('標', 10_000) + "\n");
        var result = site.Build();
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError); // the two pages differ on purpose: drift warnings only
        var length = result.Output.Bytes("en/big/index.html").Length;
        Assert.True(length > 3_500_000, $"{length} bytes");
        Assert.Contains(new string('標', 10_000), result.Output.Text("zh/big/index.html"));
    }

    [Fact]
    public void Non_markdown_files_in_content_are_copied_never_parsed()
    {
        using var site = new TestSite(GoodSite + "\n-- content/en/notes.yml --\n---\n: not: yaml: [\n-- content/en/image.png --\n\u0089PNG not really\n");
        var result = site.Build();
        Assert.Empty(result.Diagnostics);
        Assert.Equal(": not: yaml: [\n", result.Output.Text("en/notes.yml").Split("---\n")[1]);
        Assert.True(result.Output.Contains("en/image.png"));
    }

    private static string NestedList(int depth) =>
        string.Concat(Enumerable.Range(0, depth).Select(i => new string(' ', 2 * i) + "- item\n"));
}
