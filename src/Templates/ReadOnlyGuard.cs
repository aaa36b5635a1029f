using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace SiteGen.Templates;

/// <summary>
/// Stands in front of Scriban's accessor for the items of its own arrays, so that no assignment reaches a read-only
/// one: Scriban checks `IsReadOnly` when a member is set, but an array's items are set through `IList`, which does not.
/// Every value of the template model is shared by pages rendering at the same time (see <see cref="PageModelBuilder"/>).
/// </summary>
internal sealed class ReadOnlyGuard(IListAccessor items) : IListAccessor
{
    public void SetValue(TemplateContext context, SourceSpan span, object target, int index, object? value)
    {
        if (target is IScriptObject { IsReadOnly: true }) throw new ScriptRuntimeException(span, TemplateLimits.ReadOnly);
        items.SetValue(context, span, target, index, value);
    }

    public int GetLength(TemplateContext context, SourceSpan span, object target) => items.GetLength(context, span, target);
    public object? GetValue(TemplateContext context, SourceSpan span, object target, int index) => items.GetValue(context, span, target, index);
}
