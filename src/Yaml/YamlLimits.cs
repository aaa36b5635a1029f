namespace SiteGen.Yaml;

/// <summary>
/// Bounds on one YAML document (a page's front matter or site.yml), so hostile input ends at once with a located error:
/// a few aliases can stand for billions of values ("billion laughs"), and deep nesting costs stack and time.
/// Documented in docs/reference.md, Security → Limits.
/// </summary>
public static class YamlLimits
{
    /// <summary>Aliases (`*name`) in one document.</summary>
    public const int MaxAliases = 100;
    /// <summary>Values (scalars, lists, mappings) in one document, counting each alias as everything it stands for.</summary>
    public const long MaxValues = 100_000;
    /// <summary>Lists and mappings inside each other.</summary>
    public const int MaxDepth = 100;
}
