using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SiteGen.Markdown;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Markdown;

public class LinkResolutionTests
{
    private const string Pages = """
        -- content/zh-Hant/themes/chips.md --
        ---
        title: 晶片
        ---
        ## 記憶體

        text
        -- content/en/themes/chips.md --
        ---
        title: Chips
        ---
        ## Memory {#記憶體}
        """;

    [Fact]
    public void Md_links_become_relative_urls_with_cjk_fragments()
    {
        using var site = new TestSite(Pages + "\n-- content/zh-Hant/about.md --\n---\ntitle: 關於\n---\n見[晶片](themes/chips.md#記憶體)。\n");
        var result = site.Build();
        Assert.True(result.Succeeded, string.Join("\n", TestSite.Errors(result)));
        Assert.Contains("<a href=\"../themes/chips/#%E8%A8%98%E6%86%B6%E9%AB%94\">晶片</a>", result.Output.Text("zh/about/index.html"));
    }

    [Fact]
    public void Missing_page_is_reported_at_the_markdown_line()
    {
        using var site = new TestSite(Pages + "\n-- content/en/about.md --\n---\ntitle: About\n---\n\nSee the\n[chips](themes/chipz.md) page.\n");
        var errors = TestSite.Errors(site.Build());
        Assert.Contains("content/en/about.md:6:1: error: link to missing page 'themes/chipz.md' (no page at content/en/themes/chipz.md)", errors);
    }

    [Fact]
    public void Missing_heading_is_reported_at_the_markdown_line()
    {
        using var site = new TestSite(Pages + "\n-- content/en/about.md --\n---\ntitle: About\n---\nSee [memory](themes/chips.md#no-such-heading).\n");
        var errors = TestSite.Errors(site.Build());
        Assert.Contains("content/en/about.md:4:5: error: link 'themes/chips.md#no-such-heading': no heading or element with id 'no-such-heading' on that page (in en/themes/chips/index.html)", errors);
    }

    [Fact]
    public void Root_absolute_links_are_refused()
    {
        using var site = new TestSite(Pages + "\n-- content/en/about.md --\n---\ntitle: About\n---\nSee [x](/en/themes/chips/).\n");
        Assert.Contains("content/en/about.md:4:5: error: link '/en/themes/chips/' is root-absolute and breaks under a sub-path (write a relative path to the .md file)",
            TestSite.Errors(site.Build()));
    }

    [Fact]
    public void Content_assets_are_copied_beside_their_page_and_linked()
    {
        using var site = new TestSite(Pages + "\n-- content/en/themes/chart.txt --\ndata\n-- content/en/about.md --\n---\ntitle: About\n---\n![chart](themes/chart.txt)\n");
        var result = site.Build();
        Assert.True(result.Succeeded, string.Join("\n", TestSite.Errors(result)));
        Assert.Equal("data\n", result.Output.Text("en/themes/chart.txt"));
        Assert.Contains("src=\"../themes/chart.txt\"", result.Output.Text("en/about/index.html"));
    }

    [Fact]
    public void A_link_to_a_page_that_failed_to_load_is_not_reported_twice()
    {
        using var site = new TestSite(Pages + "\n-- content/en/broken.md --\n---\ntitle: [\n---\n-- content/en/about.md --\n---\ntitle: About\n---\nSee [broken](broken.md).\n");
        var errors = TestSite.Errors(site.Build()).Where(e => e.Contains(": error: ")).ToArray();
        var only = Assert.Single(errors);
        Assert.StartsWith("content/en/broken.md:", only);
    }

    [Theory]
    [InlineData("https://example.com/", true)]
    [InlineData("mailto:a@b.c", true)]
    [InlineData("//cdn.example.com/x.js", true)]
    [InlineData("data:,", true)]
    [InlineData("a+b.c-d:x", true)]
    [InlineData("../quotes/#q1", false)]
    [InlineData("chips/", false)]
    [InlineData("1http://x", false)]
    [InlineData("./a:b", false)]
    [InlineData("", false)]
    public void External_urls_have_a_scheme_or_a_host(string url, bool external) => Assert.Equal(external, LinkResolver.IsExternal(url));

    private static readonly string[] UrlPieces = ["a", "Z", "9", "+", ".", "-", ":", "/", "#", "?", "晶", "_", "%3A", " "];

    /// <summary>The definition, RFC 3986's scheme or a network path, against the hand-written check.</summary>
    [Property(MaxTest = 3000)]
    public Property IsExternal_agrees_with_the_scheme_pattern() =>
        Prop.ForAll(Gen.Elements(UrlPieces).ArrayOf().Select(p => string.Concat(p)).ToArbitrary(),
            url => LinkResolver.IsExternal(url) == (url.StartsWith("//") || Regex.IsMatch(url, "^[A-Za-z][A-Za-z0-9+.-]*:")));
}
