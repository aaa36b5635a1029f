using System.Text;
using Scriban.Runtime;
using Scriban.Syntax;

namespace SiteGen.Templates;

/// <summary>
/// Where a template renders into an output of its own (the base layout, a special page, a partial or the layout kept
/// as a value; one called as a statement writes into its caller's): its text, and where the template's own text went
/// in it, for the link check to blame a broken link on the template line that wrote its tag. Reused for the same
/// template, like Scriban's own <see cref="StringBuilderOutput"/>: <see cref="EscapingTemplateContext.Render"/> takes
/// the text and the writes, then empties it.
/// </summary>
/// <param name="context">
/// The context rendering into it: every write is counted against the page's output limit (a partial's loop would
/// otherwise fill memory before the page's own output saw the text).
/// </param>
public sealed class TemplateOutput(EscapingTemplateContext context) : IScriptOutput
{
    private readonly StringBuilder _text = new();

    /// <summary>Where each template's literal text went in this output.</summary>
    public TemplateWrites Writes { get; private set; } = new();

    /// <summary>Empties the output for the next render; the writes so far stay with whoever took them, and the next ones start with room for as many.</summary>
    public void Clear()
    {
        _text.Clear();
        Writes = new(Writes.Count);
    }

    public void Write(string text, int offset, int count)
    {
        context.CountOutput(count);
        // Scriban writes a template's literal text from the template's whole source, with the statement as its current node.
        if (context.CurrentNode is ScriptRawStatement { Span.FileName: { } file }) Writes.Literal(_text.Length, file, text, offset, count);
        _text.Append(text, offset, count);
    }

    /// <summary>HTML written as it is, with the template writes of the output it came from (a partial's, the layout's).</summary>
    public void Write(TrustedHtml html)
    {
        context.CountOutput(html.Html.Length);
        if (html.Writes is { } writes) Writes.Include(_text.Length, html.Html.Length, writes);
        _text.Append(html.Html);
    }

    public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
    {
        Write(text, offset, count);
        return ValueTask.CompletedTask;
    }

    /// <summary>The text written: what Scriban's `Template.Render` returns.</summary>
    public override string ToString() => _text.ToString();
}
