using SiteGen.Tests.Support;

namespace SiteGen.Tests.Checks;

public class LinkCheckerTests
{
    private const string Page = "-- content/en/p.md --\n---\ntitle: P\n---\n## Same\n\ntext\n";

    [Fact]
    public void Template_links_are_checked_too()
    {
        using var site = new TestSite(Page + "-- templates/layouts/page.html --\n{{ content }}\n<a href=\"../nowhere/\">x</a>\n");
        Assert.Contains("templates/layouts/page.html:2:1: error: link to en/nowhere/index.html points to nothing in the output ('../nowhere/' while rendering en/p/index.html)", TestSite.Errors(site.Build()));
    }

    [Fact]
    public void Root_absolute_template_links_are_errors()
    {
        using var site = new TestSite(Page + "-- templates/layouts/page.html --\n<a href=\"/en/\">x</a>\n");
        Assert.Contains(TestSite.Errors(site.Build()), e => e.Contains("link '/en/' is root-absolute"));
    }

    [Fact]
    public void Duplicate_ids_are_errors()
    {
        using var site = new TestSite(Page + "-- templates/layouts/page.html --\n<p id=\"same\">a</p>{{ content }}\n");
        Assert.Contains(TestSite.Errors(site.Build()), e => e.StartsWith("en/p/index.html:") && e.EndsWith("error: duplicate id 'same' on this page"));
    }

    [Fact]
    public void External_links_are_counted_not_fetched()
    {
        using var site = new TestSite("-- content/en/p.md --\n---\ntitle: P\n---\n<https://example.org/>\n");
        var r = site.Build();
        Assert.True(r.Succeeded);
        Assert.Equal(["https://example.org/"], r.ExternalLinks);
    }

    [Fact]
    public void Markup_inside_scripts_and_styles_is_not_taken_for_links_or_ids()
    {
        using var site = new TestSite(Page + "-- templates/layouts/page.html --\n{{ content }}<script>var s = '<a href=\"../nowhere/\" id=\"same\">';</script><style>p::after { content: '<a href=x>'; }</style><textarea><a href=\"../in-textarea/\"></textarea><a href=\"../after/\">x</a>\n");
        // Only the link after them counts: the scan is back to markup once each element ends.
        var errors = TestSite.Errors(site.Build()).Where(e => e.Contains(": error: ")).ToList();
        Assert.Equal(["templates/layouts/page.html:1:171: error: link to en/after/index.html points to nothing in the output ('../after/' while rendering en/p/index.html)"], errors);
    }
}
