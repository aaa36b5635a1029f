using Markdig;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Security;

/// <summary>
/// What got through when the script and markup checks were attacked with raw HTML off. Each case here ran script in a
/// browser before its fix.
/// </summary>
public class AttackRegressionTests
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
        [open](evil.FILE)
        """;

    private static string[] Errors(BuildResult r) => r.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()).ToArray();

    /// <summary>
    /// A content file that browsers open as a document able to run script (HTML, SVG, XML) is published on the site's
    /// own origin, so linking to it runs whatever it holds: the same as raw HTML in a page.
    /// </summary>
    [Theory]
    [InlineData("html", "<script>alert(document.domain)</script>")]
    [InlineData("HTM", "<script>alert(document.domain)</script>")]
    [InlineData("svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")]
    [InlineData("xhtml", "<html xmlns=\"http://www.w3.org/1999/xhtml\"><script>alert(1)</script></html>")]
    [InlineData("xml", "<x><script xmlns=\"http://www.w3.org/1999/xhtml\">alert(1)</script></x>")]
    public void A_content_file_browsers_run_as_a_document_is_an_error_without_raw_html(string extension, string text)
    {
        using var site = new TestSite(Pages.Replace("FILE", extension) + $"\n-- content/en/evil.{extension} --\n{text}\n");

        var result = site.Build();

        Assert.Equal([$"content/en/evil.{extension}: error: a .{extension.ToLowerInvariant()} file in content/ is refused: browsers open it as a document that can run script (link to a .md page instead, or give an image as PNG, JPEG, GIF or WebP; site.yml `allow_raw_html: true` lifts this for a site whose authors are all trusted)"],
            Errors(result));
        Assert.False(result.Succeeded);
    }

    [Fact]
    public void With_raw_html_allowed_such_a_file_is_published_as_before()
    {
        using var site = new TestSite(Pages.Replace("FILE", "svg") + "\n-- content/en/evil.svg --\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n"
            + "-- site.yml --\n" + TestSite.DefaultConfig + "\nallow_raw_html: true\n");

        var result = site.Build();

        Assert.Empty(Errors(result));
        Assert.Contains(result.Output.Files, f => f.Key == "en/evil.svg");
    }

    [Fact]
    public void Other_content_files_are_still_published()
    {
        using var site = new TestSite(Pages.Replace("FILE", "txt") + "\n-- content/en/evil.txt --\n<script>alert(1)</script>\n");

        var result = site.Build();

        Assert.Empty(Errors(result));
        Assert.Contains(result.Output.Files, f => f.Key == "en/evil.txt");
    }
    /// <summary>
    /// `$` in a .NET pattern also matches before a final line break, so a value ending in one passed the checks meant to
    /// keep it to one URL segment or one language tag, and a folder named with a line break was written.
    /// </summary>
    [Fact]
    public void A_slug_ending_in_a_line_break_is_refused()
    {
        using var site = new TestSite("-- content/en/p.md --\n---\ntitle: Page\nslug: \"a\\n\"\n---\nText.\n");

        var error = Assert.Single(Errors(site.Build()));

        Assert.StartsWith("content/en/p.md:3:1: error: slug 'a", error);
    }

    [Theory]
    [InlineData("    prefix: en\n", "    prefix: \"en\\n\"\n", "site.yml:12:5: error: language 'en': prefix 'en")]
    [InlineData("    prefix: en\n", "    prefix: en\n    tag: \"en\\n\"\n", "site.yml:13:5: error: language 'en': tag 'en")]
    public void A_site_yml_value_ending_in_a_line_break_is_refused(string line, string replacement, string expected)
    {
        var config = TestSite.DefaultConfig.Replace(line, replacement);
        Assert.Contains(replacement, config);
        using var site = new TestSite("-- content/en/p.md --\n---\ntitle: Page\n---\nText.\n-- site.yml --\n" + config);

        var error = Assert.Single(Errors(site.Build()));

        Assert.StartsWith(expected, error);
    }
    /// <summary>
    /// Markdig numbered a repeated heading by trying `-1`, `-2`… from the start each time: a page of tens of thousands of
    /// identical headings (a few hundred kB, well under the file size limit) held the build for minutes, growing with the
    /// square of their number. The build runs under a generous timeout, so a regression fails instead of hanging.
    /// </summary>
    [Fact, Trait("Category", "Stress")]
    public async Task Many_identical_headings_build_without_a_quadratic_cost()
    {
        using var site = new TestSite("-- content/en/p.md --\n---\ntitle: Page\n---\n" + string.Concat(Enumerable.Repeat("## a\n\n", 80_000)));

        var result = await Task.Run(() => site.Build()).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Empty(Errors(result));
    }

    [Fact]
    public void Heading_ids_are_the_ones_Markdig_gives()
    {
        var body = "# a\n# a-1\n# a\n# a\n## a-2\n# section\n#\n# *a*\n# [a](https://example.org)\n# A\n# a-1\n# 中文\n# 中文\n# `a`\n";
        var markdig = new Markdig.MarkdownPipelineBuilder().UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub).Build();

        string[] Ids(Markdig.MarkdownPipeline pipeline) =>
            SiteGen.Markdown.TocBuilder.HeadingIds(Markdig.Markdown.Parse(body, pipeline));

        Assert.Equal(Ids(markdig), Ids(SiteGen.Markdown.MarkdownPipelineFactory.Create(allowRawHtml: false)));
        Assert.Equal(["a", "a-1", "a-2", "a-3", "a-2-1", "section", "section-1", "a-4", "a-5", "a-6", "a-1-1", "中文", "中文-1", "a-7"], Ids(markdig));
    }
}
