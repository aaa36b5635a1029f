using System.Text;

namespace SiteGen.Templates;

/// <summary>HTML that templates write as is: rendered Markdown and partial output. Everything else is escaped.</summary>
public sealed class TrustedHtml
{
    private string? _html;
    private readonly StringBuilder? _builder;

    public TrustedHtml(string html) => _html = html;

    /// <summary>A partial's output, with where its templates' text went in it (see <see cref="TemplateWrites"/>).</summary>
    internal TrustedHtml(string html, IReadOnlyList<TemplateWrites.Write> writes) => (_html, Writes) = (html, writes);

    internal IReadOnlyList<TemplateWrites.Write>? Writes { get; }

    /// <summary>
    /// A layout's output still in the renderer's builder, for the base layout to copy as it is: no string of the page's
    /// main part is made (a ninth of all that a 2,000-page build with views allocated). Valid while that page renders.
    /// </summary>
    internal TrustedHtml(StringBuilder builder, IReadOnlyList<TemplateWrites.Write>? writes = null) => (_builder, Writes) = (builder, writes);

    public string Html => _html ??= _builder!.ToString();

    public int Length => _html?.Length ?? _builder!.Length;

    internal void WriteTo(StringBuilder output)
    {
        if (_html is null && _builder is not null) output.Append(_builder);
        else output.Append(Html);
    }

    public override string ToString() => Html;
}
