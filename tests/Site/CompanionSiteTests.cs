using SiteGen.Tests.Support;

namespace SiteGen.Tests.Site;

/// <summary>The real site in this repository: builds without a warning, every page snapshotted.</summary>
public class CompanionSiteTests
{
    private static readonly Lazy<BuildResult> Result = new(() => new SiteBuilder(new BuildOptions { Root = Repo.Root }).Build());

    [Fact]
    public void Builds_with_no_warnings_and_no_broken_links()
    {
        Assert.Empty(Result.Value.Diagnostics.Select(d => d.ToString()));
        Assert.True(Result.Value.LinksChecked > 0);
    }

    [Fact]
    public void Every_page_has_its_counterpart_in_the_other_language()
    {
        var zh = Result.Value.Output.Paths.Where(p => p.StartsWith("zh/") && p.EndsWith("index.html") && !p.Contains("/bilingual/")).Select(p => p[3..]).ToList();
        var en = Result.Value.Output.Paths.Where(p => p.StartsWith("en/") && p.EndsWith("index.html") && !p.Contains("/bilingual/")).Select(p => p[3..]).ToList();
        Assert.Equal(zh, en);
        Assert.Equal(13, zh.Count); // 12 content pages and the search page
    }

    [Fact]
    public void Every_page_has_a_side_by_side_view_in_each_language()
    {
        var views = Result.Value.Output.Paths.Where(p => p.EndsWith("/bilingual/index.html")).ToList();
        Assert.Equal(24, views.Count);
        Assert.DoesNotContain("bilingual", Result.Value.Output.Text("robots.txt"));
    }

    [Fact]
    public void Whole_output_matches_snapshot()
    {
        Snapshot.Verify("companion-site", Snapshot.Of(Result.Value.Output));
    }
}
