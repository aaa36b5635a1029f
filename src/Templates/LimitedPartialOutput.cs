using Scriban.Runtime;

namespace SiteGen.Templates;

/// <summary>
/// A partial's output, held to the per-page output limit: a partial's loop would otherwise fill memory before the
/// page's own output ever saw the text. Re-implements <see cref="IScriptOutput.Write"/> (Scriban writes through the
/// interface) and keeps Scriban's behaviour of emptying itself when the partial's text is taken.
/// </summary>
public sealed class LimitedPartialOutput(EscapingTemplateContext limitedBy) : StringBuilderOutput, IScriptOutput
{
    public new void Write(string text, int offset, int count)
    {
        limitedBy.CountOutput(count);
        Builder.Append(text, offset, count);
    }
}
