namespace SiteGen.Search;

/// <summary>
/// One string per word per indexing thread, shared by every page that has the word: a site repeats its vocabulary on
/// every page, and a new string for each page's each word was most of what indexing Latin text allocated. Capped, so a
/// site of random tokens costs no more than allocating.
/// </summary>
internal static class TermStrings
{
    private const int Cap = 200_000;

    [ThreadStatic] private static HashSet<string>? _strings;

    public static string Get(ReadOnlySpan<char> term)
    {
        var strings = _strings ??= new HashSet<string>(StringComparer.Ordinal);
        var lookup = strings.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(term, out var known)) return known;
        var made = term.ToString();
        if (strings.Count < Cap) strings.Add(made);
        return made;
    }
}
