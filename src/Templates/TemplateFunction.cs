using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace SiteGen.Templates;

/// <summary>
/// A template function that Scriban calls directly. Imported delegates are called through reflection, with each
/// argument converted on the way, a large share of the time spent in templates (docs/performance.md, design choices).
/// </summary>
public sealed class TemplateFunction(int parameters, Func<TemplateContext, ScriptNode?, ScriptArray, object?> body) : IScriptCustomFunction
{
    /// <param name="body">Called with the span of the call, for errors.</param>
    public TemplateFunction(int parameters, Func<TemplateContext, SourceSpan, ScriptArray, object?> body)
        : this(parameters, (context, caller, arguments) => body(context, caller?.Span ?? default, arguments)) { }

    // Scriban asks for these on every call, argument by argument: made once, not once per call.
    private readonly ScriptParameterInfo[] _parameterInfos = Describe(parameters);

    public int RequiredParameterCount => parameters;
    public int ParameterCount => parameters;
    public ScriptVarParamKind VarParamKind => ScriptVarParamKind.None;
    public Type ReturnType => typeof(object);
    public ScriptParameterInfo GetParameterInfo(int index) =>
        index >= 0 && index < _parameterInfos.Length ? _parameterInfos[index] : new(typeof(object), $"arg{index + 1}");

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        body(context, callerContext, arguments);

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        new(Invoke(context, callerContext, arguments, blockStatement));

    private static ScriptParameterInfo[] Describe(int count)
    {
        var infos = new ScriptParameterInfo[count];
        for (var i = 0; i < count; i++) infos[i] = new ScriptParameterInfo(typeof(object), $"arg{i + 1}");
        return infos;
    }

    /// <summary>An argument as text, the way Scriban writes a value (a missing value is empty).</summary>
    public static string Text(TemplateContext context, object? value) => value as string ?? context.ObjectToString(value) ?? "";
}
