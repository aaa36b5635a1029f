using SiteGen.Search;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Search;

/// <summary>The index a small inline site gets, read back as the browser reads it.</summary>
public class SearchIndexTests
{
    private const string SearchLayout = """
        -- templates/layouts/search.html --
        <h1>{{ page.title }}</h1><a href="{{ rel_url lang.url }}">home</a>
        """;

    private const string Site = SearchLayout + "\n" + Pages;

    private const string Pages = """
        -- content/zh-Hant/_index.md --
        ---
        title: 首頁
        ---
        歡迎。
        -- content/en/_index.md --
        ---
        title: Home
        ---
        Welcome.
        -- content/zh-Hant/chips.md --
        ---
        title: 晶片供應
        description: 晶片與電力。
        ---
        ## 產能 {#capacity}

        台積電的產能是主要限制，每 11 萬個 GB300 需要 1 吉瓦。
        -- content/en/chips.md --
        ---
        title: Chip supply
        description: Chips and power.
        ---
        ## Capacity {#capacity}

        TSMC capacity is the main constraint; every 110,000 GB300 chips need one gigawatt.
        -- content/zh-Hant/power.md --
        ---
        title: 電力
        ---
        電力是瓶頸。這裡順帶提到晶片一次。

        ## 太空 {#space}

        太空的太陽能效率更高。
        -- content/en/notes.md --
        ---
        title: Notes
        data:
          quotes:
            - id: q1
              text: "“AI is a supersonic tsunami.”"
              theme: chips.md
        ---
        Loose notes, in English only, about chips once.
        """;

    private static (BuildResult Result, IndexQuery Query) Build(string blocks = Site)
    {
        using var site = new TestSite(blocks);
        var result = site.Build();
        Assert.Empty(result.Diagnostics.Where(d => d.IsError));
        return (result, new IndexQuery(result.Output));
    }

    [Fact]
    public void A_title_match_ranks_above_a_passing_mention()
    {
        var (_, query) = Build();
        var hits = query.Search("晶片");
        Assert.Equal(["zh/chips/", "zh/power/"], hits.Select(h => h.Url));
        Assert.True(hits[0].Score > hits[1].Score);
        Assert.Equal("en/chips/", query.Search("chip")[0].Url);
    }

    [Fact]
    public void Every_query_term_must_match()
    {
        var (_, query) = Build();
        Assert.Equal(["zh/power/"], query.Search("太陽能效率").Select(h => h.Url));
        Assert.Empty(query.Search("台積電 太陽能"));
        Assert.Empty(query.Search("xylophone"));
    }

    [Fact]
    public void A_page_and_its_translation_are_one_result_in_one_group_file()
    {
        var (result, query) = Build();
        var hits = query.Search("GB300");
        var hit = Assert.Single(hits);
        var group = System.Text.Json.JsonDocument.Parse(result.Output.Bytes($"{ShardWriter.Folder}g/{hit.Group}.json")).RootElement;
        Assert.Equal(["zh/chips/", "en/chips/"], group.EnumerateArray().Select(d => d.GetProperty("url").GetString()));
    }

    [Fact]
    public void Numbers_in_either_language_find_each_other()
    {
        var (_, query) = Build();
        Assert.Equal(query.Search("110000").Select(h => h.Group), query.Search("11 萬").Select(h => h.Group));
        Assert.Single(query.Search("110,000"));
    }

    [Fact]
    public void Passages_carry_the_nearest_heading_anchor_and_data_entries_their_id()
    {
        var (_, query) = Build();
        Assert.Equal("capacity", query.Search("TSMC")[0].Anchor);
        var notes = Assert.Single(query.Search("supersonic tsunami"));
        Assert.Equal("en/notes/", notes.Url);
        Assert.Equal("q1", notes.Anchor);
    }

    [Fact]
    public void A_mainland_word_finds_the_Taiwan_word_on_the_site()
    {
        var (_, query) = Build();
        Assert.Equal(query.Search("晶片").Select(h => h.Url), query.Search("芯片").Select(h => h.Url));
        Assert.NotEmpty(query.Search("芯片"));
    }

    [Fact]
    public void Shards_are_lines_of_a_term_a_tab_and_its_postings()
    {
        var (result, query) = Build();
        var shards = result.Output.Paths.Where(p => p.StartsWith(ShardWriter.Folder + "s/")).ToList();
        Assert.NotEmpty(shards);
        Assert.All(shards, p => Assert.EndsWith(".txt", p));
        var line = result.Output.Text(shards[0]).Split('\n')[0];
        Assert.Matches(@"^[^\t]+\t[A-Za-z0-9+/]+$", line); // one page: `光錐\tAAE`, three bytes of postings
    }

    [Fact]
    public void A_heading_passage_records_the_heading_s_place_in_the_page()
    {
        var (result, query) = Build();
        var hit = query.Search("太陽能效率").Single();
        var passages = System.Text.Json.JsonDocument.Parse(result.Output.Bytes($"{ShardWriter.Folder}g/{hit.Group}.json")).RootElement[0]
            .GetProperty("passages").EnumerateArray().ToList();
        Assert.Equal(2, passages[0].GetArrayLength()); // the text before the first heading has no place
        var space = passages.Single(p => p[0].GetString() == "space");
        Assert.Equal(0, space[2].GetInt32());
    }

    [Fact]
    public void The_search_pages_are_written_per_language_and_their_links_are_checked()
    {
        using var site = new TestSite(Site.Replace("""<a href="{{ rel_url lang.url }}">home</a>""", """<a href="../missing/">x</a>"""));
        var result = site.Build();
        Assert.Contains("zh/search/index.html", result.Output.Paths);
        Assert.Contains("en/search/index.html", result.Output.Paths);
        Assert.Contains(TestSite.Errors(result), e => e.StartsWith("en/search/index.html") && e.Contains("'../missing/'"));
    }

    [Fact]
    public void The_site_option_or_a_theme_without_the_layout_turns_search_off()
    {
        using var off = new TestSite(Site + "\n-- site.yml --\nsearch: false\n" + TestSite.DefaultConfig);
        var result = off.Build();
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        Assert.DoesNotContain(result.Output.Paths, p => p.StartsWith(ShardWriter.Folder) || p.Contains("/search/"));
        using var noLayout = new TestSite(Pages);
        Assert.DoesNotContain(noLayout.Build().Output.Paths, p => p.StartsWith(ShardWriter.Folder));
    }

    [Fact]
    public void The_index_is_the_same_on_one_thread_and_on_many()
    {
        using var site = new TestSite(Site);
        var many = site.Build();
        var one = new SiteBuilder(new BuildOptions { Root = site.Root, MaxParallelism = 1 }).Build();
        var files = many.Output.Paths.Where(p => p.StartsWith(ShardWriter.Folder)).ToList();
        Assert.Contains(ShardWriter.Folder + "index.json", files);
        Assert.Equal(files, one.Output.Paths.Where(p => p.StartsWith(ShardWriter.Folder)));
        foreach (var f in files) Assert.Equal(many.Output.Bytes(f), one.Output.Bytes(f));
    }

    [Fact]
    public void Serve_rebuilds_the_index_from_pages_it_takes_from_its_cache()
    {
        using var site = new TestSite(Site);
        var cache = new SiteGen.Incremental.RenderCache();
        var options = new BuildOptions { Root = site.Root, Cache = cache };
        new SiteBuilder(options).Build();
        cache.Commit(); // as serve does after a build that succeeded
        site.Write("content/zh-Hant/power.md", "---\ntitle: 電力\n---\n電力是瓶頸，光錐之外。\n");
        var again = new SiteBuilder(options).Build();
        Assert.True(cache.Reused > 0);
        var query = new IndexQuery(again.Output);
        Assert.Equal(["zh/power/"], query.Search("光錐").Select(h => h.Url));
        Assert.Equal(["zh/chips/"], query.Search("台積電").Select(h => h.Url)); // from a page the cache kept
    }

    [Fact]
    public void A_page_with_more_terms_than_search_can_index_is_reported_at_its_file()
    {
        var words = string.Join(' ', Enumerable.Range(0, SearchStage.MaxTermsPerPage + 1).Select(i => "w" + i.ToString("x")));
        using var site = new TestSite(Site + "\n-- content/en/dump.md --\n---\ntitle: Dump\n---\n" + words + "\n");
        var result = site.Build();
        var error = Assert.Single(result.Diagnostics.Where(d => d.IsError)).ToString();
        Assert.Matches(@"^content/en/dump\.md: error: this page has [0-9,]+ different words and character pairs, more than search can index in one page \(50,000\)", error);
        Assert.Empty(new IndexQuery(result.Output).Search("w1ff"));
    }
}
