using SiteGen.Tests.Support;

namespace SiteGen.Tests.Security;

/// <summary>A file over its documented limit is an error at its path that names the limit, found without reading the file.</summary>
public class FileSizeLimitTests
{
    private const string Pages = """
        -- content/en/p.md --
        ---
        title: Page
        ---
        Text.
        """;

    private static string[] Errors(BuildResult r) => r.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()).ToArray();

    /// <summary>A file of this many MB that takes no time to write: a sparse file, all zeros.</summary>
    private static void Sparse(TestSite site, string path, long bytes)
    {
        var full = Path.Combine(site.Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        using var file = new FileStream(full, FileMode.Create);
        file.SetLength(bytes);
    }

    [Fact]
    public void A_markdown_file_over_the_limit_is_an_error_naming_the_limit()
    {
        using var site = new TestSite(Pages);
        site.Write("content/en/big.md", "---\ntitle: Big\n---\n" + new string('x', 5 << 20));
        Assert.Equal(["content/en/big.md: error: file is 5.0 MB, over the 4 MB limit for Markdown, template and site.yml files (split it into smaller pages)"],
            Errors(site.Build()));
    }

    [Fact]
    public void A_markdown_file_at_the_limit_builds()
    {
        using var site = new TestSite(Pages);
        var head = "---\ntitle: Big\n---\n";
        site.Write("content/en/big.md", head + new string('x', (int)SiteFiles.Text.Bytes - head.Length));
        Assert.Empty(Errors(site.Build()));
    }

    [Theory]
    [InlineData("templates/partials/switch.html")]
    [InlineData("site.yml")]
    public void A_template_or_site_yml_over_the_limit_is_an_error(string path)
    {
        using var site = new TestSite(Pages);
        Sparse(site, path, 50L << 20);
        Assert.Equal([$"{path}: error: file is 50 MB, over the 4 MB limit for Markdown, template and site.yml files (split it into smaller pages)"],
            Errors(site.Build()));
    }

    [Theory]
    [InlineData("content/en/film.mp4")]
    [InlineData("templates/assets/font.woff2")]
    public void An_asset_over_the_limit_is_an_error_naming_the_limit(string path)
    {
        using var site = new TestSite(Pages);
        Sparse(site, path, 101L << 20);
        Assert.Equal([$"{path}: error: file is 101 MB, over the 100 MB limit for assets (host large media elsewhere and link to it)"],
            Errors(site.Build()));
    }

    [Fact]
    public void A_page_through_a_link_is_measured_at_its_target()
    {
        using var site = new TestSite(Pages);
        Sparse(site, "drafts/huge.md", 50L << 20);
        site.Link("content/en/huge.md", "../../drafts/huge.md");
        Assert.Equal(["content/en/huge.md: error: file is 50 MB, over the 4 MB limit for Markdown, template and site.yml files (split it into smaller pages)"],
            Errors(site.Build()));
    }
}
