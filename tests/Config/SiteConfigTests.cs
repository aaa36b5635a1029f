using SiteGen.Tests.Support;

namespace SiteGen.Tests.Config;

public class SiteConfigTests
{
    private static string[] ErrorsFor(string siteYml)
    {
        using var site = new TestSite($"-- site.yml --\n{siteYml}");
        var result = site.Build();
        Assert.False(result.Succeeded);
        return TestSite.Errors(result);
    }

    [Fact]
    public void Unknown_key_gets_did_you_mean_at_its_line()
    {
        var errors = ErrorsFor(TestSite.DefaultConfig + "\nbase_ulr: https://example.org/\n");
        Assert.Contains(errors, e => e.StartsWith("site.yml:") && e.EndsWith("error: unknown key 'base_ulr' (did you mean 'base_url'?)"));
    }

    [Fact]
    public void Default_language_must_be_declared()
    {
        var errors = ErrorsFor(TestSite.DefaultConfig.Replace("default_language: zh-Hant", "default_language: zh-Hans"));
        Assert.Equal(["site.yml:1:1: error: default language 'zh-Hans' is not declared in `languages` (did you mean 'zh-Hant'?)"], errors);
    }

    [Fact]
    public void No_languages_is_an_error()
    {
        Assert.Equal(["site.yml:1:1: error: no languages declared (add a `languages:` list with at least one language)"],
            ErrorsFor("default_language: en\n"));
    }

    [Fact]
    public void A_ui_string_missing_in_one_language_is_reported()
    {
        var errors = ErrorsFor(TestSite.DefaultConfig.Replace("      missing: Not translated yet", ""));
        Assert.Contains(errors, e => e.Contains("error: language 'en' has no UI string 'missing'"));
    }

    [Fact]
    public void Yaml_syntax_error_is_located()
    {
        var errors = ErrorsFor("default_language: en\nfoo: bar: baz\nlanguages: []\n");
        Assert.Single(errors);
        Assert.StartsWith("site.yml:2:", errors[0]);
    }
}
