using System.Text;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace SiteGen.Templates;

/// <summary>
/// Template output left in a builder for the caller to read. Scriban's `Render` returns the output's `ToString()` and
/// empties a <see cref="StringBuilderOutput"/>; this one says "" and keeps its text, so no string of it is made.
/// </summary>
/// <param name="context">
/// The context rendering into it: its template text is located (<see cref="Writes"/>) and counted against the page's
/// output limit (a partial's loop would otherwise fill memory before the page's own output saw the text).
/// </param>
public sealed class BuilderOutput(EscapingTemplateContext? context = null) : IScriptOutput
{
    public StringBuilder Builder { get; } = new();

    /// <summary>Where each template's literal text went in <see cref="Builder"/>, for the link check.</summary>
    public TemplateWrites Writes { get; } = new();

    public void Clear()
    {
        Builder.Clear();
        Writes.Clear();
    }

    public void Write(string text, int offset, int count)
    {
        // Scriban writes a template's literal text from the template's whole source, with the statement as its current node.
        context?.CountOutput(count);
        if (context?.CurrentNode is ScriptRawStatement { Span.FileName: { } file }) Writes.Literal(Builder.Length, file, text, offset, count);
        Builder.Append(text, offset, count);
    }

    /// <summary>HTML written as it is, with the template writes of the output it came from (a partial's, the layout's).</summary>
    public void Write(TrustedHtml html)
    {
        context?.CountOutput(html.Length);
        if (html.Writes is { Count: > 0 } writes) Writes.Include(Builder.Length, writes);
        html.WriteTo(Builder);
    }

    public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
    {
        Write(text, offset, count);
        return ValueTask.CompletedTask;
    }

    public override string ToString() => "";
}
