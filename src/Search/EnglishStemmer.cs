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
        var buffer = word.ToCharArray();
        return new string(buffer, 0, Stem(buffer));
    }

    /// <summary>Stems a word in place.</summary>
    /// <returns>the stem's length.</returns>
    public static int Stem(Span<char> word)
    {
        var n = word.Length;
        if (n < 4 || word[^1] != 's') return n;
        if (word.EndsWith("ies") && !word.EndsWith("eies") && !word.EndsWith("aies"))
        {
            word[n - 3] = 'y';
            return n - 2;
        }
        if (word.EndsWith("es") && !word.EndsWith("aes") && !word.EndsWith("ees") && !word.EndsWith("oes")) return n - 1;
        if (word.EndsWith("us") || word.EndsWith("ss")) return n;
        return n - 1;
    }
}
