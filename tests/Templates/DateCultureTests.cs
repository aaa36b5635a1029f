using SiteGen.Tests.Support;

namespace SiteGen.Tests.Templates;

/// <summary>Page dates are written in the page language's culture, from its tag: month names in the reader's language.</summary>
public class DateCultureTests
{
    private const string Config = """
        default_language: zh-Hant
        languages:
          - key: zh-Hant
            name: 繁體中文
            prefix: zh
            title: 測試站
            date_format: "yyyy年M月d日"
            strings: { read_in: 中文, missing: 尚無翻譯 }
          - key: en
            name: English
            prefix: en
            title: Test site
            date_format: "d MMMM yyyy"
            strings: { read_in: English, missing: Not translated yet }
          - key: fr
            name: Français
            prefix: fr
            title: Site d'essai
            date_format: "d MMMM yyyy"
            strings: { read_in: Français, missing: Pas encore traduit }
        """;

    [Fact]
    public void Dates_are_written_in_each_languages_culture()
    {
        using var site = new TestSite("-- site.yml --\n" + Config + "\n" + """
            -- templates/layouts/page.html --
            <h1>{{ page.title }}</h1><p class="date">{{ page.date_display }}</p>
            -- content/zh-Hant/p.md --
            ---
            title: 頁
            date: 2026-02-05
            ---
            -- content/en/p.md --
            ---
            title: Page
            date: 2026-02-05
            ---
            -- content/fr/p.md --
            ---
            title: Page
            date: 2026-02-05
            ---

            """);
        var result = site.Build();
        Assert.True(result.Succeeded, string.Join("\n", TestSite.Errors(result)));
        Assert.Contains("<p class=\"date\">2026年2月5日</p>", result.Output.Text("zh/p/index.html"));
        Assert.Contains("<p class=\"date\">5 February 2026</p>", result.Output.Text("en/p/index.html"));
        Assert.Contains("<p class=\"date\">5 février 2026</p>", result.Output.Text("fr/p/index.html"));
    }

    [Fact]
    public async Task Everything_else_ignores_the_machines_locale()
    {
        // A build on a machine set to German must not write 1,5 for 1.5: the tool's own culture stays invariant.
        Assert.Same(System.Globalization.CultureInfo.InvariantCulture, System.Globalization.CultureInfo.DefaultThreadCurrentCulture);
        Assert.Equal("1.5", await Task.Run(() => $"{1.5}"));
    }
}
