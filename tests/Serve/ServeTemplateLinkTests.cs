using SiteGen.Serve;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Serve;

/// <summary>
/// `serve`'s rebuilds read the templates the way a build does (through the site's files: hidden names skipped, links
/// resolved inside the site), also when they work out what every page depends on.
/// </summary>
public class ServeTemplateLinkTests
{
    private const string Pages = """
        -- content/zh-Hant/p.md --
        ---
        title: 頁
        ---
        -- content/en/p.md --
        ---
        title: Page
        ---

        """;

    [Fact]
    public async Task An_editors_lock_file_in_templates_does_not_break_a_rebuild()
    {
        using var site = new TestSite(Pages);
        // Emacs marks a file being edited with a dangling link named `.#<file>`.
        File.CreateSymbolicLink(Path.Combine(site.Root, "templates", ".#base.html"), "someone@host.4242:1700000000");
        var log = new StringWriter();
        var session = new ServeSession(new BuildOptions { Root = site.Root }, log);

        var result = await session.RebuildAsync("Initial build");

        Assert.True(result.Succeeded, log.ToString());
    }

    [Fact]
    public async Task A_template_linked_outside_the_site_is_reported_not_read()
    {
        using var site = new TestSite(Pages);
        File.CreateSymbolicLink(Path.Combine(site.Root, "templates", "partials", "secret.html"), "/dev/zero");
        var log = new StringWriter();
        var session = new ServeSession(new BuildOptions { Root = site.Root }, log);

        var result = await session.RebuildAsync("Initial build");

        Assert.False(result.Succeeded);
        Assert.Contains("templates/partials/secret.html: error: symbolic link points outside the site (/dev/zero)", log.ToString());
    }
}
