using AngleSharp.Html.Parser;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Parity;

public class BilingualViewTests
{
    private const string Layout = """
        -- templates/layouts/bilingual.html --
        <p class="mode">{{ alignment }}</p>{{ for row in rows }}<div class="row"><div class="own" lang="{{ lang.tag }}">{{ row.own }}</div><div class="other" lang="{{ other_lang.tag }}">{{ row.other }}</div></div>{{ end }}
        -- templates/base.html --
        <!doctype html><html lang="{{ lang.tag }}"><head><meta charset="utf-8"><title>{{ page.title }}</title>{{ if site.base_url != "" }}<link rel="canonical" href="{{ abs_url page }}">{{ end }}</head><body>{{ if page.bilingual_url && !is_bilingual }}<a class="bi" href="{{ rel_url page.bilingual_url }}">view</a>{{ end }}{{ main }}</body></html>
        """;

    private static BuildResult Build(string zh, string en)
    {
        using var site = new TestSite($"{Layout}\n-- content/zh-Hant/p.md --\n---\ntitle: 頁\n---\n{zh}-- content/en/p.md --\n---\ntitle: Page\n---\n{en}");
        return site.Build("https://example.org/");
    }

    [Fact]
    public void Aligned_pages_pair_block_by_block_with_lang_on_every_block()
    {
        var r = Build("## 標題 {#hd}\n\n段落，見[標題](#hd)。\n", "## Heading {#hd}\n\nParagraph, see [heading](#hd).\n");
        Assert.DoesNotContain(r.Diagnostics, d => d.IsError);
        var doc = new HtmlParser().ParseDocument(r.Output.Text("en/p/bilingual/index.html"));
        Assert.Equal("blocks", doc.QuerySelector(".mode")!.TextContent);
        var rows = doc.QuerySelectorAll(".row");
        Assert.Equal(2, rows.Length);
        Assert.Equal("Heading", rows[0].QuerySelector(".own h2")!.TextContent);
        Assert.Equal("標題", rows[0].QuerySelector(".other h2")!.TextContent);
        // Two languages on one page: no heading keeps its id; in-page links lead to the normal page's anchors.
        Assert.False(rows[0].QuerySelector(".own h2")!.HasAttribute("id"));
        Assert.False(rows[0].QuerySelector(".other h2")!.HasAttribute("id"));
        Assert.Equal("../#hd", rows[1].QuerySelector(".own a")!.GetAttribute("href"));
        Assert.Equal("zh-Hant", rows[1].QuerySelector(".other")!.GetAttribute("lang"));
        Assert.Equal("../../../zh/p/#hd", rows[1].QuerySelector(".other a")!.GetAttribute("href"));
        Assert.Equal("https://example.org/en/p/", doc.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Contains("href=\"bilingual/\"", r.Output.Text("en/p/index.html"));
        Assert.DoesNotContain("bilingual", r.Output.Text("sitemap.xml"));
    }

    [Fact]
    public void Links_to_other_pages_and_files_are_rebased_for_both_columns()
    {
        using var site = new TestSite($"{Layout}\n-- content/zh-Hant/p.md --\n---\ntitle: 頁\n---\n見[另一頁](q.md#bb)與![圖](img/a.png)。\n"
            + "-- content/zh-Hant/q.md --\n---\ntitle: 乙\n---\n## 乙 {#bb}\n-- content/zh-Hant/img/a.png --\npng\n"
            + "-- content/en/p.md --\n---\ntitle: Page\n---\nSee [the other](q.md#bb) and ![chart](../zh-Hant/img/a.png).\n"
            + "-- content/en/q.md --\n---\ntitle: Q\n---\n## Q {#bb}\n");
        var r = site.Build();
        Assert.DoesNotContain(r.Diagnostics, d => d.IsError);
        var doc = new HtmlParser().ParseDocument(r.Output.Text("en/p/bilingual/index.html"));
        Assert.Equal("../../q/#bb", doc.QuerySelector(".own a")!.GetAttribute("href"));
        Assert.Equal("../../../zh/img/a.png", doc.QuerySelector(".own img")!.GetAttribute("src"));
        Assert.Equal("../../../zh/q/#bb", doc.QuerySelector(".other a")!.GetAttribute("href"));
        Assert.Equal("../../../zh/img/a.png", doc.QuerySelector(".other img")!.GetAttribute("src"));
    }

    [Fact]
    public void Side_by_side_views_can_be_turned_off_in_site_yml()
    {
        using var site = new TestSite($"{Layout}\n-- site.yml --\n{TestSite.DefaultConfig}\nside_by_side: false\n"
            + "-- content/zh-Hant/p.md --\n---\ntitle: 頁\n---\n段落。\n-- content/en/p.md --\n---\ntitle: Page\n---\nParagraph.\n");
        var r = site.Build();
        Assert.True(r.Succeeded);
        Assert.DoesNotContain(r.Output.Paths, p => p.Contains("bilingual"));
        Assert.DoesNotContain("class=\"bi\"", r.Output.Text("en/p/index.html"));
    }

    [Fact]
    public void Misaligned_pages_fall_back_to_sections_and_the_build_says_where()
    {
        var r = Build("## 甲\n\n一。\n\n二。\n\n## 乙\n\n三。\n", "## A\n\nOne and two.\n\n## B\n\nThree.\n");
        Assert.Contains("content/en/p.md:8:1: warning: translation drift: structure differs from content/zh-Hant/p.md:8: paragraph there, heading 2 here",
            r.Diagnostics.Select(d => d.ToString()));
        var doc = new HtmlParser().ParseDocument(r.Output.Text("zh/p/bilingual/index.html"));
        Assert.Equal("sections", doc.QuerySelector(".mode")!.TextContent);
        Assert.Equal(2, doc.QuerySelectorAll(".row").Length);
    }
}
