using SiteGen.Content;
using SiteGen.Diagnostics;

namespace SiteGen.Search;

/// <summary>
/// Text the index cannot hold: an unpaired surrogate (a YAML escape such as `"\ud800"` makes one) is no character at
/// all, and the index is UTF-8 JSON. Reported at the key that holds it; the page is left out of the index.
/// </summary>
public static class IndexableText
{
    public static bool Check(Page page, DiagnosticBag bag)
    {
        foreach (var (key, text) in Fields(page))
        {
            if (!HasLoneSurrogate(text)) continue;
            bag.Error(page.At(key), $"`{key}` holds half of a character (an unpaired surrogate, such as the escape \"\\ud800\"): the page cannot be indexed for search; write the character itself");
            return false;
        }
        return true;
    }

    private static IEnumerable<(string Key, string Text)> Fields(Page page)
    {
        yield return ("title", page.Title);
        yield return ("description", page.Meta.Description ?? "");
        foreach (var s in Strings(page.Meta.Data)) yield return ("data", s);
    }

    private static IEnumerable<string> Strings(object? value) => value switch
    {
        string s => [s],
        System.Collections.IDictionary map => map.Values.Cast<object?>().SelectMany(Strings),
        System.Collections.IEnumerable list => list.Cast<object?>().SelectMany(Strings),
        _ => [],
    };

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return true;
        }
        return false;
    }
}
