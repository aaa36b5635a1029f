using SiteGen.Output;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Output;

public class OutputTests
{
    private const string Pair = """
        -- content/zh-Hant/p.md --
        ---
        title: 頁
        ---
        中文
        -- content/en/p.md --
        ---
        title: Page
        ---
        English
        """;

    [Fact]
    public void Failed_build_leaves_previous_output_byte_for_byte()
    {
        using var site = new TestSite(Pair);
        Assert.True(site.BuildToDisk().Written);
        var before = Snapshot.Of(ReadTree(site.Out));
        site.Write("content/en/p.md", "---\ntitle: [broken\n---\n");
        var failed = site.BuildToDisk();
        Assert.False(failed.Succeeded);
        Assert.False(failed.Written);
        Assert.Equal(before, Snapshot.Of(ReadTree(site.Out)));
        Assert.Empty(Directory.EnumerateDirectories(site.Root, ".build.*"));
    }

    [Fact]
    public void Two_builds_are_byte_identical()
    {
        using var site = new TestSite(Pair);
        Assert.Equal(Snapshot.Of(site.Build().Output), Snapshot.Of(site.Build().Output));
    }

    [Fact]
    public void Parallel_build_output_equals_a_single_threaded_build()
    {
        var single = new SiteBuilder(new BuildOptions { Root = Repo.Root, MaxParallelism = 1 }).Build();
        var parallel = new SiteBuilder(new BuildOptions { Root = Repo.Root, MaxParallelism = 4 }).Build();
        Assert.Equal(Snapshot.Of(single.Output), Snapshot.Of(parallel.Output));
        Assert.Equal(single.Diagnostics, parallel.Diagnostics);
    }

    [Fact]
    public void A_build_streamed_to_disk_equals_the_build_in_memory()
    {
        // `build` writes each page as it is made; `check`, `serve` and the snapshots keep them in memory.
        var outDir = Path.Combine(Path.GetTempPath(), "sitegen-stream-" + Guid.NewGuid().ToString("N")[..8], "build");
        try
        {
            var streamed = new SiteBuilder(new BuildOptions { Root = Repo.Root, OutputDir = outDir }).Build();
            var inMemory = new SiteBuilder(new BuildOptions { Root = Repo.Root }).Build();
            Assert.True(streamed.Written);
            File.Delete(Path.Combine(outDir, OutputGuard.Marker));
            Assert.Equal(Snapshot.Of(inMemory.Output), Snapshot.Of(ReadTree(outDir)));
            Assert.Equal(inMemory.Output.Paths, streamed.Output.Paths);
            Assert.Throws<InvalidOperationException>(() => streamed.Output.Bytes("index.html")); // on disk, not kept
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(outDir)!, recursive: true);
        }
    }

    [Fact]
    public void Missing_translation_warns_and_switcher_says_so()
    {
        using var site = new TestSite("-- content/en/only.md --\n---\ntitle: Only\n---\n");
        var r = site.Build();
        Assert.True(r.Succeeded);
        Assert.Equal(["content/en/only.md: warning: no zh-Hant translation (expected content/zh-Hant/only.md or a page with translation_key 'only')"], TestSite.Errors(r));
        Assert.Contains("<span class=\"switch\">Not translated yet</span>", r.Output.Text("en/only/index.html"));
    }

    [Fact]
    public void Translation_key_pairs_differently_named_files()
    {
        using var site = new TestSite("-- content/en/chips.md --\n---\ntitle: Chips\ntranslation_key: chips\n---\n-- content/zh-Hant/jingpian.md --\n---\ntitle: 晶片\ntranslation_key: chips\n---\n");
        var r = site.Build();
        Assert.Empty(TestSite.Errors(r));
        Assert.Contains("href=\"../../zh/jingpian/\"", r.Output.Text("en/chips/index.html"));
    }

    [Fact]
    public void Duplicate_output_urls_name_both_files()
    {
        using var site = new TestSite("-- content/en/a.md --\n---\ntitle: A\nslug: same\n---\n-- content/en/same.md --\n---\ntitle: B\n---\n");
        Assert.Contains("content/en/a.md:1:1: error: pages content/en/a.md and content/en/same.md both write to /en/same/ (change one file's name or `slug`)", TestSite.Errors(site.Build()));
    }

    [Fact]
    public void Drafts_are_left_out_unless_asked_for()
    {
        using var site = new TestSite("-- content/en/d.md --\n---\ntitle: D\ndraft: true\n---\n");
        Assert.False(site.Build().Output.Contains("en/d/index.html"));
        var withDrafts = new SiteBuilder(new BuildOptions { Root = site.Root, IncludeDrafts = true }).Build();
        Assert.True(withDrafts.Output.Contains("en/d/index.html"));
    }

    [Fact]
    public void Assets_get_a_content_hash_in_their_name()
    {
        using var site = new TestSite(Pair);
        var r = site.Build();
        var css = Assert.Single(r.Output.Paths, p => p.StartsWith("assets/site.") && p.EndsWith(".css"));
        Assert.Matches(@"^assets/site\.[0-9a-f]{10}\.css$", css);
        Assert.Contains($"href=\"../../{css}\"", r.Output.Text("en/p/index.html"));
    }

    [Fact]
    public void Sitemap_and_absolute_urls_only_with_base_url()
    {
        using var site = new TestSite(Pair);
        Assert.False(site.Build().Output.Contains("sitemap.xml"));
        var r = site.Build("https://example.org/sub/");
        var sitemap = r.Output.Text("sitemap.xml");
        Assert.Contains("<loc>https://example.org/sub/en/p/</loc>", sitemap);
        Assert.Contains("<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"https://example.org/sub/zh/p/\" />", sitemap);
        Assert.Contains("Sitemap: https://example.org/sub/sitemap.xml", r.Output.Text("robots.txt"));
    }

    [Fact]
    public void Output_guard_refuses_folders_it_did_not_create()
    {
        using var site = new TestSite(Pair);
        var foreign = Path.Combine(site.Root, "docs");
        Directory.CreateDirectory(foreign);
        File.WriteAllText(Path.Combine(foreign, "keep.txt"), "mine");
        Assert.Contains("not created by SiteGen", OutputGuard.Check(site.Root, foreign));
        Assert.Contains("holds the site", OutputGuard.Check(site.Root, site.Root));
        Assert.Contains("content/", OutputGuard.Check(site.Root, Path.Combine(site.Root, "content", "x")));
        Assert.Null(OutputGuard.Check(site.Root, site.Out));
        site.BuildToDisk();
        Assert.Null(OutputGuard.Check(site.Root, site.Out));
    }

    [Fact]
    public void Next_build_clears_what_a_killed_build_left_and_nothing_else()
    {
        using var site = new TestSite(Pair);
        site.Write(".build.staging-0123/en/half.html", "<p>half");
        site.Write(".build.old-4567/notes.txt", "not ours: no marker");
        Assert.True(site.BuildToDisk().Written);
        Assert.False(Directory.Exists(Path.Combine(site.Root, ".build.staging-0123")));
        Assert.True(File.Exists(Path.Combine(site.Root, ".build.old-4567", "notes.txt")));
        Assert.True(File.Exists(Path.Combine(site.Out, OutputGuard.Marker)));
    }

    private static OutputTree ReadTree(string dir)
    {
        var tree = new OutputTree();
        foreach (var f in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
            tree.Add(Path.GetRelativePath(dir, f).Replace('\\', '/'), File.ReadAllBytes(f));
        return tree;
    }
}
