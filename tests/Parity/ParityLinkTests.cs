using SiteGen.Tests.Support;

namespace SiteGen.Tests.Parity;

/// <summary>
/// The link parity check: a fragment is compared by the heading it reaches, not by its text (auto ids are made from
/// each language's own heading), and each finding points at the link's line.
/// </summary>
public class ParityLinkTests
{
    private const string Targets = """
        -- content/zh-Hant/q.md --
        ---
        title: 其他
        ---
        ## 檔案分析與元件

        ## 可變頻寬與執行緒
        -- content/en/q.md --
        ---
        title: Other
        ---
        ## File analysis and components

        ## Variable bandwidth and thread

        """;

    private static string[] Findings(string zhBody, string enBody)
    {
        using var site = new TestSite($"-- content/zh-Hant/p.md --\n---\ntitle: 頁\n---\n{zhBody}-- content/en/p.md --\n---\ntitle: Page\n---\n{enBody}{Targets}");
        return TestSite.Errors(site.Build()).ToArray();
    }

    [Fact]
    public void Links_to_the_same_heading_translated_give_no_finding()
    {
        Assert.Empty(Findings(
            "見[元件](q.md#檔案分析與元件)與[頻寬](q.md#可變頻寬與執行緒)。\n\n## 本頁標題\n\n回到[標題](#本頁標題)。\n",
            "See [components](q.md#file-analysis-and-components) and [bandwidth](q.md#variable-bandwidth-and-thread).\n\n## This page's heading\n\nBack to [the heading](#this-pages-heading).\n"));
    }

    [Fact]
    public void Links_to_different_headings_are_reported()
    {
        Assert.Equal([
            "content/en/p.md:4:1: warning: translation drift: content/zh-Hant/p.md:4 links to 'q#可變頻寬與執行緒', this page does not",
            "content/en/p.md:4:5: warning: translation drift: links to 'q#file-analysis-and-components', content/zh-Hant/p.md:4 does not",
        ], Findings("見[頻寬](q.md#可變頻寬與執行緒)。\n", "See [components](q.md#file-analysis-and-components).\n"));
    }

    [Fact]
    public void A_missing_link_is_reported_at_the_block_that_should_have_it()
    {
        Assert.Equal(["content/en/p.md:8:1: warning: translation drift: content/zh-Hant/p.md:8 links to 'q', this page does not"],
            Findings("第一段。\n\n第二段。\n\n見[其他](q.md)。\n", "First.\n\nSecond.\n\nSee the other page.\n"));
    }

    [Fact]
    public void An_extra_link_is_reported_at_its_line_and_column()
    {
        Assert.Equal(["content/en/p.md:8:9: warning: translation drift: links to 'q', content/zh-Hant/p.md:8 does not"],
            Findings("第一段。\n\n第二段。\n\n見其他頁。\n", "First.\n\nSecond.\n\nSee the [other page](q.md).\n"));
    }
}
