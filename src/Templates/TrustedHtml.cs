namespace SiteGen.Templates;

/// <summary>HTML that templates write as is: rendered Markdown and partial output. Everything else is escaped.</summary>
public sealed record TrustedHtml(string Html)
{
    public override string ToString() => Html;
}
