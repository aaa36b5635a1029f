using System.Text.RegularExpressions;
using SiteGen.Diagnostics;
using SiteGen.Yaml;

namespace SiteGen.Config;

/// <summary>Reads and validates site.yml: every problem is reported at its line, all together.</summary>
public static partial class SiteConfigLoader
{
    public const string FileName = "site.yml";

    public static SiteConfig? Load(string root, string? baseUrlOverride, DiagnosticBag bag) => Load(new SiteFiles(root), baseUrlOverride, bag);

    public static SiteConfig? Load(SiteFiles site, string? baseUrlOverride, DiagnosticBag bag)
    {
        if (!site.Exists(FileName))
        {
            bag.Error(new SourceLocation(FileName), "site.yml not found in the site root");
            return null;
        }
        var text = site.ReadText(site.PathOf(FileName), FileName, bag);
        return text is null ? null : Parse(text, baseUrlOverride, bag);
    }

    public static SiteConfig? Parse(string text, string? baseUrlOverride, DiagnosticBag bag)
    {
        var result = YamlReader.Read<SiteConfig>(text, FileName, 1, bag);
        if (result is null) return null;
        var config = result.Value;
        if (baseUrlOverride is not null) config.BaseUrl = baseUrlOverride;
        var before = bag.ErrorCount;
        Validate(config, result.KeyLocations, bag);
        return bag.ErrorCount > before ? null : config;
    }

    private static void Validate(SiteConfig c, IReadOnlyDictionary<string, SourceLocation> keys, DiagnosticBag bag)
    {
        SourceLocation At(string key) => keys.TryGetValue(key, out var l) ? l : new SourceLocation(FileName, 1, 1);
        if (c.Languages.Count == 0)
        {
            bag.Error(At("languages"), "no languages declared", "add a `languages:` list with at least one language");
            return;
        }
        foreach (var l in c.Languages)
        {
            if (!KeyPattern().IsMatch(l.Key)) bag.Error(At("languages"), $"language key '{l.Key}' must be a folder name such as 'en' or 'zh-Hant'");
            if (!PrefixPattern().IsMatch(l.Prefix)) bag.Error(At("languages"), $"language '{l.Key}': prefix '{l.Prefix}' must be one URL segment of letters, digits or '-'");
            if (string.IsNullOrWhiteSpace(l.Name)) bag.Error(At("languages"), $"language '{l.Key}' has no name");
            if (string.IsNullOrWhiteSpace(l.Title)) bag.Error(At("languages"), $"language '{l.Key}' has no title");
        }
        foreach (var dup in c.Languages.GroupBy(l => l.Key).Where(g => g.Count() > 1))
            bag.Error(At("languages"), $"language '{dup.Key}' is declared twice");
        foreach (var dup in c.Languages.GroupBy(l => l.Prefix, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            bag.Error(At("languages"), $"languages {string.Join(" and ", dup.Select(l => $"'{l.Key}'"))} share the prefix '{dup.Key}'");
        if (c.Find(c.DefaultLanguage) is null)
            bag.Error(At("default_language"), $"default language '{c.DefaultLanguage}' is not declared in `languages`",
                DidYouMean.Hint(c.DefaultLanguage, c.Languages.Select(l => l.Key)));
        if (!string.IsNullOrEmpty(c.BaseUrl) && !(Uri.TryCreate(c.BaseUrl, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"))
            bag.Error(At("base_url"), $"base_url '{c.BaseUrl}' must be an absolute http(s) URL");
        CheckStrings(c, At("languages"), bag);
    }

    /// <summary>A UI string defined in one language and not another would show a raw key to half the readers.</summary>
    private static void CheckStrings(SiteConfig c, SourceLocation at, DiagnosticBag bag)
    {
        var all = c.Languages.SelectMany(l => l.Strings.Keys).ToHashSet();
        foreach (var l in c.Languages)
            foreach (var missing in all.Where(k => !l.Strings.ContainsKey(k)).Order(StringComparer.Ordinal))
                bag.Error(at, $"language '{l.Key}' has no UI string '{missing}'",
                    "every language needs the same `strings` keys");
    }

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")] private static partial Regex KeyPattern();
    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")] private static partial Regex PrefixPattern();
}
