namespace SiteGen.Search;

/// <summary>
/// A stretch of a page under one heading (or one data entry), the unit a result links to and quotes from. A heading's
/// passage knows the heading's place among the page's headings (from 0; -1 for text before the first heading and for
/// data entries): a translation's heading at the same place is the same section, as the parity check pairs them. The
/// heading's own text is indexed but not kept: results quote the text under it.
/// </summary>
public sealed record SearchPassage(string Anchor, string Text, int Place = -1);

/// <summary>What a result shows of one page: where it is, what it is called, its passages (its terms go to the index).</summary>
public sealed record SearchDocument(int Id, string Url, string Title, string Section, string LangTag, IReadOnlyList<SearchPassage> Passages);
