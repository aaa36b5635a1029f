using Markdig;
using Markdig.Extensions.AutoIdentifiers;

namespace SiteGen.Markdown;

/// <summary>The one Markdig pipeline every page goes through. Safe to share across threads.</summary>
public static class MarkdownPipelineFactory
{
    public static MarkdownPipeline Create(bool allowRawHtml)
    {
        // GitHub identifiers must be registered before the advanced set, or every CJK heading's id is "section".
        var builder = new MarkdownPipelineBuilder();
        // Before the auto-identifiers, which then keep the ids it gives (see UniqueHeadingIds).
        builder.Extensions.Add(new UniqueHeadingIds());
        builder
            .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
            .UseAdvancedExtensions()
            .UseCjkFriendlyEmphasis();
        if (!allowRawHtml)
        {
            builder.DisableHtml();
            // Escaping HTML is not enough: links, images and `{…}` attributes can carry script too.
            builder.Extensions.AddIfNotAlready<UnsafeMarkupChecker>();
        }
        builder.Extensions.AddIfNotAlready<CjkLineBreakExtension>();
        return builder.Build();
    }
}
