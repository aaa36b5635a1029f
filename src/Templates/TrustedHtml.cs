namespace SiteGen.Templates;

/// <summary>HTML that templates write as is: rendered Markdown, a layout's and a partial's output. Everything else is escaped.</summary>
public sealed class TrustedHtml(string html, TemplateWrites? writes = null)
{
    public string Html { get; } = html;

    /// <summary>Where the templates' text went in it, for a layout's or a partial's output (see <see cref="TemplateWrites"/>).</summary>
    internal TemplateWrites? Writes { get; } = writes;

    public override string ToString() => Html;
}
