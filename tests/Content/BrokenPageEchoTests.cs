using SiteGen.Tests.Support;

namespace SiteGen.Tests.Content;

/// <summary>
/// A page that exists but fails to load is known but broken: its own error is the one line the author sees, and what
/// refers to it (a template's `get_page`, Markdown links, the menu, the translation) reports nothing more.
/// </summary>
public class BrokenPageEchoTests
{
    // The test site's own configuration, with a menu entry that names the broken page.
    private static readonly string Site = "-- site.yml --\n" + TestSite.DefaultConfig + "\nmenu:\n  - about.md\n" + """
        -- templates/base.html --
        <!doctype html>
        <html lang="{{ lang.tag }}"><head><meta charset="utf-8"><title>{{ page.title }}</title></head>
        <body><main>{{ main }}</main><footer><a href="{{ rel_url (get_page "about.md") }}">about</a></footer></body></html>
        -- content/zh-Hant/_index.md --
        ---
        title: 首頁
        ---
        見[關於](about.md)。
        -- content/en/_index.md --
        ---
        title: Home
        ---
        See [about](about.md).
        -- content/zh-Hant/about.md --
        ---
        title: 關於
        ---
        關於本站。
        -- content/en/about.md --
        ---
        title: About
        weight: abc
        ---
        About this site.
        """;

    [Fact]
    public void A_page_with_bad_front_matter_gives_its_own_error_and_no_other()
    {
        using var site = new TestSite(Site);
        var result = site.Build();
        Assert.Equal(["content/en/about.md:3:9: error: 'weight' must be a whole number, not 'abc'"], result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void A_page_that_is_not_there_is_still_reported()
    {
        using var site = new TestSite(Site);
        File.Delete(Path.Combine(site.Root, "content/en/about.md"));
        var errors = site.Build().Diagnostics.Where(d => d.IsError).Select(d => d.ToString()).ToArray();
        Assert.Contains("content/en/_index.md:4:5: error: link to missing page 'about.md' (no page at content/en/about.md)", errors);
        Assert.Contains(errors, e => e.Contains("error: no page 'about.md' in content/en/"));
    }
}
