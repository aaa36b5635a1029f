using System.Text;
using SiteGen.Markdown;
using SiteGen.Templates;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Security;

/// <summary>
/// Input meant to make the build run for hours or exhaust memory ends with one located error that names the limit.
/// Each build runs under a generous timeout, so a regression fails the test instead of hanging the run; how fast the
/// build ends is measured in benchmarks, not asserted here.
/// </summary>
public class HostileInputTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(2);

    private const string Page = "-- content/en/p.md --\n---\ntitle: P\n---\n";

    /// <summary>A page whose layout includes a partial with the given text.</summary>
    private static string WithPartial(string partial) =>
        Page + "Body\n-- templates/layouts/page.html --\n<h1>{{ page.title }}</h1>\n{{ partial \"x.html\" }}\n-- templates/partials/x.html --\n" + partial + "\n";

    private static async Task<string[]> ErrorsOf(string blocks)
    {
        using var site = new TestSite(blocks);
        var result = await Task.Run(() => site.Build()).WaitAsync(Generous);
        return TestSite.Errors(result).Where(e => e.Contains(": error: ")).ToArray();
    }

    private const string WhileRendering = " (while rendering content/en/p.md)";

    public static TheoryData<string, string, string> TemplateCases() => new()
    {
        { "endless while", "{{ while true }}{{ end }}", "templates/partials/x.html:1:4: error: " + TemplateLimits.Loop },
        { "two billion iterations", "{{ for i in 1..2000000000 }}x{{ end }}", "templates/partials/x.html:1:14: error: " + TemplateLimits.Range },
        { "nested loops", "{{ for i in 1..1000; for j in 1..1000; end; end }}", "templates/partials/x.html:1:22: error: " + TemplateLimits.Loop },
        { "string doubled 40 times", "{{ s = \"x\"; for i in 1..40; s = s + s; end }}", "templates/partials/x.html:1:33: error: " + TemplateLimits.String },
        { "string multiplied", "{{ s = \"x\" * 2000000000 }}", "templates/partials/x.html:1:14: error: " + TemplateLimits.String },
        { "function calling itself", "{{ func f; f; end; f }}", "templates/partials/x.html:1:12: error: " + TemplateLimits.Recursion },
        { "recursion that branches", "{{ func f(n); if n > 0; f(n - 1); f(n - 1); end; end; f 60 }}", "templates/partials/x.html:1:27: error: " + TemplateLimits.Work },
        { "output past the page limit", "{{ s = \"<\" * 1000000 }}{{ for i in 1..100; s; end }}", "templates/partials/x.html:1:44: error: " + TemplateLimits.Output },
        { "raw text written in a loop", "{{ for i in 1..199999 }}" + new string('x', 1000) + "{{ end }}", "templates/partials/x.html:1:25: error: " + TemplateLimits.Output },
        // `capture` writes into an output of Scriban's own, which counted nothing: a page could build any amount of text.
        { "raw text captured in a loop", "{{ capture c }}{{ for i in 1..40 }}" + new string('x', 1_000_000) + "{{ end }}{{ end }}", "templates/partials/x.html:1:36: error: " + TemplateLimits.Output },
        { "values captured in a loop", "{{ s = \"x\" * 1000000 }}{{ capture c }}{{ for i in 1..40; s; end }}{{ end }}", "templates/partials/x.html:1:58: error: " + TemplateLimits.Output },
        { "a partial captured in a loop", "{{ capture c }}{{ for i in 1..40 }}{{ partial \"y.html\" }}{{ end }}{{ end }}\n-- templates/partials/y.html --\n" + new string('x', 1_000_000), "templates/partials/y.html:1:1: error: " + TemplateLimits.Output },
        { "a long value split into millions of pieces", "{{ s = \"a,\" * 8000000; x = s | string.split \",\" }}{{ x | array.size }}", "templates/partials/x.html:1:32: error: " + TemplateLimits.Range },
    };

    [Fact]
    public async Task A_value_split_into_as_many_pieces_as_a_loop_may_have_renders()
    {
        var errors = await ErrorsOf(WithPartial("{{ s = \"a,\" * 199999; x = s | string.split \",\" }}{{ x | array.size }} {{ \"a, b,c\" | string.split \",\" | array.join \"|\" }}"));

        Assert.Empty(errors);
    }

    [Fact]
    public async Task Text_a_partial_or_the_layout_writes_where_it_is_called_counts_once_against_the_output_limit()
    {
        // 21 M characters: written through a partial called as a statement, in the layout written as `main`, they are
        // under the page's limit; rendered apart and then placed (as a value), they would count twice.
        var errors = await ErrorsOf(Page + "Body\n-- templates/layouts/page.html --\n{{ for i in 1..6 }}{{ partial \"y.html\" }}{{ end }}\n"
            + "-- templates/partials/y.html --\n" + new string('x', 3_500_000) + "\n");

        Assert.Empty(errors);
    }

    [Theory, MemberData(nameof(TemplateCases))]
    public async Task Hostile_template_ends_with_the_template_line_and_the_page(string what, string partial, string expected)
    {
        var errors = await ErrorsOf(WithPartial(partial));

        Assert.True(errors.Length == 1 && errors[0] == expected + WhileRendering, what + ":\n" + string.Join("\n", errors));
    }

    /// <summary>
    /// A limit passed in a partial every page uses is passed again by each page, each costing the limit's worth of work:
    /// a footer doubling a string took 5 GB over 25 pages. After the first, no more templates are rendered, so a
    /// thousand pages end with the one error well inside the timeout (about 800 s of CPU before).
    /// </summary>
    [Fact, Trait("Category", "Stress")]
    public async Task A_limit_passed_in_a_partial_every_page_uses_ends_the_rendering()
    {
        var pages = string.Concat(Enumerable.Range(0, 1000).Select(i => $"-- content/en/p{i}.md --\n---\ntitle: P{i}\n---\nBody\n"));
        var errors = await ErrorsOf(pages + "-- templates/layouts/page.html --\n<h1>{{ page.title }}</h1>\n{{ partial \"x.html\" }}\n-- templates/partials/x.html --\n{{ s = \"x\"; for i in 1..40; s = s + s; end }}\n");

        Assert.Single(errors);
        Assert.StartsWith("templates/partials/x.html:1:33: error: " + TemplateLimits.String + " (while rendering content/en/p", errors[0]);
    }

    /// <summary>
    /// Each rendering thread may hold a page's limits' worth of memory, so their number must not grow with the load: with
    /// no bound the thread pool kept adding threads while the test above's pages were busy, and a loaded machine's test
    /// run was killed for memory (23 GB).
    /// </summary>
    [Fact]
    public void A_build_renders_on_one_thread_per_core_at_most()
    {
        var parallelism = new BuildOptions { Root = "." }.Parallelism.MaxDegreeOfParallelism;

        Assert.InRange(parallelism, 1, Environment.ProcessorCount);
    }

    [Fact]
    public async Task The_landing_page_is_held_to_the_same_limits()
    {
        var errors = await ErrorsOf(Page + "Body\n-- templates/landing.html --\n{{ for i in 1..199999 }}" + new string('x', 1000) + "{{ end }}\n");

        Assert.Equal(["templates/landing.html:1:25: error: " + TemplateLimits.Output + " (while rendering index.html)"], errors);
    }

    [Fact]
    public async Task A_loop_over_ten_thousand_items_with_output_is_within_the_limits()
    {
        var errors = await ErrorsOf(WithPartial("{{ for i in 1..10000 }}<li>{{ i }} {{ page.title | string.upcase }}</li>{{ end }}"));

        Assert.Empty(errors);
    }

    private static string NestedList(int depth) =>
        string.Concat(Enumerable.Range(0, depth).Select(i => new string(' ', 2 * i) + "- item\n"));

    private static string Repeat(string text, int times) => new StringBuilder().Insert(0, text, times).ToString();

    // The body starts on line 4 of content/en/p.md.
    public static TheoryData<string, string, string> MarkdownCases() => new()
    {
        { "list nested 2,000 levels", NestedList(2000), $"content/en/p.md:36:65: error: {MarkdownLimits.BlockNestingMessage}" },
        { "5,000 quote markers", new string('>', 5000) + " deep\n", $"content/en/p.md:4:33: error: {MarkdownLimits.BlockNestingMessage}" },
        { "quotes nested a level a line", string.Concat(Enumerable.Range(1, 2000).Select(i => new string('>', i) + " x\n")), $"content/en/p.md:36:33: error: {MarkdownLimits.BlockNestingMessage}" },
        { "lists inside quotes inside lists", Repeat("- > ", 1000) + "x\n", $"content/en/p.md:4:65: error: {MarkdownLimits.BlockNestingMessage}" },
        { "list nested inside a quote", string.Concat(Enumerable.Range(0, 2000).Select(i => "> " + new string(' ', 2 * i) + "- x\n")), $"content/en/p.md:35:65: error: {MarkdownLimits.BlockNestingMessage}" },
        { "200,000 list items", Repeat("- \n", 200_000), $"content/en/p.md:50004:1: error: {MarkdownLimits.ListItemsMessage}" },
        { "nested emphasis", new string('*', 20000) + "x" + new string('*', 20000) + "\n", $"content/en/p.md:4:1: error: {MarkdownLimits.InlineNestingMessage}" },
        { "emphasis of two kinds", Repeat("*a _b ", 5000) + Repeat("b_ a*", 5000) + "\n", $"content/en/p.md:4:151: error: {MarkdownLimits.InlineNestingMessage}" },
        { "nested link brackets", new string('[', 20000) + "x" + new string(']', 20000) + "\n", $"content/en/p.md:4:51: error: {MarkdownLimits.InlineNestingMessage}" },
        { "links in images in links", Repeat("[![a", 5000) + Repeat("](u)](v)", 5000) + "\n", $"content/en/p.md:4:101: error: {MarkdownLimits.InlineNestingMessage}" },
        { "backtick runs of every length", string.Concat(Enumerable.Range(1, 2000).Select(i => new string('`', i) + " ")) + "\n", $"content/en/p.md:4:2145: error: {MarkdownLimits.BacktickRunMessage}" },
    };

    [Theory, MemberData(nameof(MarkdownCases))]
    public async Task Hostile_markdown_ends_with_the_line_over_the_limit(string what, string body, string expected)
    {
        var errors = await ErrorsOf(Page + body);

        Assert.True(errors.Length == 1 && errors[0] == expected, what + ":\n" + string.Join("\n", errors));
    }

    [Fact]
    public async Task Nesting_up_to_the_limit_renders()
    {
        var body = NestedList(MarkdownLimits.BlockNesting) + "\n" + new string('>', MarkdownLimits.BlockNesting) + " deep\n\n"
            + new string('*', 24) + "x" + new string('*', 24) + "\n\n```\n" + NestedList(100) + "```\n";

        using var site = new TestSite(Page + body);
        var result = await Task.Run(() => site.Build()).WaitAsync(Generous);

        Assert.DoesNotContain(TestSite.Errors(result), e => e.Contains(": error: "));
    }

    /// <summary>Real pages the inline count once refused: table rows and abbreviation definitions each start afresh,
    /// and a code span's text is literal.</summary>
    [Fact]
    public async Task Tables_abbreviations_and_code_spans_do_not_count_as_nesting()
    {
        var table = "| name | signature |\n| --- | --- |\n" + string.Concat(Enumerable.Range(0, 60).Select(i => $"| _f{i} | `*args, **kw` |\n"));
        var abbreviations = string.Concat(Enumerable.Range(0, 60).Select(i => $"*[A{i}]: Abbreviation {i}\n"));
        var code = string.Concat(Enumerable.Range(0, 60).Select(i => "`[*_` ")) + "\n";
        using var site = new TestSite(Page + table + "\n" + abbreviations + "\n" + code);
        var result = await Task.Run(() => site.Build()).WaitAsync(Generous);

        Assert.DoesNotContain(TestSite.Errors(result), e => e.Contains(": error: "));
    }
}
