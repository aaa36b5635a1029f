using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;
using SiteGen.Templates;

namespace SiteGen.Tests.Templates;

/// <summary>
/// Scriban tells its limit errors apart by their text only. Each entry of <see cref="TemplateLimits.ScribanMessages"/>
/// is raised here by Scriban itself, so a Scriban upgrade that rewords one fails here instead of showing the author
/// Scriban's own words.
/// </summary>
public class ScribanMessageTests
{
    /// <summary>A template that makes Scriban raise each entry, with the limits set low so that it costs nothing.</summary>
    public static TheoryData<string, string> Triggers => new()
    {
        { "for loop statement.", "{{ while true }}{{ end }}" },
        { "for internal iteration.", "{{ a = []; a[200] = 1 }}" },
        { "Range expression exceeds LoopLimit", "{{ x = 1..1000 }}" },
        { "Exceeding number of recursive depth limit", "{{ func f; f; end; f }}" },
        { "String multiplication exceeds LimitToString", "{{ \"ab\" * 1000 }}" },
        { "Joined string exceeds LimitToString", "{{ x = \"a\" * 600; [x, x] | array.join \"\" }}" },
        { "exceeds the configured LimitToString", "{{ \"a\" | string.pad_left 2000 }}" },
        { "The object is readonly", "{{ with shared }}{{ title = \"x\" }}{{ end }}" },
    };

    [Theory]
    [MemberData(nameof(Triggers))]
    public void Scriban_raises_each_known_message_and_the_author_is_told_in_sitegens_words(string scriban, string template)
    {
        var e = RenderError(template);
        Assert.Contains(scriban, e.OriginalMessage);
        var (_, author) = Assert.Single(TemplateLimits.ScribanMessages, m => m.Scriban == scriban);
        Assert.Equal(author, TemplateLimits.Explain(e));
    }

    [Fact]
    public void Every_known_message_has_a_trigger()
    {
        Assert.Equal(TemplateLimits.ScribanMessages.Select(m => m.Scriban).Order(), Triggers.Select(row => (string)row[0]).Order());
    }

    [Fact]
    public void A_regular_expression_out_of_time_is_known_by_its_exception_type()
    {
        var e = RenderError("{{ \"" + new string('a', 40) + "!\" | regex.match \"(a+)+$\" }}", c => c.RegexTimeOut = TimeSpan.FromMilliseconds(1));
        Assert.Equal(TemplateLimits.Regex, TemplateLimits.Explain(e));
    }

    [Fact]
    public void Any_other_error_keeps_scribans_words()
    {
        Assert.Null(TemplateLimits.Explain(RenderError("{{ 1 / \"x\" + nope }}")));
    }

    private static ScriptRuntimeException RenderError(string text, Action<TemplateContext>? configure = null)
    {
        var template = Template.Parse(text, "t.html");
        Assert.False(template.HasErrors, string.Join("\n", template.Messages));
        var context = new EscapingTemplateContext { LoopLimit = 100, RecursiveLimit = 10, LimitToString = 1000 };
        configure?.Invoke(context);
        context.PushGlobal(new ScriptObject { ["shared"] = ModelConverter.ReadOnly(new ScriptObject { ["title"] = "t" }) });
        context.PushOutput(new TemplateOutput(context));
        return Assert.ThrowsAny<ScriptRuntimeException>(() => template.Render(context));
    }
}
