namespace SiteGen.Content;

/// <summary>The keys a page may set in its front matter (read by <see cref="FrontMatterMapper"/>, which names them in snake_case).</summary>
public sealed class FrontMatter
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    /// <summary>Written YYYY-MM-DD only: other forms are read differently from one country to the next.</summary>
    public DateOnly? Date { get; set; }
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
    /// <summary>Free structured data for templates (lists of quotes, tables of figures…): text, lists of values and
    /// string-keyed dictionaries of values.</summary>
    public object? Data { get; set; }
}
