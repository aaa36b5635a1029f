using SiteGen.Diagnostics;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Content;

/// <summary>A page's body is not held from loading to rendering: it is read again from its file, which must not have changed.</summary>
public class BodySourceTests
{
    private const string Page = "---\ntitle: X\n---\n\n第一段。\r\nSecond line.\n";

    /// <summary>A site whose one page has exactly these bytes (the test site's own format would turn CRLF into LF).</summary>
    private static (TestSite Site, SiteGen.Content.Page Page) Loaded(string page = Page, bool bom = false, bool serve = false)
    {
        var site = new TestSite("-- content/en/x.md --\n---\ntitle: placeholder\n---\n");
        site.WriteBytes("content/en/x.md", [.. bom ? "\uFEFF"u8 : [], .. System.Text.Encoding.UTF8.GetBytes(page)]);
        var bag = new DiagnosticBag();
        var loaded = new SiteBuilder(new BuildOptions { Root = site.Root, Cache = serve ? new SiteGen.Incremental.RenderCache() : null }).Load(bag);
        Assert.False(bag.HasErrors);
        return (site, loaded!.Index.BySource("content/en/x.md")!);
    }

    [Fact]
    public void The_body_read_again_is_the_one_loaded()
    {
        var (site, page) = Loaded();
        using var _ = site;
        Assert.Equal(-1, page.BodyFile!.ByteStart); // a CRLF in the file: the body is found by loading the text again
        var bag = new DiagnosticBag();
        Assert.Equal("\n第一段。\nSecond line.\n", page.ReadBody(bag)); // split and CRLF-normalised as at loading
        Assert.Equal("\n第一段。\nSecond line.\n", page.ReadBody(bag)); // not held: read from the file each time
        Assert.Empty(bag.Sorted());
    }

    [Fact]
    public void A_body_is_read_from_its_byte_offset_after_a_bom_and_multibyte_front_matter()
    {
        var (site, page) = Loaded("---\ntitle: 標題「引號」\n---\n正文 body\n\n第二段。\n", bom: true);
        using var _ = site;
        // No CR: the body is cut from the bytes, past the BOM (3 bytes) and the front matter's 3-byte characters.
        Assert.Equal(3 + "---\ntitle: 標題「引號」\n---\n"u8.Length, page.BodyFile!.ByteStart);
        var bag = new DiagnosticBag();
        Assert.Equal("正文 body\n\n第二段。\n", page.ReadBody(bag));
    }

    [Fact]
    public void A_file_edited_after_loading_is_reported_not_rendered()
    {
        var (site, page) = Loaded();
        using var _ = site;
        site.Write("content/en/x.md", Page.Replace("Second", "Edited"));
        var bag = new DiagnosticBag();
        Assert.Null(page.ReadBody(bag));
        Assert.Equal(["content/en/x.md: error: changed while the site was being built (build again)"], bag.Sorted().Select(d => d.ToString()));
    }

    [Fact]
    public void A_file_deleted_after_loading_is_reported()
    {
        var (site, page) = Loaded();
        using var _ = site;
        File.Delete(Path.Combine(site.Root, "content/en/x.md"));
        var bag = new DiagnosticBag();
        Assert.Null(page.ReadBody(bag));
        var error = Assert.Single(bag.Sorted()).ToString();
        Assert.StartsWith("content/en/x.md: error: cannot be read any more: ", error);
    }

    [Fact]
    public void Serve_keeps_bodies_so_a_save_during_a_rebuild_does_not_fail_it()
    {
        var (site, page) = Loaded(serve: true);
        using var _ = site;
        site.Write("content/en/x.md", Page.Replace("Second", "Edited")); // saved after loading, before rendering
        Assert.Null(page.BodyFile);
        var rendering = new DiagnosticBag();
        Assert.Equal("\n第一段。\nSecond line.\n", page.ReadBody(rendering)); // the version loaded; the next rebuild takes the new one
        Assert.Empty(rendering.Sorted());
    }

    [Fact]
    public void A_page_made_from_text_keeps_its_body()
    {
        using var site = new TestSite("-- content/en/x.md --\n---\ntitle: X\n---\nBody\n");
        var bag = new DiagnosticBag();
        var loaded = new SiteBuilder(new BuildOptions { Root = site.Root }).Load(bag)!;
        var page = new SiteGen.Content.ContentLoader(loaded.Config, bag, false)
            .Parse("---\ntitle: Y\n---\nText\n", "content/en/y.md", loaded.Config.Default, "y.md")!;
        Assert.Null(page.BodyFile);
        Assert.Equal("Text\n", page.ReadBody(bag));
    }
}
