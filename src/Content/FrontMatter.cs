namespace SiteGen.Content;

/// <summary>The keys a page may set in its front matter. Anything else is an error with a did-you-mean hint.</summary>
public sealed class FrontMatter
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    /// <summary>ISO 8601 only (YYYY-MM-DD): other forms are read differently depending on the machine's culture.</summary>
    public string? Date { get; set; }
    /// <summary>Order within the section; lower first; pages without a weight come last.</summary>
    public int? Weight { get; set; }
    /// <summary>Replaces the last URL segment.</summary>
    public string? Slug { get; set; }
    public bool Draft { get; set; }
    /// <summary>A file name under templates/layouts/ without `.html`.</summary>
    public string? Layout { get; set; }
    /// <summary>Pairs differently named files as translations of each other.</summary>
    public string? TranslationKey { get; set; }
    /// <summary>Hash of the source-language body this translation was made from (for staleness checks).</summary>
    public string? TranslatedFrom { get; set; }
    /// <summary>Free structured data for templates (lists of quotes, tables of figures…).</summary>
    public object? Data { get; set; }
}
