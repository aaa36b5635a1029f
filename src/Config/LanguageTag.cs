using System.Text.RegularExpressions;

namespace SiteGen.Config;

/// <summary>
/// BCP 47 language tags (RFC 5646): a tag goes into `lang` and `hreflang` attributes and the sitemap, so one that is
/// not well-formed is refused when site.yml is read rather than written into every page.
/// </summary>
public static partial class LanguageTag
{
    /// <summary>Whether the tag follows the RFC's `Language-Tag` syntax (the registry of subtags is not consulted).</summary>
    public static bool IsWellFormed(string tag) => tag.Length <= 256 && Syntax().IsMatch(tag);

    // langtag = language ["-" script] ["-" region] *("-" variant) *("-" extension) ["-" privateuse],
    // language = 2*3ALPHA ["-" extlang] / 4ALPHA / 5*8ALPHA, extlang = 3ALPHA *2("-" 3ALPHA);
    // or a private-use tag (x-…), or one of the irregular grandfathered tags (the regular ones already match langtag).
    [GeneratedRegex("""
        ^(?:
          (?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4}|[a-z]{5,8})
          (?:-[a-z]{4})?
          (?:-(?:[a-z]{2}|[0-9]{3}))?
          (?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*
          (?:-[0-9a-wyz](?:-[a-z0-9]{2,8})+)*
          (?:-x(?:-[a-z0-9]{1,8})+)?
        | x(?:-[a-z0-9]{1,8})+
        | en-GB-oed | i-(?:ami|bnn|default|enochian|hak|klingon|lux|mingo|navajo|pwn|tao|tay|tsu) | sgn-(?:BE-FR|BE-NL|CH-DE)
        )\z
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex Syntax();
}
