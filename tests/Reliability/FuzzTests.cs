using FsCheck;
using FsCheck.Fluent;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Reliability;

/// <summary>
/// Random front matter and Markdown (random Unicode, CJK, control characters, truncated files) never crash the build,
/// always give output or located diagnostics, and the same input always gives the same result.
/// SITEGEN_FUZZ_CASES sets the number of cases (default 2000; raise it by hand).
/// </summary>
[Trait("Category", "Fuzz")]
public class FuzzTests
{
    private static readonly int Cases = int.TryParse(Environment.GetEnvironmentVariable("SITEGEN_FUZZ_CASES"), out var n) ? n : 2000;

    private static readonly string[] FrontMatterPieces =
    [
        "---\n", "title: ", "title: 標題\n", "weight: ", "date: ", "2026-02-05", "02/01/2026", "slug: ", "draft: true\n",
        "layout: ", "data:\n", "  - id: q1\n", "  key: [1, 2\n", "description: \"", "\"", "'", ": ", "\n", "  ", "- ", "{", "}",
        "[", "]", "&anchor ", "*anchor", "!!str ", "|\n", ">\n", "#", "\t", "\u0000", "\u0007", "\uFEFF", "\r\n", "titel: x\n", "abc",
    ];

    private static readonly string[] MarkdownPieces =
    [
        "# ", "## 記憶體\n", "> ", "- ", "1. ", "* ", "**", "*", "_", "`", "```\n", "|", "|---|\n", "[", "]", "(", ")", "](", "![",
        "[x](other.md)", "[x](other.md#記憶體)", "[x](missing.md)", "[x](#nope)", "<https://example.org>", "<b>", "</b>", "<script>",
        "[^1]", "[^1]: note\n", "{#id}", "{.c}", "\n", "\n\n", "    ", "中文", "「引號」", "，", "。", "text", "😀", "\u202E", "\u0000",
        "\u0001", "\r", "\uFFFF", "\uD800", "&amp;", "&#0;", "$x$", "::: note\n", "---\n", "===\n", "\\",
    ];

    private static Gen<string> Text(string[] pieces) => Gen.Elements(pieces).ArrayOf().Select(string.Concat);

    private static Arbitrary<string> Pages() =>
        (from fm in Text(FrontMatterPieces)
         from md in Text(MarkdownPieces)
         from fence in Gen.Elements("---\n", "", "---\r\n")
         from cut in Gen.Choose(0, 100)
         let full = fence + fm + fence + md
         select full[..(full.Length * cut / 100)]).ToArbitrary();

    [Fact]
    public void Random_pages_give_output_or_located_diagnostics_and_are_deterministic()
    {
        using var site = new TestSite("""
            -- content/en/other.md --
            ---
            title: Other
            ---
            ## 記憶體
            """);
        Prop.ForAll(Pages(), page =>
        {
            site.Write("content/en/fuzz.md", page);
            var first = site.Build();
            var second = site.Build();
            var rendered = first.Output.Contains("en/fuzz/index.html");
            var located = first.Diagnostics.Any(d => d.IsError && d.Location is { } l && l.Path.Length > 0);
            var skippedDraft = page.Contains("draft: true");
            var same = Snapshot.Of(first.Output) == Snapshot.Of(second.Output)
                       && first.Diagnostics.SequenceEqual(second.Diagnostics);
            if (!(rendered || located || skippedDraft))
                throw new Exception("neither output nor a located error: " + string.Join(" | ", first.Diagnostics));
            if (!same) throw new Exception("two builds of the same input differ");
            return true;
        }).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(Cases).WithQuietOnSuccess(true));
    }
}
