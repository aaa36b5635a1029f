using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

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
        LoopLimit = int.MaxValue; // a section may list thousands of pages
        LimitToString = 0;        // Scriban otherwise cuts any value over 1 MB, such as a long page body, without a word
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
        else if (Output is StringBuilderOutput builder) trusted.WriteTo(builder.Builder);
        else Output.Write(trusted.Html, 0, trusted.Html.Length);
        return this;
    }
}
