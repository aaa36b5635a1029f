using SiteGen.Tests.Support;

namespace SiteGen.Tests.Checks;

/// <summary>
/// A broken link written by a template is blamed on the template line that wrote its tag, naming the page being
/// rendered, and said once however many pages the template wrote it on; a link written in Markdown keeps its .md line.
/// </summary>
public class TemplateLinkBlameTests
{
    private const string Pages = """
        -- content/zh-Hant/p.md --
        ---
        title: 頁
        ---
        見[另一頁](q.md)。
        -- content/en/p.md --
        ---
        title: Page
        ---
        See [the other page](q.md).
        -- content/zh-Hant/q.md --
        ---
        title: 乙
        ---
        -- content/en/q.md --
        ---
        title: Q
        ---

        """;

    private static string[] Errors(string blocks)
    {
        using var site = new TestSite(Pages + blocks);
        return TestSite.Errors(site.Build()).Where(e => e.Contains(": error: ")).ToArray();
    }

    /// <summary>As one text, so a failure shows every message whole.</summary>
    private static void AssertErrors(string[] expected, string[] actual) => Assert.Equal(string.Join("\n", expected), string.Join("\n", actual));

    [Fact]
    public void A_layouts_broken_link_is_blamed_on_the_layout_line_once()
    {
        AssertErrors(["templates/layouts/page.html:2:4: error: link to zh/missing/index.html points to nothing in the output ('../../zh/missing/' while rendering en/p/index.html)"],
            Errors("-- templates/layouts/page.html --\n<h1>{{ page.title }}</h1>\n<p><a class=\"x\" href=\"{{ rel_url \"zh/missing/\" }}\">x</a></p>\n{{ content }}\n"));
    }

    [Fact]
    public void A_partials_broken_link_is_blamed_on_the_partial_inside_the_base_layout()
    {
        AssertErrors(["templates/partials/switch.html:3:1: error: link to en/gone/index.html points to nothing in the output ('../../en/gone/' while rendering zh/p/index.html)"],
            Errors("-- templates/partials/switch.html --\n{{- if true }}\n<span>before</span>\n<a href=\"{{ rel_url \"en/gone/\" }}\">gone</a>\n{{- end -}}\n"));
    }

    [Fact]
    public void A_partial_kept_as_a_value_is_blamed_on_the_partial_where_it_is_written()
    {
        // Called as a statement, a partial renders into its caller's output; kept as a value, into an output of its own.
        AssertErrors(["templates/partials/gone.html:2:1: error: link to en/gone/index.html points to nothing in the output ('../gone/' while rendering en/p/index.html)"],
            Errors("-- templates/partials/gone.html --\n<span>before</span>\n<a href=\"{{ rel_url \"en/gone/\" }}\">gone</a>\n"
                + "-- templates/layouts/page.html --\n{{ if page.lang == \"en\"; kept = partial \"gone.html\"; end }}<h1>{{ page.title }}</h1>\n{{ content }}{{ if page.lang == \"en\" }}<footer>{{ kept }}</footer>{{ end }}\n"));
    }

    [Fact]
    public void A_missing_fragment_in_a_template_is_blamed_on_the_template()
    {
        AssertErrors(["templates/layouts/page.html:3:1: error: link '#nowhere': no heading or element with id 'nowhere' on the same page (while rendering en/p/index.html)",
                      "templates/layouts/page.html:4:1: error: link to en/q/index.html#nowhere: no heading or element with id 'nowhere' on that page ('../../en/q/#nowhere' while rendering zh/p/index.html)"],
            Errors("-- templates/layouts/page.html --\n{{ content }}\n<p>{{ page.title }}</p>\n<a href=\"#nowhere\">x</a>\n<a href=\"{{ rel_url \"en/q/\" }}#nowhere\">y</a>\n"));
    }

    [Fact]
    public void A_root_absolute_link_in_the_landing_page_is_blamed_on_its_template()
    {
        AssertErrors(["templates/landing.html:2:9: error: link '/zh/' is root-absolute and breaks when the site is served under a sub-path (while rendering index.html)"],
            Errors("-- templates/landing.html --\n<!doctype html><html lang=\"zh-Hant\"><head><meta charset=\"utf-8\"><title>x</title></head>\n<body>  <a href=\"/zh/\">中文</a></body></html>\n"));
    }

    [Fact]
    public void A_broken_link_in_markdown_is_still_blamed_on_its_markdown_line()
    {
        using var site = new TestSite(Pages + "-- content/en/r.md --\n---\ntitle: R\n---\nSee [p](p.md#missing).\n-- content/zh-Hant/r.md --\n---\ntitle: 丙\n---\n見[甲](p.md#missing)。\n");
        var errors = TestSite.Errors(site.Build()).Where(e => e.Contains(": error: ")).ToArray();
        Assert.Equal(["content/en/r.md:4:5: error: link 'p.md#missing': no heading or element with id 'missing' on that page (in en/p/index.html)",
                      "content/zh-Hant/r.md:4:2: error: link 'p.md#missing': no heading or element with id 'missing' on that page (in zh/p/index.html)"], errors);
    }
}
