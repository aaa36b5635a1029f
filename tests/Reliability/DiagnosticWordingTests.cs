using System.Text.RegularExpressions;
using SiteGen.Tests.Config;
using SiteGen.Tests.Content;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Reliability;

/// <summary>
/// No message the author sees names a .NET type, an assembly or a library: neither any message the test suite expects,
/// nor what every bad-input case and every front-matter and site.yml key given every wrong kind of value produce.
/// </summary>
public partial class DiagnosticWordingTests
{
    [GeneratedRegex(@"System\.|YamlDotNet|Markdig|Scriban|AngleSharp|Exception|Version=|PublicKeyToken|Culture=|\bat [A-Z]\w+\.\w+\(")]
    private static partial Regex DotNetWords();

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex StringLiteral();

    private static void AssertAuthorsWords(IEnumerable<string> messages)
    {
        var leaks = messages.Where(m => DotNetWords().IsMatch(m)).Distinct().ToList();
        Assert.True(leaks.Count == 0, "messages in .NET's terms:\n" + string.Join("\n", leaks));
    }

    [Fact]
    public void No_expected_message_in_the_test_suite_names_dotnet()
    {
        var expected = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Repo.Tests, "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")))
            foreach (Match literal in StringLiteral().Matches(File.ReadAllText(file)))
                if (literal.Value.Contains(": error: ") || literal.Value.Contains(": warning: ")) expected.Add(literal.Value);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repo.Tests, "Fixtures"), "expected-*.txt", SearchOption.AllDirectories))
            expected.AddRange(File.ReadAllLines(file));
        Assert.True(expected.Count > 100, $"only {expected.Count} expected messages found");
        AssertAuthorsWords(expected);
    }

    [Fact]
    public void Every_bad_input_case_reports_in_the_authors_words()
    {
        var messages = new List<string>();
        foreach (var row in BadInputTests.Cases())
        {
            using var site = new TestSite("-- content/zh-Hant/p.md --\n---\ntitle: 頁\n---\n-- content/en/p.md --\n---\ntitle: Page\n---\n");
            foreach (var (path, text) in TestSite.Parse((string)row[1])) site.Write(path, text);
            messages.AddRange(site.Build().Diagnostics.Select(d => d.ToString()));
        }
        Assert.NotEmpty(messages);
        AssertAuthorsWords(messages);
    }

    /// <summary>Values of every kind YAML has, and some that look like one kind and are not.</summary>
    private static readonly string[] WrongValues =
    [
        "abc", "1.5", "maybe", "~", "''", "99999999999", "-0x", "2026-13-45", "[a, b]", "{a: 1}", "[]", "{}", "!!binary aGk=",
        "!!int x", "!custom x", "&a [*a]", "*nope", "\"\\u0001\"", "|\n  a\n  b", "? [a]\n  : b", "[[[]]]", "{[a]: b}", "'0x' ",
    ];

    private static readonly string[] FrontMatterKeys =
        ["title", "description", "date", "weight", "slug", "draft", "layout", "translation_key", "translated_from", "data"];

    [Fact]
    public void Every_front_matter_key_given_every_kind_of_wrong_value_reports_in_the_authors_words()
    {
        var messages = new List<string>();
        using var site = new TestSite("");
        var i = 0;
        foreach (var key in FrontMatterKeys)
            foreach (var value in WrongValues)
                site.Write($"content/en/p{i++}.md", $"---\n{(key == "title" ? "" : "title: T\n")}{key}: {value}\n---\nBody\n");
        messages.AddRange(site.Build().Diagnostics.Select(d => d.ToString()));
        Assert.Contains(messages, m => m.Contains("'weight' must be a whole number"));
        AssertAuthorsWords(messages);
    }

    [Fact, Trait("Category", "Stress")]
    public void Every_site_yml_key_given_every_kind_of_wrong_value_reports_in_the_authors_words()
    {
        var messages = new List<string>();
        string[] top = ["base_url", "default_language", "allow_raw_html", "side_by_side", "languages", "menu"];
        string[] language = ["key", "tag", "name", "prefix", "title", "description", "date_format", "strings"];
        foreach (var value in WrongValues)
        {
            foreach (var key in top)
                messages.AddRange(SiteYmlMessages($"{key}: {value}\n" + TestSite.DefaultConfig.Replace($"{key}:", $"x_{key}:")));
            foreach (var key in language)
                messages.AddRange(SiteYmlMessages(TestSite.DefaultConfig.Replace("  - key: en\n", $"  - {key}: {value.Replace("\n", "\n      ")}\n    x: 1\n  - key: en\n")));
            messages.AddRange(SiteYmlMessages(TestSite.DefaultConfig.Replace("      read_in: English", $"      read_in: {value.Replace("\n", "\n        ")}")));
        }
        Assert.Contains(messages, m => m.Contains("'side_by_side' must be true or false"));
        AssertAuthorsWords(messages);
    }

    private static IEnumerable<string> SiteYmlMessages(string yml)
    {
        using var site = new TestSite($"-- site.yml --\n{yml}");
        return site.Build().Diagnostics.Select(d => d.ToString()).ToList();
    }
}
