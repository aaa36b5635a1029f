using System.Globalization;
using SiteGen.Config;
using SiteGen.Diagnostics;

namespace SiteGen.Content;

/// <summary>
/// `SiteGen new PATH`: creates the page in every language at once, with front matter filled in (a title placeholder
/// in each language, the next weight in its section, today's date, `draft: true` as Hugo does), never overwriting.
/// </summary>
public static class PageScaffolder
{
    public const string TitleString = "new.title";

    /// <returns>the page path inside a language folder, without `.md`; null with an error in the bag when it is not one.</returns>
    public static string? CheckPath(string path, DiagnosticBag bag)
    {
        var rel = path.Replace('\\', '/').Trim('/');
        if (rel.EndsWith(".md", StringComparison.OrdinalIgnoreCase)) rel = rel[..^3];
        if (rel.Length > 0 && !Path.IsPathRooted(path) && rel.Split('/').All(s => s.Length > 0 && !s.StartsWith('.'))) return rel;
        bag.Error(null, $"'{path}' is not a page path inside a language folder", "e.g. themes/energy or about");
        return null;
    }

    /// <param name="rel">a path checked by <see cref="CheckPath"/>.</param>
    /// <returns>the created files' site-relative paths, or null with errors in the bag.</returns>
    public static IReadOnlyList<string>? Create(string root, string rel, SiteConfig config, SiteIndex index, DateOnly today, DiagnosticBag bag)
    {
        var targets = config.Languages.Select(l => (Lang: l, Path: $"{ContentLoader.Folder}/{l.Key}/{rel}.md")).ToList();
        var files = new SiteFiles(root);
        foreach (var existing in targets.Where(t => files.Exists(t.Path)))
            bag.Error(new SourceLocation(existing.Path), "already exists; nothing was created", "edit it, or choose another path");
        foreach (var target in targets) files.MayCreate(target.Path, bag); // never written through a folder link out of the site
        if (bag.HasErrors) return null;

        var section = rel.Contains('/') ? rel[..rel.IndexOf('/')] : "";
        foreach (var (lang, file) in targets)
        {
            var weight = index.Section(lang, section).Select(p => p.Meta.Weight ?? 0).DefaultIfEmpty(0).Max() + 1;
            var title = lang.Strings.GetValueOrDefault(TitleString) ?? $"TODO: {Path.GetFileName(rel)}";
            var text = $"---\ntitle: \"{title.Replace("\"", "\\\"")}\"\ndescription: \"\"\ndate: {today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}\nweight: {weight}\ndraft: true\n---\n\n";
            var full = Path.Combine(root, file);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
        return targets.Select(t => t.Path).ToList();
    }
}
