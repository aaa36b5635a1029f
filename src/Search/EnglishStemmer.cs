namespace SiteGen.Search;

/// <summary>
/// A light plural stemmer (Harman's "S" stemmer): "chips" and "chip" meet, "batteries" and "battery" meet. Index and
/// query use the same one, so a stem needs only to be consistent, not a word. Heavier stemmers merge words readers
/// tell apart ("university", "universe").
/// </summary>
public static class EnglishStemmer
{
    public static string Stem(string word)
    {
        if (word.Length < 4 || word[^1] != 's') return word;
        if (word.EndsWith("ies", StringComparison.Ordinal) && !word.EndsWith("eies", StringComparison.Ordinal) && !word.EndsWith("aies", StringComparison.Ordinal))
            return word[..^3] + "y";
        if (word.EndsWith("es", StringComparison.Ordinal) && !word.EndsWith("aes", StringComparison.Ordinal) && !word.EndsWith("ees", StringComparison.Ordinal) && !word.EndsWith("oes", StringComparison.Ordinal))
            return word[..^1];
        if (word.EndsWith("us", StringComparison.Ordinal) || word.EndsWith("ss", StringComparison.Ordinal)) return word;
        return word[..^1];
    }
}
