using SiteGen.Tests.Support;

namespace SiteGen.Tests.Parity;

/// <summary>Each kind of translation drift, on small pairs, with the exact finding; and no finding where only the notation differs.</summary>
public class ParityCheckTests
{
    private static string[] Findings(string zh, string en, string extra = "")
    {
        using var site = new TestSite($"-- content/zh-Hant/p.md --\n{zh}-- content/en/p.md --\n{en}{extra}");
        return TestSite.Errors(site.Build()).ToArray();
    }

    [Fact]
    public void Same_numbers_in_different_notation_give_no_finding()
    {
        Assert.Empty(Findings(
            "---\ntitle: 頁\n---\n平均每 11 萬個 GB300 晶片需要 1 吉瓦；每年 1 萬次甚至 2-3 萬次發射；約 20% 的矽；１２ 個月。\n",
            "---\ntitle: Page\n---\nEvery 110,000 GB300 chips need 1 GW; 10,000 or even 20,000–30,000 launches a year; about 20% silicon; 12 months.\n"));
    }

    [Fact]
    public void Different_numbers_are_reported_at_both_lines()
    {
        Assert.Equal(["content/en/p.md:6:1: warning: translation drift: numbers differ from content/zh-Hant/p.md:6 (only there: 36; only here: 35)"],
            Findings("---\ntitle: 頁\n---\n第一段。\n\n在 36 個月內。\n", "---\ntitle: Page\n---\nFirst.\n\nWithin 35 months.\n"));
    }

    [Fact]
    public void Different_structure_is_reported_where_it_diverges()
    {
        Assert.Equal(["content/en/p.md:6:1: warning: translation drift: structure differs from content/zh-Hant/p.md:6: list of 3 there, list of 2 here"],
            Findings("---\ntitle: 頁\n---\n## 標題 {#h}\n\n- 一\n- 二\n- 三\n", "---\ntitle: Page\n---\n## Heading {#h}\n\n- one\n- two\n"));
    }

    [Fact]
    public void Extra_block_is_named_with_its_line()
    {
        Assert.Equal(["content/en/p.md:6:1: warning: translation drift: structure differs from content/zh-Hant/p.md: 1 blocks there, 2 here; content/en/p.md:6 (quote) has no counterpart"],
            Findings("---\ntitle: 頁\n---\n段落。\n", "---\ntitle: Page\n---\nParagraph.\n\n> A quote.\n"));
    }

    [Fact]
    public void Translation_only_blocks_are_left_out_of_the_comparison()
    {
        Assert.Empty(Findings("---\ntitle: 頁\n---\n段落。\n", "---\ntitle: Page\n---\nParagraph.\n\nA note for English readers, 2 of them.{.translation-only}\n"));
    }

    [Fact]
    public void A_link_in_one_language_only_is_reported()
    {
        var findings = Findings("---\ntitle: 頁\n---\n見[其他](q.md#ab)。\n", "---\ntitle: Page\n---\nSee the other page.\n",
            "-- content/zh-Hant/q.md --\n---\ntitle: 其他\n---\n## 甲 {#ab}\n-- content/en/q.md --\n---\ntitle: Other\n---\n## A {#ab}\n");
        Assert.Equal(["content/en/p.md:4:1: warning: translation drift: content/zh-Hant/p.md:4 links to 'q#ab', this page does not"], findings);
    }

    [Fact]
    public void A_front_matter_list_of_another_length_is_reported()
    {
        Assert.Equal(["content/en/p.md:3:1: warning: translation drift: data.quotes has 2 entries in content/zh-Hant/p.md:3, 1 here"],
            Findings("---\ntitle: 頁\ndata:\n  quotes: [甲, 乙]\n---\n", "---\ntitle: Page\ndata:\n  quotes: [A]\n---\n"));
    }

    [Fact]
    public void A_missing_translation_is_an_error_with_strict()
    {
        using var site = new TestSite("-- content/zh-Hant/only.md --\n---\ntitle: 只有中文\n---\n");
        var strict = new SiteBuilder(new BuildOptions { Root = site.Root, Strict = true }).Build();
        Assert.Equal(["content/zh-Hant/only.md: error: no en translation (expected content/en/only.md or a page with translation_key 'only')"], TestSite.Errors(strict));
    }

    [Fact]
    public void Findings_are_errors_with_strict()
    {
        using var site = new TestSite("-- content/zh-Hant/p.md --\n---\ntitle: 頁\n---\n36 個月\n-- content/en/p.md --\n---\ntitle: P\n---\n35 months\n");
        var strict = new SiteBuilder(new BuildOptions { Root = site.Root, Strict = true }).Build();
        Assert.False(strict.Succeeded);
        Assert.StartsWith("content/en/p.md:4:1: error: translation drift: numbers differ", Assert.Single(TestSite.Errors(strict)));
    }

    [Fact]
    public void Translated_command_stamps_and_a_changed_source_makes_the_translation_stale()
    {
        using var site = new TestSite("-- content/zh-Hant/p.md --\n---\ntitle: 頁\n---\n第一段。\n\n第二段。\n-- content/en/p.md --\n---\ntitle: P\n---\nFirst.\n\nSecond.\n");
        var (code, stdout, _) = CliRunner.InProcess("translated", "--root", site.Root, Path.Combine(site.Root, "content/en/p.md"));
        Assert.Equal(0, code);
        Assert.Equal("Marked content/en/p.md as translated from the current source", stdout.Trim());
        Assert.Matches("^---\ntitle: P\ntranslated_from: \"[0-9a-f]{8} [0-9a-f]{8}\"\n---\n", File.ReadAllText(Path.Combine(site.Root, "content/en/p.md")));
        Assert.Empty(TestSite.Errors(site.Build()));

        site.Write("content/zh-Hant/p.md", "---\ntitle: 頁\n---\n第一段。\n\n第二段改了。\n");
        Assert.Equal(["content/en/p.md:3:1: warning: translation drift: translation is stale: content/zh-Hant/p.md changed since it was translated (changed: content/zh-Hant/p.md lines 6) (update the translation, then run `SiteGen translated content/en/p.md`)"],
            TestSite.Errors(site.Build()));
    }

    [Fact]
    public void Translated_command_refuses_a_source_page()
    {
        using var site = new TestSite("-- content/zh-Hant/p.md --\n---\ntitle: 頁\n---\n-- content/en/p.md --\n---\ntitle: P\n---\n");
        var (code, _, stderr) = CliRunner.InProcess("translated", "--root", site.Root, Path.Combine(site.Root, "content/zh-Hant/p.md"));
        Assert.Equal(1, code);
        Assert.Equal("content/zh-Hant/p.md: error: not a translation of a zh-Hant page (run it on the translated file, e.g. content/en/…)", stderr.Trim());
    }

    [Fact]
    public void The_companion_site_passes_strict()
    {
        var result = new SiteBuilder(new BuildOptions { Root = Repo.Root, Strict = true }).Build();
        Assert.Empty(TestSite.Errors(result));
    }
}
