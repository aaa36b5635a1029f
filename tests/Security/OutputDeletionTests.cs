using SiteGen.Output;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Security;

/// <summary>
/// Replacing the output deletes nothing outside it: a link found in the previous output, in a staging folder or in the
/// leftovers of a killed build is unlinked, never followed; an output folder given as a link is built into its target.
/// </summary>
public class OutputDeletionTests
{
    private const string Pages = """
        -- content/en/p.md --
        ---
        title: Page
        ---
        Text.
        """;

    private static OutsideFolder Photos()
    {
        var photos = new OutsideFolder();
        photos.Write("cat.jpg", "a photo");
        photos.Write("2026/dog.jpg", "another photo");
        return photos;
    }

    private static void AssertIntact(OutsideFolder photos)
    {
        Assert.Equal("a photo", File.ReadAllText(photos.PathOf("cat.jpg")));
        Assert.Equal("another photo", File.ReadAllText(photos.PathOf("2026/dog.jpg")));
    }

    [Fact]
    public void A_folder_link_in_the_previous_output_is_unlinked_not_emptied()
    {
        using var photos = Photos();
        using var site = new TestSite(Pages);
        Assert.True(site.BuildToDisk().Written);
        site.Link("build/media", photos.Root);
        site.Link("build/en/photo.jpg", photos.PathOf("cat.jpg"));
        Assert.True(site.BuildToDisk().Written);
        AssertIntact(photos);
        Assert.False(Path.Exists(Path.Combine(site.Out, "media")));
        Assert.True(File.Exists(Path.Combine(site.Out, "en/p/index.html")));
    }

    [Fact]
    public void A_link_in_a_leftover_staging_folder_is_unlinked_not_emptied()
    {
        using var photos = Photos();
        using var site = new TestSite(Pages);
        Directory.CreateDirectory(Path.Combine(site.Root, ".build.staging-0123/en"));
        site.Link(".build.staging-0123/en/media", photos.Root);
        site.Link(".build.staging-4567", photos.Root); // a leftover's name on a link: only the link goes
        Directory.CreateDirectory(Path.Combine(site.Root, ".build.old-89ab"));
        File.WriteAllText(Path.Combine(site.Root, ".build.old-89ab", OutputGuard.Marker), "");
        site.Link(".build.old-89ab/media", photos.Root);
        Assert.True(site.BuildToDisk().Written);
        AssertIntact(photos);
        Assert.Empty(Directory.EnumerateFileSystemEntries(site.Root, ".build.*"));
    }

    [Fact]
    public void Deleting_a_tree_unlinks_links_and_leaves_their_targets()
    {
        using var photos = Photos();
        using var site = new TestSite("");
        site.Write("tree/a/b/page.html", "x");
        site.Link("tree/a/photos", photos.Root);
        site.Link("tree/a/b/cat.jpg", photos.PathOf("cat.jpg"));
        site.Link("tree/a/b/nothing", "missing");
        TreeDeleter.Delete(Path.Combine(site.Root, "tree"));
        Assert.False(Path.Exists(Path.Combine(site.Root, "tree")));
        AssertIntact(photos);

        site.Link("link", photos.Root); // a link given itself is only unlinked
        TreeDeleter.Delete(Path.Combine(site.Root, "link"));
        Assert.False(Links.IsLink(Path.Combine(site.Root, "link")));
        AssertIntact(photos);
    }

    [Fact]
    public void An_output_folder_given_as_a_link_is_built_into_its_target_and_stays_a_link()
    {
        using var target = new OutsideFolder();
        using var site = new TestSite(Pages);
        site.Link("out", target.Root);
        var outLink = Path.Combine(site.Root, "out");
        for (var i = 0; i < 2; i++) // the second build replaces the first through the link
        {
            var (code, _, err) = CliRunner.Run("build", "--root", site.Root, "--out", outLink);
            Assert.True(code == 0, err);
            Assert.True(Links.IsLink(outLink));
            Assert.True(File.Exists(Path.Combine(target.Root, "en/p/index.html")));
            Assert.True(File.Exists(Path.Combine(target.Root, OutputGuard.Marker)));
        }
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(target.Root)!, $".{Path.GetFileName(target.Root)}.*"));
    }

    [Fact]
    public void An_output_link_to_a_folder_sitegen_did_not_make_is_refused_and_left_alone()
    {
        using var photos = Photos();
        using var site = new TestSite(Pages);
        site.Link("build", photos.Root);
        var (code, _, err) = CliRunner.Run("build", "--root", site.Root);
        Assert.Equal(2, code);
        Assert.Equal($"error: refusing to replace {photos.Root}: it is not empty and was not created by SiteGen (no .sitegen file)", err.TrimEnd('\n'));
        AssertIntact(photos);
        Assert.True(Links.IsLink(site.Out));
    }

    [Fact]
    public void An_output_link_to_nothing_is_refused()
    {
        using var site = new TestSite(Pages);
        site.Link("build", "nowhere");
        var (code, _, err) = CliRunner.Run("build", "--root", site.Root);
        Assert.Equal(2, code);
        Assert.Equal($"error: refusing to use {site.Out} as output folder: it is a symbolic link to nothing (nowhere)", err.TrimEnd('\n'));
    }

    /// <summary>The swap is one exchange: at no moment is either folder missing (a kill between two renames left no output). Linux only.</summary>
    [Fact]
    public void The_exchange_swaps_two_folders_in_one_step()
    {
        using var site = new TestSite("");
        site.Write("a/old.html", "old");
        site.Write("b/new.html", "new");
        var (a, b) = (Path.Combine(site.Root, "a"), Path.Combine(site.Root, "b"));
        Assert.True(Posix.TryExchange(a, b));
        Assert.Equal(["new.html"], Directory.EnumerateFiles(a).Select(Path.GetFileName));
        Assert.Equal(["old.html"], Directory.EnumerateFiles(b).Select(Path.GetFileName));
    }
}
