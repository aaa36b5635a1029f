using SiteGen.Tests.Support;

namespace SiteGen.Tests.Config;

/// <summary>Every key and list item of site.yml has its own line and column, also deep inside `languages:` and `menu:`.</summary>
public class SiteConfigLocationTests
{
    // Line numbers matter below: each problem is written on a line of its own.
    private const string Config = """
        base_url: https://example.org/
        default_language: zh-Hant
        menu:
          - about.md
        languages:
          - key: zh-Hant
            name: 繁體中文
            prefix: zh
            title: 測試站
            strings:
              read_in: English
              missing: 尚無翻譯
              about: 關於
          - key: en
            name: English
            prefix: en
            date_format: "d MMMM yyyy"
            title: Test site
            strings:
              read_in: 繁體中文
              about: About
              missing: Not translated yet
        """;

    private static string[] ErrorsFor(string siteYml)
    {
        using var site = new TestSite($"""
            -- site.yml --
            {siteYml}
            -- content/zh-Hant/about.md --
            ---
            title: 關於
            ---
            -- content/en/about.md --
            ---
            title: About
            ---
            """);
        var result = site.Build();
        Assert.False(result.Succeeded);
        return result.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()).ToArray();
    }

    [Fact]
    public void Type_errors_inside_languages_print_their_own_lines()
    {
        var yml = Config.Replace("date_format: \"d MMMM yyyy\"", "date_format: [d, MMMM]").Replace("about: About", "about: [About]");
        Assert.Equal(
            [
                "site.yml:17:18: error: 'date_format' must be text, not a list",
                "site.yml:21:14: error: 'about' must be text, not a list",
            ],
            ErrorsFor(yml));
    }

    [Fact]
    public void Checks_inside_languages_print_their_own_lines()
    {
        var yml = Config.Replace("prefix: en", "prefix: e/n") + "\n      extra: x";
        Assert.Equal(
            [
                "site.yml:10:5: error: language 'zh-Hant' has no UI string 'extra' (every language needs the same `strings` keys)",
                "site.yml:16:5: error: language 'en': prefix 'e/n' must be one URL segment of letters, digits or '-'",
            ],
            ErrorsFor(yml));
    }

    [Fact]
    public void Unknown_key_inside_a_language_gets_did_you_mean_at_its_line()
    {
        Assert.Equal(["site.yml:18:5: error: unknown key 'titel' (did you mean 'title'?)"], ErrorsFor(Config.Replace("title: Test site", "titel: Test site")));
    }

    [Fact]
    public void A_language_declared_twice_is_reported_at_the_second()
    {
        Assert.Equal(["site.yml:14:5: error: language 'zh-Hant' is declared twice"], ErrorsFor(Config.Replace("key: en", "key: zh-Hant")));
    }

    [Fact]
    public void A_missing_name_is_reported_at_its_language()
    {
        Assert.Equal(["site.yml:14:5: error: language 'en' has no name"], ErrorsFor(Config.Replace("    name: English\n", "")));
    }

    [Fact]
    public void A_menu_entry_without_a_page_is_reported_at_its_line()
    {
        Assert.Equal(
            [
                "site.yml:5:5: error: menu entry 'nope.md' has no page in en (expected content/en/nope.md)",
                "site.yml:5:5: error: menu entry 'nope.md' has no page in zh-Hant (expected content/zh-Hant/nope.md)",
            ],
            ErrorsFor(Config.Replace("  - about.md", "  - about.md\n  - nope.md")));
    }

    public static TheoryData<string, string> WrongShapes() => new()
    {
        { "default_language: en\nlanguages: en\n", "site.yml:2:12: error: 'languages' must be a list, not 'en'" },
        { Config.Replace("  - about.md", "  - [about.md]"), "site.yml:4:5: error: each entry of 'menu' must be a content path such as `about.md`, not a list" },
        { Config.Replace("  - about.md", "  - ''\n  -"), "site.yml:5:4: error: each entry of 'menu' must be a content path such as `about.md`, not empty" },
        { Config.Replace("base_url: https://example.org/", "side_by_side: sometimes"), "site.yml:1:15: error: 'side_by_side' must be true or false, not 'sometimes'" },
        { Config.Replace("base_url: https://example.org/", "allow_raw_html: [yes]"), "site.yml:1:17: error: 'allow_raw_html' must be true or false, not a list" },
        { Config.Replace("    strings:\n      read_in: English\n      missing: 尚無翻譯\n      about: 關於", "    strings: [read_in, missing]"), "site.yml:10:14: error: 'strings' must be a mapping of names to text, not a list" },
        { Config.Replace("      read_in: English", "      read_in:"), "site.yml:11:15: error: 'read_in' must be text, not empty" },
        { Config.Replace("  - key: zh-Hant", "  - zh-Hant\n  - key: zh-Hant"), "site.yml:6:5: error: each entry of 'languages' must be a mapping of `key: value` lines, not 'zh-Hant'" },
    };

    [Theory, MemberData(nameof(WrongShapes))]
    public void A_value_of_the_wrong_shape_is_reported_at_the_value(string yml, string expected)
    {
        Assert.Equal([expected], ErrorsFor(yml));
    }
}
