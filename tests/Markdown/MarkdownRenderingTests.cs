using SiteGen.Tests.Support;

namespace SiteGen.Tests.Markdown;

public class MarkdownRenderingTests
{
    private static string Render(string body, string lang = "zh-Hant", string prefix = "zh")
    {
        using var site = new TestSite($"-- content/{lang}/p.md --\n---\ntitle: T\n---\n{body}");
        var result = site.Build();
        var html = result.Output.Text($"{prefix}/p/index.html");
        var start = html.IndexOf("<main>", StringComparison.Ordinal) + 6;
        return html[start..html.IndexOf("</main>", StringComparison.Ordinal)].Replace("<h1>T</h1>\n", "").Trim();
    }

    [Fact]
    public void Chinese_heading_keeps_its_characters_in_the_id()
    {
        Assert.Equal("<h2 id=\"ai-晶片-tsmc\">AI 晶片 (TSMC)</h2>", Render("## AI 晶片 (TSMC)\n"));
    }

    [Fact]
    public void Soft_break_between_chinese_characters_adds_no_space()
    {
        Assert.Equal("<p>第一行第二行</p>", Render("第一行\n第二行\n"));
    }

    [Fact]
    public void Soft_break_between_latin_words_stays_a_break()
    {
        Assert.Equal("<p>first\nsecond</p>", Render("first\nsecond\n", "en", "en"));
    }

    [Fact]
    public void Emphasis_next_to_cjk_punctuation_works()
    {
        Assert.Equal("<p><strong>「引號」</strong>的</p>", Render("**「引號」**的\n"));
    }

    [Fact]
    public void Tables_and_footnotes_render()
    {
        var html = Render("| a | b |\n|---|---|\n| 1 | 2 |\n\nText[^1]\n\n[^1]: Note.\n");
        Assert.Contains("<table>", html);
        Assert.Contains("class=\"footnotes\"", html);
    }

    [Fact]
    public void Raw_html_is_escaped_by_default()
    {
        Assert.Equal("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>", Render("<script>alert(1)</script>\n"));
    }

    [Fact]
    public void Cjk_runs_on_english_pages_carry_their_language()
    {
        Assert.Equal("<p>The word <span lang=\"zh-Hant\">太瓦</span> means terawatt.</p>", Render("The word 太瓦 means terawatt.\n", "en", "en"));
    }
}
