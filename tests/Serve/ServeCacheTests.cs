using SiteGen.Serve;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Serve;

/// <summary>
/// `serve`'s rebuilds, in process: a page is rendered again when anything its render read changed, including what it
/// shows of other pages, and only then.
/// </summary>
public class ServeCacheTests
{
    /// <summary>A section list that shows each child page's headings (their tables of contents).</summary>
    private const string ListOfHeadings = """
        -- templates/layouts/list.html --
        <h1>{{ page.title }}</h1>
        {{ content }}
        <ol>{{ for p in (section_pages page.section) }}<li><a href="{{ rel_url p }}">{{ p.title }}</a>{{ for h in p.toc }} <span class="h">{{ h.text }}</span>{{ end }}</li>{{ end }}</ol>
        -- content/zh-Hant/_index.md --
        ---
        title: 首頁
        ---
        -- content/en/_index.md --
        ---
        title: Home
        ---
        -- content/zh-Hant/notes/_index.md --
        ---
        title: 筆記
        ---
        -- content/en/notes/_index.md --
        ---
        title: Notes
        ---
        -- content/zh-Hant/notes/a.md --
        ---
        title: 甲
        ---
        ## 記憶體

        正文。
        -- content/en/notes/a.md --
        ---
        title: A
        ---
        ## Memory supply

        Text.
        """;

    private static async Task<(ServeSession Session, StringWriter Log)> Serve(TestSite site)
    {
        var log = new StringWriter();
        var session = new ServeSession(new BuildOptions { Root = site.Root }, log);
        Assert.True((await session.RebuildAsync("Initial build")).Succeeded, log.ToString());
        return (session, log);
    }

    private static void Edit(TestSite site, string path, string from, string to)
    {
        var text = File.ReadAllText(Path.Combine(site.Root, path));
        Assert.Contains(from, text);
        site.Write(path, text.Replace(from, to));
    }

    [Fact]
    public async Task Renaming_a_childs_heading_renders_the_list_that_shows_it_again()
    {
        using var site = new TestSite(ListOfHeadings);
        var (session, log) = await Serve(site);
        Assert.Contains("Memory supply", session.Current.Text("en/notes/index.html"));

        Edit(site, "content/en/notes/a.md", "## Memory supply", "## Memory demand");
        Assert.True((await session.RebuildAsync("Changed a.md")).Succeeded);

        Assert.Contains("Memory demand", session.Current.Text("en/notes/a/index.html"));
        Assert.Contains("<span class=\"h\">Memory demand</span>", session.Current.Text("en/notes/index.html"));
        Assert.Contains("Changed a.md: rebuilt in", log.ToString());
        // The page itself and the list that shows its headings; nothing else read them.
        Assert.Contains("(2 pages rendered,", log.ToString().Split('\n').Single(l => l.StartsWith("Changed a.md")));
    }

    [Fact]
    public async Task Editing_a_childs_text_but_not_its_headings_leaves_the_list_as_it_was()
    {
        using var site = new TestSite(ListOfHeadings);
        var (session, log) = await Serve(site);

        Edit(site, "content/en/notes/a.md", "Text.", "Other text.");
        Assert.True((await session.RebuildAsync("Changed a.md")).Succeeded);

        Assert.Contains("Other text.", session.Current.Text("en/notes/a/index.html"));
        Assert.Contains("(1 pages rendered,", log.ToString().Split('\n').Single(l => l.StartsWith("Changed a.md")));
    }

    [Fact]
    public async Task A_failed_rebuild_does_not_cost_the_next_one_its_reused_pages()
    {
        using var site = new TestSite(ListOfHeadings);
        var (session, log) = await Serve(site);
        var good = File.ReadAllText(Path.Combine(site.Root, "content/en/notes/a.md"));

        // An editor that truncates the file before writing it can trigger a rebuild in between.
        site.Write("content/en/notes/a.md", "");
        Assert.False((await session.RebuildAsync("Truncated a.md")).Succeeded);
        site.Write("content/en/notes/a.md", good.Replace("Text.", "Other text."));
        Assert.True((await session.RebuildAsync("Changed a.md")).Succeeded);

        Assert.Contains("Other text.", session.Current.Text("en/notes/a/index.html"));
        Assert.Contains("(1 pages rendered,", log.ToString().Split('\n').Single(l => l.StartsWith("Changed a.md")));
    }
}
