using SiteGen.Tests.Support;
using SiteGen.Yaml;

namespace SiteGen.Tests.Yaml;

/// <summary>
/// Hostile YAML ends at once with a located error naming the limit, in front matter and site.yml alike: aliases that
/// stand for billions of values ("billion laughs"), too many aliases or values, and deep nesting.
/// </summary>
public class YamlLimitsTests
{
    /// <summary>Nine levels of nine aliases to the level below: 9^9 values once expanded, from 81 aliases.</summary>
    private static string BillionLaughs(string indent) =>
        $"{indent}l0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        + string.Concat(Enumerable.Range(1, 8).Select(i => $"{indent}l{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 9))}]\n"));

    private static string[] FrontMatterErrors(string frontMatter)
    {
        using var site = new TestSite($"-- content/en/x.md --\n---\ntitle: X\n{frontMatter}---\nBody\n");
        var result = site.Build();
        Assert.False(result.Succeeded);
        return result.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()).ToArray();
    }

    [Fact]
    public void Billion_laughs_in_front_matter_stop_at_the_alias_that_passes_the_limit()
    {
        // l0 to l4 stand for 10, 91, 820, 7,381 and 66,430 values; the first alias to a4, in l5, passes 100,000 in all.
        Assert.Equal(["content/en/x.md:9:12: error: alias '*a4' makes the YAML document too large once expanded (the limit is 100000 values)"],
            FrontMatterErrors("data:\n" + BillionLaughs("  ")));
    }

    [Fact]
    public void Billion_laughs_in_site_yml_stop_the_same_way()
    {
        using var site = new TestSite("-- site.yml --\n" + BillionLaughs("") + TestSite.DefaultConfig);
        var result = site.Build();
        Assert.Equal(["site.yml:6:10: error: alias '*a4' makes the YAML document too large once expanded (the limit is 100000 values)"],
            result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void More_aliases_than_the_limit_are_an_error_at_the_first_one_too_many()
    {
        var aliases = string.Join(", ", Enumerable.Repeat("*s", YamlLimits.MaxAliases + 1));
        var column = "data: [".Length + 4 * YamlLimits.MaxAliases + 1;
        Assert.Equal([$"content/en/x.md:4:{column}: error: too many aliases in one YAML document (the limit is 100)"],
            FrontMatterErrors($"slug: &s x\ndata: [{aliases}]\n"));
    }

    [Fact]
    public void More_values_than_the_limit_are_an_error_without_aliases_too()
    {
        var values = string.Join(",", Enumerable.Repeat("1", 100_001));
        // The document's values so far: the root mapping, `title`, `X`, `data` and its list (5), then 99,995 items.
        var column = "data: [".Length + 2 * 99_995 + 1;
        Assert.Equal([$"content/en/x.md:3:{column}: error: too many values in one YAML document (the limit is 100000)"],
            FrontMatterErrors($"data: [{values}]\n"));
    }

    [Fact]
    public void Deeply_nested_flow_lists_end_at_the_limit()
    {
        // The root mapping is the first level, `data`'s value the second.
        Assert.Equal(["content/en/x.md:3:106: error: lists and mappings are nested too deeply (the limit is 100 levels)"],
            FrontMatterErrors("data: " + new string('[', 100_000) + "\n"));
    }

    [Fact]
    public void Deeply_nested_block_lists_end_at_the_limit()
    {
        var nested = string.Concat(Enumerable.Range(1, 2000).Select(i => new string(' ', i) + "-\n"));
        Assert.Equal(["content/en/x.md:103:101: error: lists and mappings are nested too deeply (the limit is 100 levels)"],
            FrontMatterErrors("data:\n" + nested));
    }

    [Fact]
    public void An_alias_to_no_anchor_is_located()
    {
        Assert.Equal(["content/en/x.md:3:8: error: alias '*nope' refers to no complete value anchored '&nope' before it"],
            FrontMatterErrors("data: [*nope]\n"));
    }

    [Fact]
    public void An_alias_inside_its_own_anchor_is_located()
    {
        Assert.Equal(["content/en/x.md:3:14: error: alias '*a' refers to no complete value anchored '&a' before it"],
            FrontMatterErrors("data: &a [x, *a]\n"));
    }

    [Fact]
    public void Aliases_within_the_limits_are_expanded()
    {
        using var site = new TestSite("""
            -- content/en/x.md --
            ---
            title: &t Same
            description: *t
            data: {a: &list [1, 2], b: *list}
            ---
            Body
            -- templates/layouts/page.html --
            {{ page.description }} {{ page.data.b[1] }}
            """);
        var result = site.Build();
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        Assert.Contains("Same 2", result.Output.Text("en/x/index.html"));
    }
}
