using SiteGen.Diagnostics;

namespace SiteGen.Content;

/// <summary>Splits a page into its YAML front matter and its Markdown body, keeping track of file lines.</summary>
public static class FrontMatterSplitter
{
    public sealed record Parts(string Yaml, int YamlFirstLine, string Body, int BodyFirstLine);

    /// <param name="text">LF-normalised text.</param>
    public static Parts? Split(string text, string path, DiagnosticBag bag)
    {
        if (text.Trim().Length == 0)
        {
            bag.Error(new SourceLocation(path, 1, 1), "file is empty", "a page needs front matter with at least a `title`");
            return null;
        }
        if (!IsFence(text, 0, out var afterOpen))
        {
            bag.Error(new SourceLocation(path, 1, 1), "page has no front matter", "start the file with a `---` line, `title: …`, and a closing `---`");
            return null;
        }
        var line = 2;
        for (var pos = afterOpen; pos < text.Length; line++)
        {
            if (IsFence(text, pos, out var afterClose))
                return new Parts(text[afterOpen..pos], 2, text[afterClose..], line + 1);
            var nl = text.IndexOf('\n', pos);
            if (nl < 0) break;
            pos = nl + 1;
        }
        bag.Error(new SourceLocation(path, 1, 1), "front matter is not closed", "add a `---` line after the last front-matter key");
        return null;
    }

    /// <summary>A line that is exactly `---` (trailing spaces allowed).</summary>
    private static bool IsFence(string text, int pos, out int next)
    {
        next = pos;
        if (string.CompareOrdinal(text, pos, "---", 0, 3) != 0) return false;
        var end = text.IndexOf('\n', pos);
        var lineEnd = end < 0 ? text.Length : end;
        if (text.AsSpan(pos + 3, lineEnd - pos - 3).Trim().Length != 0) return false;
        next = end < 0 ? text.Length : end + 1;
        return true;
    }
}
