using AngleSharp.Html.Parser;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Templates;

public class TemplateTests
{
    private const string Page = "-- content/en/p.md --\n---\ntitle: P\n---\nbody\n";

    /// <summary>The errors of a one-page site whose page layout is <paramref name="layout"/>, on top of <paramref name="files"/>.</summary>
    private static IReadOnlyList<string> LayoutErrors(string layout, string files = Page)
    {
        using var site = new TestSite(files + "-- templates/layouts/page.html --\n" + layout + "\n");
        return TestSite.Errors(site.Build());
    }

    [Fact]
    public void Values_are_escaped_and_cannot_inject_markup()
    {
        const string evil = "<script>alert(1)</script>\\\"><img src=x onerror=alert(1)>";
        using var site = new TestSite($"-- content/en/p.md --\n---\ntitle: \"{evil}\"\ndescription: \"{evil}\"\n---\nbody\n"
            + "-- templates/layouts/page.html --\n<h1 title=\"{{ page.title }}\">{{ page.title }}</h1><p data-d=\"{{ page.description }}\">{{ t \"read_in\" }}</p>{{ content }}\n");
        var result = site.Build();
        Assert.True(result.Succeeded, string.Join("\n", TestSite.Errors(result)));
        var doc = new HtmlParser().ParseDocument(result.Output.Text("en/p/index.html"));
        Assert.Empty(doc.QuerySelectorAll("script"));
        Assert.Empty(doc.QuerySelectorAll("img"));
        Assert.Equal("<script>alert(1)</script>\"><img src=x onerror=alert(1)>", doc.QuerySelector("h1")!.TextContent);
        Assert.Equal(doc.QuerySelector("h1")!.TextContent, doc.QuerySelector("h1")!.GetAttribute("title"));
    }

    [Fact]
    public void The_base_layout_can_write_main_more_than_once_and_use_it_as_a_value()
    {
        // Outputs are reused from page to page on a thread: each page must see its own `main`, however often written.
        using var site = new TestSite("-- content/en/a.md --\n---\ntitle: Alpha\n---\nfirst\n"
            + "-- content/en/b.md --\n---\ntitle: Beta\n---\nsecond\n"
            + "-- templates/base.html --\n<!doctype html><html lang=\"{{ lang.tag }}\"><head><meta charset=\"utf-8\"><title>t</title></head>"
            + "<body><main>{{ main }}</main><aside>{{ main }}</aside><p id=\"size\">{{ main | string.size }}</p><div id=\"again\">{{ main }}</div></body></html>\n");
        var result = site.Build();
        Assert.True(result.Succeeded, string.Join("\n", TestSite.Errors(result)));
        foreach (var (path, title, body) in new[] { ("en/a/index.html", "Alpha", "first"), ("en/b/index.html", "Beta", "second") })
        {
            var doc = new HtmlParser().ParseDocument(result.Output.Text(path));
            var main = doc.QuerySelector("main")!.InnerHtml;
            Assert.Equal($"<h1>{title}</h1>\n<p>{body}</p>\n", main);
            Assert.Equal(main, doc.QuerySelector("aside")!.InnerHtml);
            Assert.Equal(main, doc.QuerySelector("#again")!.InnerHtml);
            Assert.Equal(main.Length.ToString(), doc.QuerySelector("#size")!.TextContent);
        }
    }

    [Fact]
    public void The_layout_renders_where_the_base_layout_writes_main()
    {
        // As Hugo's blocks and Zola's includes: what the layout sets is there after `main`, not before it.
        using var site = new TestSite(Page
            + "-- templates/layouts/page.html --\n{{ note = \"from the layout\" }}<p>{{ page.title }}</p>\n"
            + "-- templates/base.html --\n<!doctype html><html lang=\"{{ lang.tag }}\"><head><meta charset=\"utf-8\"><title>t</title></head>"
            + "<body><main>{{ main }}</main><footer>{{ note }}</footer></body></html>\n");
        var result = site.Build();
        Assert.True(result.Succeeded, string.Join("\n", TestSite.Errors(result)));
        var doc = new HtmlParser().ParseDocument(result.Output.Text("en/p/index.html"));
        Assert.Equal("<p>P</p>\n", doc.QuerySelector("main")!.InnerHtml);
        Assert.Equal("from the layout", doc.QuerySelector("footer")!.TextContent);
    }

    [Fact]
    public void A_partial_or_main_returned_by_a_one_line_function_is_its_value()
    {
        // The body of `f(x) = …` is an expression statement of its own, but its value is returned, not written: the
        // partial and the layout were written where the function was called, and the value kept was empty.
        using var site = new TestSite(Page
            + "-- templates/partials/a.html --\n<b>A</b>\n"
            + "-- templates/layouts/page.html --\n{{ f(x) = partial \"a.html\" }}<p id=\"kept\">{{ y = f(1) }}</p><p id=\"written\">{{ y }}</p><p id=\"size\">{{ f(1) | string.size }}</p>\n"
            + "-- templates/base.html --\n<!doctype html><html lang=\"{{ lang.tag }}\"><head><meta charset=\"utf-8\"><title>t</title></head>"
            + "<body>{{ g(x) = main }}<div>{{ body = g(1) }}</div><main>{{ body }}</main></body></html>\n");
        var result = site.Build();
        Assert.True(result.Succeeded, string.Join("\n", TestSite.Errors(result)));
        var doc = new HtmlParser().ParseDocument(result.Output.Text("en/p/index.html"));
        Assert.Equal("", doc.QuerySelector("div")!.InnerHtml);
        Assert.Equal("", doc.QuerySelector("#kept")!.InnerHtml);
        Assert.Equal("<b>A</b>\n", doc.QuerySelector("#written")!.InnerHtml);
        Assert.Equal("9", doc.QuerySelector("#size")!.TextContent);
    }

    [Fact]
    public void A_layout_that_writes_main_is_one_error_at_its_line()
    {
        // `main` renders the layout: written inside the layout (or a partial it calls), it would include itself.
        Assert.Equal(["templates/layouts/page.html:1:7: error: `main` (the layout layouts/page.html) includes itself (layouts/page.html → layouts/page.html) (while rendering content/en/p.md)"],
            LayoutErrors("<p>{{ main }}</p>").Where(e => e.Contains(": error: ")));
        Assert.Equal(["templates/partials/m.html:1:4: error: `main` (the layout layouts/page.html) includes itself (layouts/page.html → partials/m.html → layouts/page.html) (while rendering content/en/p.md)"],
            LayoutErrors("{{ partial \"m.html\" }}", Page + "-- templates/partials/m.html --\n{{ main }}\n").Where(e => e.Contains(": error: ")));
    }

    [Fact]
    public void Member_typo_is_an_error_at_the_template_position()
    {
        using var site = new TestSite(Page + "-- templates/layouts/page.html --\n<h1>\n  {{ page.titel }}</h1>\n");
        var errors = TestSite.Errors(site.Build());
        Assert.Contains(errors, e => e.StartsWith("templates/layouts/page.html:2:") && e.Contains("titel") && e.EndsWith("(while rendering content/en/p.md)"));
    }

    [Fact]
    public void Parse_error_is_reported_once_at_its_position()
    {
        using var site = new TestSite(Page + "-- templates/layouts/page.html --\n<h1>{{ if }}</h1>\n");
        var errors = TestSite.Errors(site.Build()).Where(e => e.Contains("error")).ToArray();
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.StartsWith("templates/layouts/page.html:1:", e));
    }

    [Fact]
    public void Missing_partial_is_an_error()
    {
        Assert.Contains(LayoutErrors("{{ partial \"nope.html\" }}"), e => e.StartsWith("templates/layouts/page.html:1:4: error: no partial 'nope.html' in templates/partials/"));
    }

    [Fact]
    public void A_partial_that_does_not_parse_is_reported_once_where_it_was_parsed()
    {
        // It is in templates/partials/: "no partial" at each page that calls it said the opposite, once per page.
        using var site = new TestSite(Page + "-- content/en/q.md --\n---\ntitle: Q\n---\nbody\n"
            + "-- templates/layouts/page.html --\n<h1>{{ page.title }}</h1>{{ partial \"bad.html\" }}\n"
            + "-- templates/partials/bad.html --\n<p>{{ if }}</p>\n");
        var result = site.Build();
        Assert.False(result.Succeeded);
        var errors = TestSite.Errors(result).Where(e => e.Contains(": error: ")).ToArray();
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.StartsWith("templates/partials/bad.html:1:", e));
    }

    [Fact]
    public void Recursive_partial_is_an_error_naming_the_cycle()
    {
        using var site = new TestSite(Page
            + "-- templates/layouts/page.html --\n{{ partial \"a.html\" }}\n"
            + "-- templates/partials/a.html --\n{{ partial \"b.html\" }}\n"
            + "-- templates/partials/b.html --\n{{ partial \"a.html\" }}\n");
        Assert.Contains(TestSite.Errors(site.Build()), e => e.Contains("error: partial 'a.html' includes itself (layouts/page.html → partials/a.html → partials/b.html → partials/a.html)"));
    }

    [Theory]
    [InlineData("{{ t \"a\" \"b\" }}", "Invalid number of arguments `2`")]
    [InlineData("{{ rel_url }}", "Invalid number of arguments `0`")]
    [InlineData("{{ translation_in \"x\" \"en\" }}", "translation_in expects a page, got 'x'")]
    [InlineData("{{ rel_url 7 }}", "expected a page or a site-relative path, got '7'")]
    public void Template_function_misuse_is_an_error_at_the_call(string call, string message)
    {
        Assert.Contains(LayoutErrors(call), e => e.StartsWith("templates/layouts/page.html:1:") && e.Contains(message));
    }

    /// <summary>A page model refers back to itself through its translations: `json page` failed with .NET's serializer text.</summary>
    [Fact]
    public void Json_of_a_value_that_refers_back_to_itself_is_an_error_in_the_authors_terms()
    {
        var files = "-- content/en/p.md --\n---\ntitle: P\n---\nbody\n-- content/zh-Hant/p.md --\n---\ntitle: 頁\n---\n內文\n";
        var errors = LayoutErrors("<script type=\"application/ld+json\">{{ json page }}</script>", files);

        // Both pages fail the same way at the same place: one error.
        Assert.Equal(["templates/layouts/page.html:1:39: error: json: the value nests deeper than 32 levels (a page refers back to itself through its translations, prev or next; pass json the fields you need, e.g. {{ json {title: page.title, url: page.url} }}) (while rendering content/en/p.md)"],
            errors.Where(e => e.Contains("error")));
        Assert.DoesNotContain(LayoutErrors("{{ json {title: page.title, url: page.url} }}", files), e => e.Contains("error"));
    }

    [Theory]
    [InlineData("{{ page.title = \"x\" }}")]
    [InlineData("{{ site.title = \"x\" }}")]
    [InlineData("{{ menu[0].title = \"x\" }}")]
    [InlineData("{{ page.translations[0].title = \"x\" }}")]
    [InlineData("{{ menu[0] = 1 }}")]
    [InlineData("{{ page.translations[0] = 1 }}")]
    [InlineData("{{ languages[1] = 1 }}")]
    [InlineData("{{ other_languages[0] = 1 }}")]
    [InlineData("{{ page.toc[0] = 1 }}")]
    [InlineData("{{ page.toc[5] = 1 }}")]
    [InlineData("{{ page.data.items[0] = 1 }}")]
    [InlineData("{{ page.data.items[9] = 1 }}")]
    [InlineData("{{ page.data.map.k = 1 }}")]
    [InlineData("{{ page[\"title\"] = \"x\" }}")]
    [InlineData("{{ lang.strings[\"read_in\"] = \"x\" }}")]
    [InlineData("{{ (section_pages \"\")[0] = 1 }}")]
    [InlineData("{{ with page }}{{ title = \"x\" }}{{ end }}")]
    [InlineData("{{ with site }}{{ title = \"x\" }}{{ end }}")]
    public void Shared_template_values_are_read_only(string assignment)
    {
        // Pages render in parallel and share these objects: a template that changed one would change what other pages
        // show, depending on the order the threads ran in.
        var files = "-- content/en/p.md --\n---\ntitle: P\ndata:\n  items: [1, 2]\n  map: { k: v }\n---\n## Heading\n\nbody\n"
            + "-- content/zh-Hant/p.md --\n---\ntitle: 頁\n---\n內文\n"
            + "-- site.yml --\n" + TestSite.DefaultConfig + "\nmenu: [p.md]\n";
        Assert.Contains(LayoutErrors(assignment, files), e => e.StartsWith("templates/layouts/page.html:1:") && e.Contains("this value is read-only"));
    }

    [Fact]
    public void A_template_changes_its_own_values_freely()
    {
        using var site = new TestSite("-- content/en/p.md --\n---\ntitle: P\ndata:\n  items: [1, 2]\n---\nbody\n"
            + "-- templates/layouts/page.html --\n{{ items = page.data.items | array.add 3 }}{{ items[0] = 9 }}{{ m = { a: 1 } }}{{ m.a = 2 }}<p id=\"x\">{{ items | array.join \",\" }} {{ m.a }} {{ page.data.items | array.join \",\" }}</p>\n");
        var result = site.Build();
        Assert.True(result.Succeeded, string.Join("\n", TestSite.Errors(result)));
        Assert.Contains("<p id=\"x\">9,2,3 2 1,2</p>", result.Output.Text("en/p/index.html"));
    }

    [Fact]
    public void Unknown_ui_string_is_an_error()
    {
        Assert.Contains(LayoutErrors("{{ t \"nav.hom\" }}"), e => e.StartsWith("templates/layouts/page.html:1:") && e.Contains("unknown UI string 'nav.hom' for language 'en'"));
    }

    [Fact]
    public void Missing_layout_named_in_front_matter_is_an_error_at_the_key()
    {
        using var site = new TestSite("-- content/en/p.md --\n---\ntitle: P\nlayout: pgae\n---\n");
        Assert.Contains("content/en/p.md:3:1: error: layout 'pgae' not found in templates/layouts/ (did you mean 'page'?)", TestSite.Errors(site.Build()));
    }

    [Fact]
    public void Layout_is_chosen_by_front_matter_then_section_then_kind()
    {
        using var site = new TestSite("""
            -- content/en/themes/a.md --
            ---
            title: A
            ---
            -- content/en/themes/b.md --
            ---
            title: B
            layout: special
            ---
            -- content/en/c.md --
            ---
            title: C
            ---
            -- templates/layouts/themes.html --
            section layout
            -- templates/layouts/special.html --
            special layout
            """);
        var r = site.Build();
        Assert.Contains("section layout", r.Output.Text("en/themes/a/index.html"));
        Assert.Contains("special layout", r.Output.Text("en/themes/b/index.html"));
        Assert.Contains("<h1>C</h1>", r.Output.Text("en/c/index.html"));
    }

    [Fact]
    public void A_template_can_show_other_pages_tables_of_contents_whatever_the_render_order()
    {
        // Pages are parsed as their translation group renders; a section page listing its children's headings asks for
        // tables of contents of pages that may not be parsed yet, in both orders of the parallel build.
        using var site = new TestSite("""
            -- content/en/themes/_index.md --
            ---
            title: Themes
            ---
            -- content/en/themes/a.md --
            ---
            title: A
            ---
            ## First heading

            ## Second, with *emphasis*
            -- content/en/themes/b.md --
            ---
            title: B
            ---
            ## Only heading
            -- templates/layouts/list.html --
            {{ for p in section_pages "themes" }}<h2>{{ p.title }}</h2><ul>{{ for t in p.toc }}<li>{{ t.id }}={{ t.text }}</li>{{ end }}</ul>{{ end }}
            -- templates/layouts/page.html --
            <p>prev: {{ if page.prev }}{{ page.prev.toc[0].text }}{{ end }}</p>{{ content }}
            """);
        foreach (var cores in new[] { 1, 4 })
        {
            var r = new SiteBuilder(new BuildOptions { Root = site.Root, MaxParallelism = cores }).Build();
            Assert.Contains("<h2>A</h2><ul><li>first-heading=First heading</li><li>second-with-emphasis=Second, with emphasis</li></ul><h2>B</h2><ul><li>only-heading=Only heading</li></ul>",
                r.Output.Text("en/themes/index.html"));
            Assert.Contains("<p>prev: First heading</p>", r.Output.Text("en/themes/b/index.html"));
        }
    }
}
