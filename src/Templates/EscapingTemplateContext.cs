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

    /// <summary>Partials being rendered, innermost last, to report recursion by name.</summary>
    public List<string> PartialStack { get; } = new();

    private readonly List<BuilderOutput> _partialOutputs = new();

    /// <summary>Where a page's layout is rendered before the base layout wraps it: kept, like the context, per thread.</summary>
    public BuilderOutput LayoutOutput { get; }

    /// <summary>Where the base layout renders the whole page.</summary>
    public BuilderOutput PageOutput { get; }

    private long _steps;
    private long _written;

    /// <summary>
    /// The output for a partial at a nesting depth, kept with the context (one per thread): Scriban empties it after
    /// each render, so each page's partials need no new StringBuilder.
    /// </summary>
    public BuilderOutput PartialOutput(int depth)
    {
        while (_partialOutputs.Count <= depth) _partialOutputs.Add(new BuilderOutput(this));
        return _partialOutputs[depth];
    }

    public EscapingTemplateContext()
    {
        LayoutOutput = new BuilderOutput(this);
        PageOutput = new BuilderOutput(this);
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
    }

    /// <summary>A new page: its templates get the whole budget of steps and output.</summary>
    public void StartPage() => _steps = _written = 0;

    public override object? Evaluate(ScriptNode? scriptNode, bool aliasReturnedFunction)
    {
        if (++_steps > TemplateLimits.Steps) throw new ScriptRuntimeException(scriptNode?.Span ?? CurrentSpan, TemplateLimits.Work);
        return base.Evaluate(scriptNode, aliasReturnedFunction);
    }

    public override string? ObjectToString(object? value, bool nested = false)
    {
        var text = base.ObjectToString(value, nested);
        if (text is not null && text.Length >= LimitToString) throw new ScriptRuntimeException(CurrentSpan, TemplateLimits.String);
        return text;
    }

    /// <summary>Called by every output it writes to: one page's templates may write only so much.</summary>
    public void CountOutput(int count)
    {
        if ((_written += count) > TemplateLimits.OutputLength) throw new ScriptRuntimeException(CurrentSpan, TemplateLimits.Output);
    }

    public override TemplateContext Write(SourceSpan span, object? textAsObject) => textAsObject switch
    {
        // Straight to the output: Scriban's own Write looks through every string it writes for line ends (for the
        // indentation of `include`, which SiteGen's templates cannot use), and trusted HTML is whole page bodies.
        TrustedHtml trusted => WriteTrusted(trusted),
        null => this,
        _ => base.Write(span, HtmlText.Escape(ObjectToString(textAsObject) ?? "")),
    };

    private EscapingTemplateContext WriteTrusted(TrustedHtml trusted)
    {
        if (Output is BuilderOutput output) output.Write(trusted);
        else if (Output is StringBuilderOutput builder)
        {
            CountOutput(trusted.Length);
            trusted.WriteTo(builder.Builder);
        }
        else Output.Write(trusted.Html, 0, trusted.Html.Length);
        return this;
    }
}
