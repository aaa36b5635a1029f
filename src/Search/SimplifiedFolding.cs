namespace SiteGen.Search;

/// <summary>
/// Simplified characters to traditional ones, for queries typed in simplified Chinese (数据中心 → 數據中心). From OpenCC's
/// character table (STCharacters.txt beside this file, Apache-2.0), each traditional form also in its Taiwan variant
/// (TWVariants.txt: 爲 → 為), since OpenCC's own standard is not Taiwan's. Only what helps this site is kept: a simplified
/// character the index does not hold, mapped to the first of its traditional forms that the index does hold. A
/// character a page uses as it is (台, 干) is never folded away.
/// </summary>
public static class SimplifiedFolding
{
    private static readonly Lazy<List<(char Simplified, char[] Traditional)>> Table = new(Load);

    public static SortedDictionary<char, char> For(Func<char, bool> indexed)
    {
        var fold = new SortedDictionary<char, char>();
        foreach (var (simplified, traditional) in Table.Value)
        {
            if (indexed(simplified)) continue;
            foreach (var t in traditional)
                if (t != simplified && indexed(t))
                {
                    fold[simplified] = t;
                    break;
                }
        }
        return fold;
    }

    private static List<(char, char[])> Load()
    {
        var taiwan = Read("TWVariants.txt").ToDictionary(e => e.Key, e => e.Forms[0]);
        return Read("STCharacters.txt")
            .Select(e => (e.Key, e.Forms.SelectMany(f => taiwan.TryGetValue(f, out var tw) ? new[] { f, tw } : [f]).ToArray()))
            .ToList();
    }

    private static IEnumerable<(char Key, char[] Forms)> Read(string name)
    {
        using var stream = typeof(SimplifiedFolding).Assembly.GetManifestResourceStream("SiteGen.Search." + name)
            ?? throw new InvalidOperationException($"{name} is missing from the build");
        using var reader = new StreamReader(stream);
        var entries = new List<(char, char[])>();
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#') || line.Length < 3 || line[1] != '\t') continue;
            // Forms outside the basic plane are two UTF-16 units: left out, as the browser folds one unit to one.
            var forms = line[2..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(f => f.Length == 1).Select(f => f[0]).ToArray();
            if (forms.Length > 0) entries.Add((line[0], forms));
        }
        return entries;
    }
}
