using SiteGen.Tests.Support;

namespace SiteGen.Tests.Security;

/// <summary>
/// Nothing outside the site is read: every file a build reads (content, templates, partials, assets, site.yml) is
/// followed through its links and refused, at its own path, when it ends outside the site root, dangles or loops.
/// Links that stay inside the site keep working.
/// </summary>
public class SymlinkReadTests
{
    private const string Pages = """
        -- content/zh-Hant/p.md --
        ---
        title: 頁
        ---
        內容。
        -- content/en/p.md --
        ---
        title: Page
        ---
        Text.
        """;

    private const string Secret = "root:x:0:0:SECRET";

    private static string[] Errors(BuildResult r) => r.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()).ToArray();

    private static bool Leaks(BuildResult r) => r.Output.Files.Any(f => System.Text.Encoding.UTF8.GetString(f.Value).Contains("SECRET"));

    [Theory]
    [InlineData("content/en/notes.txt")]
    [InlineData("content/en/q.md")]
    [InlineData("templates/partials/switch.html")]
    [InlineData("templates/layouts/page.html")]
    [InlineData("templates/assets/x.css")]
    [InlineData("templates/assets/site.css")]
    public void A_file_linked_outside_the_site_is_an_error_at_its_path(string path)
    {
        using var outside = new OutsideFolder();
        var secret = outside.Write("secret", $"---\ntitle: {Secret}\n---\n{Secret}\n");
        using var site = new TestSite(Pages);
        site.Link(path, secret);
        var result = site.Build();
        Assert.Equal([$"{path}: error: symbolic link points outside the site ({secret})"], Errors(result));
        Assert.False(Leaks(result));
    }

    [Fact]
    public void Site_yml_linked_outside_the_site_is_an_error()
    {
        using var outside = new OutsideFolder();
        var config = outside.Write("site.yml", TestSite.DefaultConfig);
        using var site = new TestSite(Pages);
        site.Link("site.yml", config);
        Assert.Equal([$"site.yml: error: symbolic link points outside the site ({config})"], Errors(site.Build()));
    }

    [Fact]
    public void A_folder_linked_outside_the_site_is_not_walked()
    {
        using var outside = new OutsideFolder();
        outside.Write("notes/leak.md", $"---\ntitle: {Secret}\n---\n{Secret}\n");
        outside.Write("notes/deeper/leak.txt", Secret);
        using var site = new TestSite(Pages);
        site.Link("content/en/notes", outside.PathOf("notes"));
        var result = site.Build();
        Assert.Equal([$"content/en/notes: error: symbolic link points outside the site ({outside.PathOf("notes")})"], Errors(result));
        Assert.DoesNotContain(result.Output.Paths, p => p.Contains("leak"));
        Assert.False(Leaks(result));
    }

    [Fact]
    public void A_link_through_a_folder_link_that_leaves_the_site_is_caught()
    {
        // The file link's own target reads as inside the site; only resolving every component shows where it ends.
        using var outside = new OutsideFolder();
        outside.Write("notes/leak.txt", Secret);
        using var site = new TestSite(Pages);
        site.Link("media", outside.PathOf("notes"));
        site.Link("content/en/leak.txt", "../../media/leak.txt");
        var result = site.Build();
        Assert.Equal([$"content/en/leak.txt: error: symbolic link points outside the site ({outside.PathOf("notes/leak.txt")})"], Errors(result));
        Assert.False(Leaks(result));
    }

    [Fact]
    public void The_content_folder_itself_linked_outside_is_refused()
    {
        using var outside = new OutsideFolder();
        outside.Write("content/en/leak.md", $"---\ntitle: {Secret}\n---\n");
        using var site = new TestSite("");
        site.Link("content", outside.PathOf("content"));
        var result = site.Build();
        Assert.Equal([$"content: error: symbolic link points outside the site ({outside.PathOf("content")})"], Errors(result));
        Assert.False(Leaks(result));
    }

    [Fact]
    public void A_link_loop_is_one_error_per_link()
    {
        using var site = new TestSite(Pages);
        site.Link("content/en/a.md", "b.md");
        site.Link("content/en/b.md", "a.md");
        Assert.Equal([
            "content/en/a.md: error: symbolic link makes a loop (it leads back to itself)",
            "content/en/b.md: error: symbolic link makes a loop (it leads back to itself)",
        ], Errors(site.Build()));
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("../..")]
    public void A_folder_link_to_a_folder_that_contains_it_is_an_error_not_a_hang(string target)
    {
        using var site = new TestSite(Pages);
        site.Link("content/en/again", target);
        var real = Path.GetFullPath(Path.Combine(site.Root, "content/en", target)).TrimEnd('/');
        var error = Assert.Single(Errors(site.Build()));
        Assert.Equal($"content/en/again: error: symbolic link makes a loop: it points to a folder that contains it ({real})", error);
    }

    [Fact]
    public void A_dangling_link_is_an_error_at_its_path()
    {
        using var site = new TestSite(Pages);
        site.Link("content/en/gone.png", "missing.png");
        Assert.Equal(["content/en/gone.png: error: symbolic link points to nothing (missing.png)"], Errors(site.Build()));
    }

    [Fact]
    public void Links_that_stay_inside_the_site_keep_working()
    {
        using var site = new TestSite(Pages + """

            -- shared/pic.png --
            PNG
            -- shared/media/photo.jpg --
            JPG
            -- shared/switch.html --
            <nav>shared switch</nav>
            -- shared/site.css --
            body { color: red }
            -- content/zh-Hant/gallery/cat.txt --
            cat
            """);
        site.Link("content/en/pic.png", "../../shared/pic.png");
        site.Link("content/en/media", "../../shared/media");
        site.Link("content/en/gallery", "../zh-Hant/gallery"); // a sibling folder, not one that contains the link
        site.Link("templates/partials/switch.html", "../../shared/switch.html");
        site.Link("templates/assets/site.css", Path.Combine(site.Root, "shared/site.css")); // absolute, still inside
        var result = site.Build();
        Assert.Empty(Errors(result));
        Assert.Equal("PNG\n", result.Output.Text("en/pic.png"));
        Assert.Equal("JPG\n", result.Output.Text("en/media/photo.jpg"));
        Assert.Equal("cat\n", result.Output.Text("en/gallery/cat.txt"));
        Assert.Contains("shared switch", result.Output.Text("en/p/index.html"));
        Assert.Contains(result.Output.Files, f => f.Key.StartsWith("assets/site.") && System.Text.Encoding.UTF8.GetString(f.Value).Contains("red"));
    }

    [Fact]
    public void Hidden_dangling_links_such_as_editor_lock_files_are_skipped()
    {
        using var site = new TestSite(Pages);
        site.Link("content/en/.#p.md", "user@host.1234:1700000000"); // what Emacs leaves beside a file being edited
        Assert.Empty(Errors(site.Build()));
    }

    [Fact]
    public void Build_with_a_link_out_of_the_site_exits_1_and_writes_nothing()
    {
        using var outside = new OutsideFolder();
        var secret = outside.Write("passwd", Secret);
        using var site = new TestSite(Pages);
        site.Link("content/en/notes.txt", secret);
        var (code, _, err) = CliRunner.Run("build", "--root", site.Root);
        Assert.Equal(1, code);
        Assert.Equal($"content/en/notes.txt: error: symbolic link points outside the site ({secret})", err.TrimEnd('\n'));
        Assert.False(Directory.Exists(site.Out));
    }

    [Fact]
    public void Build_with_a_link_loop_exits_1_with_one_line()
    {
        using var site = new TestSite(Pages);
        site.Link("content/en/loop.md", "loop.md");
        var (code, _, err) = CliRunner.Run("build", "--root", site.Root);
        Assert.Equal(1, code);
        Assert.Equal("content/en/loop.md: error: symbolic link makes a loop (it leads back to itself)", err.TrimEnd('\n'));
    }

    [Fact]
    public async Task Serve_does_not_serve_a_file_linked_outside_the_site()
    {
        using var outside = new OutsideFolder();
        var secret = outside.Write("passwd", Secret);
        using var site = new TestSite(Pages);
        site.Link("content/en/notes.txt", secret);
        var session = new SiteGen.Serve.ServeSession(new BuildOptions { Root = site.Root }, TextWriter.Null);
        var result = await session.RebuildAsync("test");
        Assert.Equal([$"content/en/notes.txt: error: symbolic link points outside the site ({secret})"], Errors(result));
        Assert.False(session.Current.Contains("en/notes.txt"));
    }
}

/// <summary>Between the check of a path and the read of its file, the path may change: the file actually opened is checked.</summary>
public class SwappedFolderTests
{
    /// <summary>
    /// Folders found plain when the site is listed are trusted after that (bodies are read again when they render, long
    /// after the listing). One swapped for a link out of the site in between must not be read through.
    /// </summary>
    [Fact]
    public void A_folder_swapped_for_a_link_after_it_was_listed_is_refused_when_its_file_is_read()
    {
        using var outside = new OutsideFolder();
        outside.Write("notes/secret.md", "root:x:0:0:SECRET");
        using var site = new TestSite("-- content/en/notes/secret.md --\nharmless\n");
        var files = new SiteFiles(site.Root);
        var bag = new SiteGen.Diagnostics.DiagnosticBag();
        var entry = files.List("content", bag)!.Single(e => e.Relative == "en/notes/secret.md");
        Directory.Delete(Path.Combine(site.Root, "content/en/notes"), recursive: true);
        site.Link("content/en/notes", outside.PathOf("notes"));

        var read = files.Read(entry.FullPath, "content/en/notes/secret.md", SiteFiles.Text, bag);

        Assert.Null(read);
        var real = SiteGen.Posix.RealPath(outside.PathOf("notes/secret.md"), out _, out _);
        Assert.Equal([$"content/en/notes/secret.md: error: symbolic link points outside the site ({real})"], bag.Sorted().Select(d => d.ToString()));
    }
}

/// <summary>`new` writes pages only inside the site: never through a folder link that leaves it.</summary>
public class NewPageLinkTests
{
    [Fact]
    public void New_refuses_to_write_through_a_folder_link_out_of_the_site()
    {
        using var outside = new OutsideFolder();
        Directory.CreateDirectory(outside.PathOf("themes"));
        using var site = new TestSite("-- content/zh-Hant/_index.md --\n---\ntitle: 首頁\n---\n-- content/en/_index.md --\n---\ntitle: Home\n---\n");
        site.Link("content/en/themes", outside.PathOf("themes"));
        var (code, _, err) = CliRunner.Run("new", "--root", site.Root, "themes/energy");
        Assert.Equal(1, code);
        Assert.Equal($"content/en/themes: error: symbolic link points outside the site ({outside.PathOf("themes")})", err.TrimEnd('\n'));
        Assert.Empty(Directory.EnumerateFileSystemEntries(outside.PathOf("themes")));
        Assert.False(File.Exists(Path.Combine(site.Root, "content/zh-Hant/themes/energy.md")));
    }
}
