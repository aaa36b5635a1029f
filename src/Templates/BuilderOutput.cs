using System.Text;
using Scriban.Runtime;

namespace SiteGen.Templates;

/// <summary>
/// Template output left in a builder for the caller to read. Scriban's `Render` returns the output's `ToString()` and
/// empties a <see cref="StringBuilderOutput"/>; this one says "" and keeps its text, so no string of it is made.
/// </summary>
public sealed class BuilderOutput(EscapingTemplateContext? limitedBy = null) : IScriptOutput
{
    public StringBuilder Builder { get; } = new();

    public void Write(string text, int offset, int count)
    {
        limitedBy?.CountOutput(count);
        Builder.Append(text, offset, count);
    }

    public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
    {
        Write(text, offset, count);
        return ValueTask.CompletedTask;
    }

    public override string ToString() => "";
}
