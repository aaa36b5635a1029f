using System.Text;
using SiteGen.Content;
using SiteGen.Diagnostics;
using SiteGen.Markdown;

namespace SiteGen.Parity;

/// <summary>
/// `SiteGen translated PATH`: records in a translation's front matter which version of its source it was made from
/// (a short hash per source block), so the parity check can later say which source paragraphs changed.
/// </summary>
public static class TranslationStamp
{
    public const string Key = "translated_from";

    /// <returns>the stamped file's site-relative path, or null with errors in the bag.</returns>
    public static string? Stamp(string root, SiteIndex index, MarkdownStage markdown, string path, DiagnosticBag bag)
    {
        var relative = Path.GetRelativePath(root, Path.GetFullPath(path)).Replace('\\', '/');
        var page = index.BySource(relative);
        if (page is null)
        {
            bag.Error(new SourceLocation(relative), "not a page of this site");
            return null;
        }
        var defaultLanguage = index.Config.DefaultLanguage;
        if (page.Language.Key == defaultLanguage || !index.Translations(page).TryGetValue(defaultLanguage, out var source))
        {
            bag.Error(new SourceLocation(relative), $"not a translation of a {defaultLanguage} page", "run it on the translated file, e.g. content/en/…");
            return null;
        }
        if (markdown.Body(source, bag) is not { } body) return null;
        var hashes = markdown.Parse(source, body, bag) is { } doc ? string.Join(' ', BlockOutline.Of(source, body, doc).Select(b => b.Hash)) : "";
        var full = Path.Combine(root, relative);
        File.WriteAllText(full, WithStamp(File.ReadAllText(full), hashes), new UTF8Encoding(false));
        return relative;
    }

    /// <summary>Sets or replaces the key in the front matter, leaving every other line as it was.</summary>
    public static string WithStamp(string text, string hashes)
    {
        var newline = text.Contains("\r\n") ? "\r\n" : "\n";
        var lines = text.Split(newline).ToList();
        var close = lines.FindIndex(1, l => l.TrimEnd() == "---");
        var line = $"{Key}: \"{hashes}\"";
        var existing = lines.FindIndex(0, close, l => l.StartsWith(Key + ":", StringComparison.Ordinal));
        if (existing >= 0) lines[existing] = line;
        else lines.Insert(close, line);
        return string.Join(newline, lines);
    }
}
