namespace SiteGen.Diagnostics;

/// <summary>Suggests the closest known name for a misspelt key (Levenshtein distance, at most a third of the length).</summary>
public static class DidYouMean
{
    public static string? Hint(string unknown, IEnumerable<string> known)
    {
        var best = known
            .Select(k => (Key: k, Distance: Distance(unknown.ToLowerInvariant(), k.ToLowerInvariant())))
            .OrderBy(x => x.Distance).ThenBy(x => x.Key, StringComparer.Ordinal)
            .FirstOrDefault();
        if (best.Key is null || best.Distance > Math.Max(2, unknown.Length / 3)) return null;
        return $"did you mean '{best.Key}'?";
    }

    public static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
