using SiteGen.Content;
using SiteGen.Diagnostics;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Content;

/// <summary>
/// A front-matter value of the wrong type is reported at the value, naming the key and the type the author must write,
/// in YAML's words (text, whole number, true or false, list, mapping), never .NET's.
/// </summary>
public class FrontMatterTypeTests
{
    private static string[] ErrorsFor(string frontMatter)
    {
        using var site = new TestSite($"-- content/en/x.md --\n---\n{frontMatter}---\nBody\n");
        var result = site.Build();
        Assert.False(result.Succeeded);
        return result.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()).ToArray();
    }

    public static TheoryData<string, string> WrongTypes() => new()
    {
        { "title: X\nweight: abc\n", "content/en/x.md:3:9: error: 'weight' must be a whole number, not 'abc'" },
        { "title: X\nweight: 1.5\n", "content/en/x.md:3:9: error: 'weight' must be a whole number, not '1.5'" },
        { "title: X\nweight: [1]\n", "content/en/x.md:3:9: error: 'weight' must be a whole number, not a list" },
        { "title: X\nweight: 99999999999\n", "content/en/x.md:3:9: error: 'weight' must be a whole number from -2147483648 to 2147483647, not '99999999999'" },
        { "title: [a, b]\n", "content/en/x.md:2:8: error: 'title' must be text, not a list" },
        { "title: X\ntranslation_key: {a: 1}\n", "content/en/x.md:3:18: error: 'translation_key' must be text, not a mapping" },
        { "title: X\ndraft: maybe\n", "content/en/x.md:3:8: error: 'draft' must be true or false, not 'maybe'" },
        { "title: X\ndraft: [true]\n", "content/en/x.md:3:8: error: 'draft' must be true or false, not a list" },
        { "title: X\ndate: 02/01/2026\n", "content/en/x.md:3:7: error: 'date' must be a date written YYYY-MM-DD, not '02/01/2026'" },
        { "title: X\ndate: 2026-02-30\n", "content/en/x.md:3:7: error: 'date' must be a date written YYYY-MM-DD, not '2026-02-30'" },
        { "title: X\ndate:\n  - 2026-02-05\n", "content/en/x.md:4:3: error: 'date' must be a date written YYYY-MM-DD, not a list" },
        { "title: X\ndescription:\n  short: d\n", "content/en/x.md:4:3: error: 'description' must be text, not a mapping" },
        { "title: X\nslug: [a]\n", "content/en/x.md:3:7: error: 'slug' must be text, not a list" },
        { "title: X\nlayout: {wide: true}\n", "content/en/x.md:3:9: error: 'layout' must be text, not a mapping" },
        { "title: X\ntranslated_from: [abc]\n", "content/en/x.md:3:18: error: 'translated_from' must be text, not a list" },
        { "title: X\nweight: 'a very long value that nobody would ever write as a weight'\n",
            "content/en/x.md:3:9: error: 'weight' must be a whole number, not 'a very long value that nobody would ever…'" },
        { "title: X\ndata: {a: 1, a: 2}\n", "content/en/x.md:3:14: error: duplicate key 'a'" },
        { "title: X\ndata: {[a]: 1}\n", "content/en/x.md:3:8: error: a key must be text, not a list" },
        { "title: X\n? [a, b]\n: c\n", "content/en/x.md:3:3: error: a key must be text, not a list" },
        { "- title\n", "content/en/x.md:2:1: error: expected a mapping of `key: value` lines" },
    };

    [Theory, MemberData(nameof(WrongTypes))]
    public void A_wrong_type_is_one_line_naming_the_key_and_the_type(string frontMatter, string expected)
    {
        Assert.Equal([expected], ErrorsFor(frontMatter));
    }

    [Fact]
    public void Every_wrong_value_of_a_page_is_reported_together()
    {
        Assert.Equal(
            [
                "content/en/x.md:2:8: error: 'title' must be text, not a list",
                "content/en/x.md:3:9: error: 'weight' must be a whole number, not 'abc'",
                "content/en/x.md:4:1: error: unknown key 'darft' (did you mean 'draft'?)",
            ],
            ErrorsFor("title: [a]\nweight: abc\ndarft: true\n"));
    }

    [Fact]
    public void The_forms_yaml_allows_are_read()
    {
        var bag = new DiagnosticBag();
        var yaml = "title: 123\nweight: 1_000\ndraft: yes\ndate: '2026-02-05'\ndescription: ~\ndata:\n  list: [a, 2, ~]\n  map: {k: v}\n";
        var meta = FrontMatterMapper.Read(yaml, "content/en/x.md", 2, bag)!.Value;
        Assert.Empty(bag.Sorted());
        Assert.Equal(("123", 1000, true, new DateOnly(2026, 2, 5), (string?)null), (meta.Title, meta.Weight, meta.Draft, meta.Date!.Value, meta.Description));
        var data = Assert.IsType<Dictionary<string, object?>>(meta.Data);
        Assert.Equal(["a", "2", null], Assert.IsType<List<object?>>(data["list"]));
        Assert.Equal("v", Assert.IsType<Dictionary<string, object?>>(data["map"])["k"]);
        Assert.Equal(16, FrontMatterMapper.Read("title: x\nweight: 0x10\ndraft: FALSE\n", "p.md", 2, bag)!.Value.Weight);
        Assert.Equal(-3, FrontMatterMapper.Read("title: x\nweight: '-3'\n", "p.md", 2, bag)!.Value.Weight);
        Assert.Empty(bag.Sorted());
    }
}
