using SiteGen.Serve;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Serve;

/// <summary>
/// `serve`'s preview of an edit, in process: the edited page and the pages open in a browser are served at once, as a
/// full build renders them; every other page waits for the full build; nothing older than an edit is ever served.
/// </summary>
public class ServePreviewTests
{
    /// <summary>A section list that shows each child page's headings, and a page that shows nothing of others.</summary>
    private const string Site = """
        -- templates/layouts/list.html --
        <h1>{{ page.title }}</h1>
        {{ content }}
        <ol>{{ for p in (section_pages page.section) }}<li>{{ p.title }}{{ for h in p.toc }} <span class="h">{{ h.text }}</span>{{ end }}</li>{{ end }}</ol>
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
        Notes intro.
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
        -- content/zh-Hant/about.md --
        ---
        title: 關於
        ---
        -- content/en/about.md --
        ---
        title: About
        ---
        About this site.
        -- content/en/notes/data.txt --
        1, 2, 3
        """;

    private const string A = "content/en/notes/a.md", APage = "en/notes/a/index.html", List = "en/notes/index.html", About = "en/about/index.html";

    private static async Task<ServeSession> Serve(TestSite site)
    {
        var session = new ServeSession(new BuildOptions { Root = site.Root }, TextWriter.Null);
        Assert.True((await session.RebuildAsync("Initial build")).Succeeded);
        return session;
    }

    private static void Edit(TestSite site, string path, string from, string to)
    {
        var text = File.ReadAllText(Path.Combine(site.Root, path));
        Assert.Contains(from, text);
        site.Write(path, text.Replace(from, to));
    }

    private static async Task Change(ServeSession session, params string[] paths) => await session.PreviewAsync(session.Note(paths), "edit");

    /// <summary>The page as served now, or null when its request waits for the full build.</summary>
    private static string? ServedNow(ServeSession session, string path)
    {
        var tree = session.OutputFor(path, CancellationToken.None);
        return tree.IsCompleted ? tree.Result.Text(path) : null;
    }

    [Fact]
    public async Task The_edited_page_and_the_open_list_that_shows_its_headings_are_served_at_once_the_rest_after_the_full_build()
    {
        using var site = new TestSite(Site);
        var session = await Serve(site);
        var onA = session.Subscribe(APage);
        var onList = session.Subscribe(List);
        var onAbout = session.Subscribe(About);
        var aboutBefore = session.Current.Text(About);

        Edit(site, A, "## Memory supply", "## Memory demand");
        await Change(session, A);

        Assert.Contains("Memory demand", ServedNow(session, APage));
        Assert.Contains("<span class=\"h\">Memory demand</span>", ServedNow(session, List));
        Assert.True(onA.TryRead(out var reload) && reload.StartsWith("event: reload"));
        Assert.True(onList.TryRead(out _));
        // The about page is open too, and the edit did not change it: shown at once, not reloaded.
        Assert.Equal(aboutBefore, ServedNow(session, About));
        Assert.False(onAbout.TryRead(out _));
        // The page's images are served at once too: the edit did not touch them.
        Assert.Equal(session.Current.Text("en/notes/data.txt"), ServedNow(session, "en/notes/data.txt"));
        // Not open, not edited: waits for the full build rather than being served as it was.
        var waiting = session.OutputFor("en/index.html", CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        var previewed = ServedNow(session, APage);
        Assert.True((await session.RebuildAsync("full build")).Succeeded);
        Assert.Equal(previewed, session.Current.Text(APage));
        Assert.Same(session.Current, await waiting);
        Assert.Contains("<span class=\"h\">Memory demand</span>", session.Current.Text(List));
        // The previewed pages are what the full build made: no second reload for them.
        Assert.False(onA.TryRead(out _));
    }

    [Fact]
    public async Task A_second_edit_before_the_full_build_is_previewed_with_the_first()
    {
        using var site = new TestSite(Site);
        var session = await Serve(site);
        session.Subscribe(List);

        Edit(site, A, "## Memory supply", "## Memory demand");
        await Change(session, A);
        Edit(site, "content/en/notes/_index.md", "Notes intro.", "Notes, edited.");
        await Change(session, "content/en/notes/_index.md");

        var list = ServedNow(session, List);
        Assert.Contains("Notes, edited.", list);
        Assert.Contains("<span class=\"h\">Memory demand</span>", list);
        Assert.Contains("Memory demand", ServedNow(session, APage));
    }

    [Fact]
    public async Task The_same_heading_edited_twice_before_the_full_build_is_shown_as_last_saved()
    {
        using var site = new TestSite(Site);
        var session = await Serve(site);
        session.Subscribe(List);
        Edit(site, A, "## Memory supply", "## Memory demand");
        await Change(session, A);
        Edit(site, A, "## Memory demand", "## Memory prices");
        await Change(session, A);

        Assert.Contains("<span class=\"h\">Memory prices</span>", ServedNow(session, List));
        Assert.Contains("Memory prices", ServedNow(session, APage));
    }

    [Fact]
    public async Task After_a_new_full_build_the_preview_follows_the_edits_since_it()
    {
        using var site = new TestSite(Site);
        var session = await Serve(site);
        session.Subscribe(List);
        Edit(site, A, "## Memory supply", "## Memory demand");
        await Change(session, A);
        Assert.True((await session.RebuildAsync("full build")).Succeeded);

        Edit(site, A, "## Memory demand", "## Memory prices");
        await Change(session, A);

        Assert.Contains("<span class=\"h\">Memory prices</span>", ServedNow(session, List));
    }

    [Fact]
    public async Task An_edit_is_never_served_from_the_preview_of_the_one_before()
    {
        using var site = new TestSite(Site);
        var session = await Serve(site);
        Edit(site, A, "Text.", "Text, edited.");
        await Change(session, A);
        Assert.Contains("Text, edited.", ServedNow(session, APage));

        // A title changes the index: no preview, so the page waits for the full build.
        Edit(site, A, "title: A", "title: A, renamed");
        var edit = session.Note([A]);
        Assert.Null(ServedNow(session, APage));
        await session.PreviewAsync(edit, "edit");
        Assert.Null(ServedNow(session, APage));

        Assert.True((await session.RebuildAsync("full build")).Succeeded);
        Assert.Contains("A, renamed", ServedNow(session, APage));
    }

    [Fact]
    public async Task A_template_edit_previews_the_open_page_with_the_new_template()
    {
        using var site = new TestSite(Site);
        var session = await Serve(site);
        session.Subscribe(List);
        Edit(site, "templates/layouts/list.html", "<h1>", "<h1 class=\"edited\">");
        await Change(session, "templates/layouts/list.html");

        Assert.Contains("<h1 class=\"edited\">", ServedNow(session, List));
        Assert.Null(ServedNow(session, "en/notes/a/index.html"));
    }

    /// <summary>
    /// A browser reloaded by a preview connects again, saying which bytes it shows: the full build that makes those same
    /// bytes does not reload it a second time (it did, since a new connection had forgotten the preview).
    /// </summary>
    [Fact]
    public async Task A_page_reloaded_by_a_preview_and_connected_again_is_not_reloaded_by_the_full_build()
    {
        using var site = new TestSite(Site);
        var session = await Serve(site);
        var first = session.Subscribe(APage, Shown(session.Current.Bytes(APage)));
        Edit(site, A, "Text.", "Text, edited.");
        await Change(session, A);
        Assert.True(first.TryRead(out var reload) && reload.StartsWith("event: reload"));

        // The browser reloads: it gets the preview, and its script connects again with that page's fingerprint.
        session.Unsubscribe(first);
        var again = session.Subscribe(APage, Shown(System.Text.Encoding.UTF8.GetBytes(ServedNow(session, APage)!)));
        Assert.True((await session.RebuildAsync("full build")).Succeeded);

        Assert.False(again.TryRead(out var extra), $"reloaded again: {extra}");
    }

    /// <summary>
    /// A page loaded just before a save whose script connects only after the build: the build's reload went to nobody,
    /// so connecting with the old page's fingerprint reloads it at once (it stayed stale before).
    /// </summary>
    [Fact]
    public async Task A_page_that_connects_after_a_build_it_did_not_see_is_reloaded_at_once()
    {
        using var site = new TestSite(Site);
        var session = await Serve(site);
        var loaded = Shown(session.Current.Bytes(APage));
        Edit(site, A, "Text.", "Text, edited.");
        await Change(session, A);
        Assert.True((await session.RebuildAsync("full build")).Succeeded);

        var events = session.Subscribe(APage, loaded);

        Assert.True(events.TryRead(out var reload) && reload.StartsWith("event: reload"));
        // Connecting with what it shows now gives nothing.
        Assert.False(session.Subscribe(APage, Shown(session.Current.Bytes(APage))).TryRead(out _));
    }

    [Fact]
    public async Task An_open_page_the_full_build_did_not_change_is_not_reloaded()
    {
        using var site = new TestSite(Site);
        var session = await Serve(site);
        var onAbout = session.Subscribe(About, Shown(session.Current.Bytes(About)));
        Edit(site, A, "Text.", "Text, edited.");
        await Change(session, A);

        Assert.True((await session.RebuildAsync("full build")).Succeeded);

        Assert.False(onAbout.TryRead(out var extra), $"reloaded: {extra}");
    }

    private static string Shown(byte[] bytes) => ServeSession.Fingerprint(bytes);

    /// <summary>
    /// A folder swapped for another copy is one watcher event for the folder: its pages are not previewed from the old
    /// copy (they were, for as long as the full build took) but wait for the full build.
    /// </summary>
    [Fact]
    public async Task A_folder_swapped_for_another_copy_is_not_previewed_from_the_old_one()
    {
        using var site = new TestSite(Site);
        var session = await Serve(site);
        session.Subscribe(APage);
        var notes = Path.Combine(site.Root, "content/en/notes");
        var copy = notes + "-copy";
        Disk.CopyTree(notes, copy);
        File.WriteAllText(Path.Combine(copy, "a.md"), File.ReadAllText(Path.Combine(notes, "a.md")).Replace("Text.", "Text, swapped."));
        Directory.Move(notes, notes + "-old");
        Directory.Move(copy, notes);

        await Change(session, "content/en/notes");

        Assert.Null(ServedNow(session, APage));
        Assert.True((await session.RebuildAsync("full build")).Succeeded);
        Assert.Contains("Text, swapped.", ServedNow(session, APage));
    }

    [Fact]
    public async Task A_folder_moved_out_of_the_site_is_not_previewed()
    {
        using var site = new TestSite(Site);
        var session = await Serve(site);
        session.Subscribe(APage);
        var notes = Path.Combine(site.Root, "content/en/notes");
        Directory.Move(notes, Path.Combine(site.Root, "notes-moved-out"));

        await Change(session, "content/en/notes");

        Assert.Null(ServedNow(session, APage));
    }

    /// <summary>
    /// A request that arrives between the save and its preview waited for the whole full build although the preview
    /// had its page; so did a request for the page without its trailing slash (which is redirected).
    /// </summary>
    [Fact]
    public async Task A_request_waiting_for_an_edited_page_gets_the_preview_as_soon_as_it_is_served()
    {
        using var site = new TestSite(Site);
        var session = await Serve(site);
        Edit(site, A, "Text.", "Text, edited.");
        var edit = session.Note([A]);
        var waiting = session.OutputFor(APage, CancellationToken.None);
        var withoutSlash = session.OutputFor("en/notes/a", CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        await session.PreviewAsync(edit, "edit");

        Assert.Contains("Text, edited.", (await waiting).Text(APage));
        Assert.True((await withoutSlash).Contains(APage));
    }
}
