using SiteGen.Serve;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Serve;

/// <summary>What `serve`'s watcher reports: the site's files, not an editor's swap, lock, backup or autosave files.</summary>
public class SiteWatcherTests
{
    /// <summary>
    /// vim writes `.page.md.swp` as the author types and Emacs `#page.md#`: each was reported as a new file of the site,
    /// so every keystroke's swap write started a full rebuild and no save was ever previewed.
    /// </summary>
    [Fact]
    public async Task Editor_files_are_not_reported_and_the_saved_page_is()
    {
        using var site = new TestSite("-- content/en/a.md --\n---\ntitle: A\n---\nText.\n");
        var reported = new List<string>();
        var saved = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watcher = new SiteWatcher(site.Root, changed =>
        {
            lock (reported) reported.AddRange(changed);
            if (changed.Contains("content/en/a.md")) saved.TrySetResult();
            return Task.CompletedTask;
        });

        foreach (var name in new[] { ".a.md.swp", "a.md~", "#a.md#", ".#a.md" }) site.Write("content/en/" + name, "x");
        Directory.CreateDirectory(Path.Combine(site.Root, "content/en/.git"));
        site.Write("content/en/.git/index", "x");
        site.Write("content/en/a.md", "---\ntitle: A\n---\nText, saved.\n");
        await saved.Task.WaitAsync(TimeSpan.FromMinutes(1)); // a guard against a watcher that never fires, not a wait

        lock (reported) Assert.Equal(["content/en/a.md"], reported.Distinct().ToArray());
    }

    [Fact]
    public void A_build_skips_editor_files_as_it_skips_hidden_ones()
    {
        using var site = new TestSite("-- content/en/a.md --\n---\ntitle: A\n---\nText.\n-- content/en/a.md~ --\nold\n-- content/en/#a.md# --\nautosave\n-- content/en/.a.md.swp --\nswap\n-- templates/partials/footer.html~ --\n{{ x\n");

        var result = site.Build();

        Assert.Empty(result.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()));
        Assert.DoesNotContain(result.Output.Paths, p => p.Contains('~') || p.Contains('#') || p.Contains(".swp"));
    }

    [Theory]
    [InlineData(".DS_Store", true)]
    [InlineData("page.md~", true)]
    [InlineData("#page.md#", true)]
    [InlineData("#", false)]
    [InlineData("c#-notes.md", false)]
    [InlineData("page.md", false)]
    public void Ignored_names(string name, bool ignored) => Assert.Equal(ignored, SiteFiles.IsIgnored(name));
}
