using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace SiteGen.Templates;

/// <summary>
/// Stands in front of Scriban's accessors for its own objects and arrays, so that no assignment reaches a read-only
/// one: Scriban checks `IsReadOnly` when a member is set, but an array's items are set through `IList`, which does not.
/// Every value of the template model is shared by pages rendering at the same time (see <see cref="PageModelBuilder"/>).
/// </summary>
internal sealed class ReadOnlyGuard(IObjectAccessor? members, IListAccessor? items) : IObjectAccessor, IListAccessor
{
    private static void Refuse(SourceSpan span, object target)
    {
        if (target is IScriptObject { IsReadOnly: true }) throw new ScriptRuntimeException(span, TemplateLimits.ReadOnly);
    }

    public bool TrySetValue(TemplateContext context, SourceSpan span, object target, string member, object? value)
    {
        Refuse(span, target);
        return members!.TrySetValue(context, span, target, member, value);
    }

    public bool TrySetItem(TemplateContext context, SourceSpan span, object target, object index, object? value)
    {
        Refuse(span, target);
        return members!.TrySetItem(context, span, target, index, value);
    }

    public void SetValue(TemplateContext context, SourceSpan span, object target, int index, object? value)
    {
        Refuse(span, target);
        items!.SetValue(context, span, target, index, value);
    }

    public int GetMemberCount(TemplateContext context, SourceSpan span, object target) => members!.GetMemberCount(context, span, target);
    public IEnumerable<string> GetMembers(TemplateContext context, SourceSpan span, object target) => members!.GetMembers(context, span, target);
    public bool HasMember(TemplateContext context, SourceSpan span, object target, string member) => members!.HasMember(context, span, target, member);
    public bool TryGetValue(TemplateContext context, SourceSpan span, object target, string member, out object? value) => members!.TryGetValue(context, span, target, member, out value);
    public bool TryGetItem(TemplateContext context, SourceSpan span, object target, object index, out object? value) => members!.TryGetItem(context, span, target, index, out value);
    public bool HasIndexer => members!.HasIndexer;
    public Type? IndexType => members!.IndexType;

    public int GetLength(TemplateContext context, SourceSpan span, object target) => items!.GetLength(context, span, target);
    public object? GetValue(TemplateContext context, SourceSpan span, object target, int index) => items!.GetValue(context, span, target, index);
}
