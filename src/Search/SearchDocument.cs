namespace SiteGen.Search;

/// <summary>A stretch of a page under one heading (or one data entry), the unit a result links to and quotes from.</summary>
public sealed record SearchPassage(string Anchor, string Heading, string Text);

/// <summary>What a result shows of one page: where it is, what it is called, its passages (its terms go to the index).</summary>
public sealed record SearchDocument(int Id, string Url, string Title, string Section, string LangTag, IReadOnlyList<SearchPassage> Passages);
