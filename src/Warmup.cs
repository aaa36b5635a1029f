using SiteGen.Checks;
using SiteGen.Markdown;

namespace SiteGen;

/// <summary>
/// First use of Markdig, Scriban and AngleSharp costs tens of milliseconds each (type set-up, static tables, code the
/// runtime still compiles), all on the path to the first page. Done on another core while this one reads site.yml and
/// the content, it is out of the way by the time pages render. Touches no state the build reads.
/// </summary>
public static class Warmup
{
    /// <summary>Starts and returns at once; nothing waits for it (the process may end before it does).</summary>
    public static void Start() => _ = Task.Run(() =>
    {
        try
        {
            Run();
        }
        catch (Exception)
        {
            // Only ever a head start: whatever failed here fails again in the build, which reports it properly.
        }
    });

    private static void Run()
    {
        var pipeline = MarkdownPipelineFactory.Create(allowRawHtml: false);
        var html = Markdig.Markdown.ToHtml("## 標題 *a*\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x](y.md#z)\n\n> 引文", pipeline);
        LinkScanner.Scan($"<!doctype html><html><head><title>t</title></head><body>{html}<a href=\"a/&amp;b\" id=\"c\"></a></body></html>".AsMemory(), new StringPool());
        var context = new Templates.EscapingTemplateContext();
        var globals = new Scriban.Runtime.ScriptObject { ["items"] = new Scriban.Runtime.ScriptArray { new Scriban.Runtime.ScriptObject { ["name"] = "<a>" } } };
        context.PushGlobal(globals);
        Scriban.Template.Parse("{{ for x in items }}<p>{{ x.name }}</p>{{ if x.name != \"\" }}{{ x.name | string.size }}{{ end }}{{ end }}").Render(context);
    }
}
