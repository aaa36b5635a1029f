using System.Text.RegularExpressions;
using SiteGen.Diagnostics;

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
        var config = SiteConfigMapper.Read(text, FileName, bag);
        if (config is null) return null;
        if (baseUrlOverride is not null) config.BaseUrl = baseUrlOverride;
        var before = bag.ErrorCount;
        Validate(config, bag);
        return bag.ErrorCount > before ? null : config;
    }

    /// <summary>Each problem at the key or list item it is about: `languages[1].prefix`, else `languages[1]`, else the file.</summary>
    private static void Validate(SiteConfig c, DiagnosticBag bag)
    {
        if (c.Languages.Count == 0)
        {
            bag.Error(c.At("languages"), "no languages declared", "add a `languages:` list with at least one language");
            return;
        }
        for (var i = 0; i < c.Languages.Count; i++)
        {
            var l = c.Languages[i];
            var at = $"languages[{i}]";
            if (!KeyPattern().IsMatch(l.Key)) bag.Error(c.At($"{at}.key"), $"language key '{l.Key}' must be a folder name such as 'en' or 'zh-Hant'");
            if (!PrefixPattern().IsMatch(l.Prefix)) bag.Error(c.At($"{at}.prefix"), $"language '{l.Key}': prefix '{l.Prefix}' must be one URL segment of letters, digits or '-'");
            if (string.IsNullOrWhiteSpace(l.Name)) bag.Error(c.At($"{at}.name"), $"language '{l.Key}' has no name");
            if (string.IsNullOrWhiteSpace(l.Title)) bag.Error(c.At($"{at}.title"), $"language '{l.Key}' has no title");
            if (!LanguageTag.IsWellFormed(l.LangTag))
                bag.Error(c.At(string.IsNullOrEmpty(l.Tag) ? $"{at}.key" : $"{at}.tag"), $"language '{l.Key}': {(string.IsNullOrEmpty(l.Tag) ? "key" : "tag")} '{l.LangTag}' is not a BCP 47 language tag",
                    "write a tag such as 'en', 'zh-Hant' or 'zh-Hant-TW'" + (string.IsNullOrEmpty(l.Tag) ? " in `tag:`" : ""));
        }
        // Reported at the second and later declarations: the first is the one that counts.
        for (var i = 0; i < c.Languages.Count; i++)
        {
            var l = c.Languages[i];
            if (c.Languages.FindIndex(x => x.Key == l.Key) < i)
                bag.Error(c.At($"languages[{i}].key"), $"language '{l.Key}' is declared twice");
            if (c.Languages.FindIndex(x => string.Equals(x.Prefix, l.Prefix, StringComparison.OrdinalIgnoreCase)) is var first && first < i)
                bag.Error(c.At($"languages[{i}].prefix"), $"languages '{c.Languages[first].Key}' and '{l.Key}' share the prefix '{l.Prefix}'");
        }
        if (c.Find(c.DefaultLanguage) is null)
            bag.Error(c.At("default_language"), $"default language '{c.DefaultLanguage}' is not declared in `languages`",
                DidYouMean.Hint(c.DefaultLanguage, c.Languages.Select(l => l.Key)));
        if (!string.IsNullOrEmpty(c.BaseUrl) && !(Uri.TryCreate(c.BaseUrl, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"))
            bag.Error(c.At("base_url"), $"base_url '{c.BaseUrl}' must be an absolute http(s) URL");
        CheckStrings(c, bag);
    }

    /// <summary>A UI string defined in one language and not another would show a raw key to half the readers.</summary>
    private static void CheckStrings(SiteConfig c, DiagnosticBag bag)
    {
        var all = c.Languages.SelectMany(l => l.Strings.Keys).ToHashSet();
        for (var i = 0; i < c.Languages.Count; i++)
        {
            var l = c.Languages[i];
            foreach (var missing in all.Where(k => !l.Strings.ContainsKey(k)).Order(StringComparer.Ordinal))
                bag.Error(c.At($"languages[{i}].strings"), $"language '{l.Key}' has no UI string '{missing}'",
                    "every language needs the same `strings` keys");
        }
    }

    [GeneratedRegex(@"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*\z")] private static partial Regex KeyPattern();
    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]*\z")] private static partial Regex PrefixPattern();
}
