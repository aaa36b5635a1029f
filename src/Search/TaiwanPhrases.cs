namespace SiteGen.Search;

/// <summary>
/// Mainland words to the words Taiwan uses for the same thing (芯片 → 晶片, 軟件 → 軟體, 服務器 → 伺服器), for queries,
/// after their characters are folded to traditional ones. From OpenCC's phrase table (TWPhrases.txt beside this file,
/// Apache-2.0). Only what helps this site is kept: a phrase the index does not hold, mapped to the first of its Taiwan
/// forms that the index does hold. A phrase the table also lists among its own Taiwan forms (數據, which Taiwan writes
/// too, beside 資料) is not a fold, and neither is a phrase a page uses as it is.
/// </summary>
public static class TaiwanPhrases
{
    private static readonly Lazy<List<(string Phrase, string[] Taiwan)>> Table = new(Load);

    /// <param name="held">Whether the index holds every term of a (folded) phrase.</param>
    /// <returns>folded phrase → folded Taiwan form, in ordinal order of the phrase.</returns>
    public static SortedDictionary<string, string> For(Func<string, bool> held)
    {
        var phrases = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (phrase, taiwan) in Table.Value)
        {
            if (taiwan.Contains(phrase) || held(phrase)) continue;
            if (taiwan.FirstOrDefault(held) is { } form) phrases[phrase] = form;
        }
        return phrases;
    }

    /// <summary>A query's phrases replaced, the longest match first, from left to right.</summary>
    public static string Apply(string folded, IReadOnlyDictionary<string, string> phrases)
    {
        if (phrases.Count == 0) return folded;
        var longest = phrases.Keys.Max(k => k.Length);
        var result = new System.Text.StringBuilder();
        for (var i = 0; i < folded.Length;)
        {
            var matched = false;
            for (var n = Math.Min(longest, folded.Length - i); n >= 1 && !matched; n--)
                if (phrases.TryGetValue(folded.Substring(i, n), out var to))
                {
                    result.Append(to);
                    i += n;
                    matched = true;
                }
            if (!matched) result.Append(folded[i++]);
        }
        return result.ToString();
    }

    private static List<(string, string[])> Load()
    {
        using var stream = typeof(TaiwanPhrases).Assembly.GetManifestResourceStream("SiteGen.Search.TWPhrases.txt")
            ?? throw new InvalidOperationException("TWPhrases.txt is missing from the build");
        using var reader = new StreamReader(stream);
        var entries = new List<(string, string[])>();
        while (reader.ReadLine() is { } line)
        {
            var tab = line.IndexOf('\t');
            if (line.StartsWith('#') || tab < 1) continue;
            entries.Add((TextFolder.Fold(line[..tab]),
                line[(tab + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(TextFolder.Fold).ToArray()));
        }
        return entries;
    }
}
