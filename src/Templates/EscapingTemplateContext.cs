using System.Runtime.CompilerServices;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace SiteGen.Templates;

/// <summary>
/// Scriban has no auto-escaping: this context HTML-escapes every value a template writes, except
/// <see cref="TrustedHtml"/>. Typos in variable or member names are errors, not empty output.
/// </summary>
public sealed class EscapingTemplateContext : TemplateContext
{
    /// <summary>The URL of the page being rendered: every relative URL a template writes starts from it.</summary>
    public string FromUrl { get; set; } = "";
    public Config.LanguageConfig? PageLanguage { get; set; }

    // Templates being included (partials, the layout as `main`), innermost last, to report one that includes itself.
    private readonly List<string> _including = new();

    private long _steps;
    private long _written;

    // One output per template, kept with the context for as long as the template is (serve parses templates again
    // after an edit), so each starts at the size of that template's last render. A template never renders twice at
    // once: one that includes itself (a partial, the layout through `main`) is refused before it renders.
    private readonly ConditionalWeakTable<Template, TemplateOutput> _outputs = new();

    /// <summary>Renders a template into an output of its own and returns what it wrote, with where its text went.</summary>
    public RenderedTemplate Render(Template template)
    {
        var output = _outputs.GetValue(template, _ => new TemplateOutput(this));
        PushOutput(output);
        try
        {
            return new RenderedTemplate(template.Render(this), output.Writes);
        }
        finally
        {
            PopOutput();
            output.Clear();
        }
    }

    /// <summary>
    /// A template written where it is called (a partial, the page's layout as `main`). Called as a statement of its own
    /// (`{{ partial "nav.html" }}`, `{{ main }}`), it renders into the caller's output, as Zola's `include` and Hugo's
    /// blocks do; as a value (`{{ x = partial "nav.html" }}`, `{{ main | string.size }}`) it renders into an output of
    /// its own and is returned as trusted HTML. One that includes itself is an error naming the chain.
    /// </summary>
    /// <param name="path">The template's path under templates/.</param>
    /// <param name="what">How the error names it (<c>partial 'nav.html'</c>).</param>
    public TrustedHtml? Include(string path, Template template, ScriptNode? caller, string what)
    {
        if (_including.Contains(path))
            throw new ScriptRuntimeException(caller?.Span ?? default, $"{what} includes itself ({string.Join(" → ", _including.Append(path))})");
        _including.Add(path);
        try
        {
            if (!IsWritten(caller))
            {
                var rendered = Render(template);
                return new TrustedHtml(rendered.Html, rendered.Writes);
            }
            // What Scriban's Template.Render does, but for turning the output into a string at the end.
            if (template.Page is null) return null;
            if (template.SourceFilePath is { } file) PushSourceFile(file);
            try
            {
                if (Evaluate(template.Page) is { } result) Write(template.Page.Span, result);
            }
            finally
            {
                if (template.SourceFilePath is not null) PopSourceFile();
            }
            return null;
        }
        finally
        {
            _including.RemoveAt(_including.Count - 1);
        }
    }

    /// <summary>
    /// Whether the call is a statement of its own in a block, whose value the block writes. The body of a one-line
    /// function (`f(x) = partial "a.html"`) is an expression statement too, but its value is returned, not written.
    /// </summary>
    private static bool IsWritten(ScriptNode? caller) => caller?.Parent is ScriptExpressionStatement { Parent.Parent: ScriptBlockStatement };

    public EscapingTemplateContext()
    {
        StrictVariables = true;
        EnableRelaxedMemberAccess = false;
        LoopLimit = TemplateLimits.LoopIterations;
        RecursiveLimit = TemplateLimits.CallDepth;
        // Scriban cuts a longer value short without a word; ObjectToString below makes it an error instead. Set, it
        // also bounds Scriban's own string multiplication and joins. Scriban also cuts a render's output at this length:
        // the smaller output limit (counted over the same writes and more) is reached first, with an error.
        LimitToString = TemplateLimits.StringLength;
        // Scriban's own default lets one `regex.match` with a catastrophic pattern run for seconds; the first one over
        // ends the render, so a page costs at most this.
        RegexTimeOut = TemplateLimits.RegexTime;
        // Scriban's string.split makes an item per piece with no limit: a long value split on every character made
        // millions of strings on every page. Pieces count as items, as a range's do.
        if (BuiltinObject["string"] is ScriptObject strings) strings.SetValue("split", SplitWithinLimit, true);
    }

    private static readonly TemplateFunction SplitWithinLimit = new(2, (context, span, a) =>
    {
        var text = context.ObjectToString(a[0]) ?? "";
        var match = context.ObjectToString(a[1]) ?? "";
        if (match.Length > 0 && text.AsSpan().Count(match) >= TemplateLimits.LoopIterations) throw new TemplateLimitPassed(span, TemplateLimits.Range);
        return Scriban.Functions.StringFunctions.Split(text, match);
    });

    // Asked once per type and context. Scriban refuses a member set on a read-only object itself, but sets an array's
    // items through IList, which does not check: Scriban's own arrays get a guard, and reading members goes straight
    // to Scriban's accessors.
    protected override IListAccessor? GetListAccessorImpl(object target, Type type)
    {
        var accessor = base.GetListAccessorImpl(target, type);
        return accessor is not null && target is IScriptObject ? new ReadOnlyGuard(accessor) : accessor;
    }

    /// <summary>A new page: its templates get the whole budget of steps and output.</summary>
    public void StartPage() => _steps = _written = 0;

    public override object? Evaluate(ScriptNode? scriptNode, bool aliasReturnedFunction)
    {
        if (++_steps > TemplateLimits.Steps) throw new TemplateLimitPassed(scriptNode?.Span ?? CurrentSpan, TemplateLimits.Work);
        // A template's text goes straight to the output: a TemplateOutput counts it, Scriban's own (`capture`'s) does not.
        if (scriptNode is ScriptRawStatement raw && Output is not TemplateOutput) CountOutput(raw.Text.Length, raw.Span);
        return base.Evaluate(scriptNode, aliasReturnedFunction);
    }

    public override string? ObjectToString(object? value, bool nested = false)
    {
        var text = base.ObjectToString(value, nested);
        if (text is not null && text.Length >= LimitToString) throw new TemplateLimitPassed(CurrentSpan, TemplateLimits.String);
        return text;
    }

    /// <summary>Called by every output it writes to: one page's templates may write only so much.</summary>
    public void CountOutput(int count) => CountOutput(count, CurrentSpan);

    private void CountOutput(int count, SourceSpan at)
    {
        if ((_written += count) > TemplateLimits.OutputLength) throw new TemplateLimitPassed(at, TemplateLimits.Output);
    }

    public override TemplateContext Write(SourceSpan span, object? textAsObject) => textAsObject switch
    {
        // Straight to the output: Scriban's own Write looks through every string it writes for line ends (for the
        // indentation of `include`, which SiteGen's templates cannot use), and trusted HTML is whole page bodies.
        TrustedHtml trusted => WriteTrusted(trusted),
        null => this,
        _ => WriteEscaped(span, HtmlText.Escape(ObjectToString(textAsObject) ?? "")),
    };

    private TemplateContext WriteEscaped(SourceSpan span, string text)
    {
        // Scriban's own output, as inside `capture`: counted all the same.
        if (Output is not TemplateOutput) CountOutput(text.Length);
        return base.Write(span, text);
    }

    private EscapingTemplateContext WriteTrusted(TrustedHtml trusted)
    {
        if (Output is TemplateOutput output) output.Write(trusted);
        else
        {
            // Scriban's own output, as inside `capture`: counted all the same.
            CountOutput(trusted.Html.Length);
            Output.Write(trusted.Html, 0, trusted.Html.Length);
        }
        return this;
    }
}
