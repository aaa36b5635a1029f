using SiteGen.Tests.Support;

namespace SiteGen.Tests.Templates;

/// <summary>
/// A language's culture gives its month names, nothing else: the year is the Gregorian year and a `/` or `:` the
/// author wrote in `date_format` stays as written, whatever the culture's own calendar and separators.
/// </summary>
public class DateCalendarTests
{
    private const string Config = """
        default_language: de
        languages:
          - key: de
            name: Deutsch
            prefix: de
            title: Testseite
            date_format: "yyyy/MM/dd"
            strings: { read_in: Deutsch, missing: Noch nicht übersetzt }
          - key: th
            name: ไทย
            prefix: th
            title: เว็บทดสอบ
            date_format: "d MMMM yyyy"
            strings: { read_in: ไทย, missing: ยังไม่ได้แปล }
        """;

    [Fact]
    public void Dates_keep_the_gregorian_year_and_the_separators_written()
    {
        using var site = new TestSite("-- site.yml --\n" + Config + "\n" + """
            -- templates/layouts/page.html --
            <p class="date">{{ page.date_display }}</p>
            -- content/de/p.md --
            ---
            title: Seite
            date: 2026-02-05
            ---
            -- content/th/p.md --
            ---
            title: หน้า
            date: 2026-02-05
            ---

            """);
        var result = site.Build();
        Assert.True(result.Succeeded, string.Join("\n", TestSite.Errors(result)));
        Assert.Contains("<p class=\"date\">2026/02/05</p>", result.Output.Text("de/p/index.html"));
        Assert.Contains("<p class=\"date\">5 กุมภาพันธ์ 2026</p>", result.Output.Text("th/p/index.html"));
    }
}
