using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SiteGen.Yaml;

/// <summary>
/// YamlDotNet's <see cref="UnderscoredNamingConvention"/> (`TranslationKey` → `translation_key`) without its regular
/// expressions, whose first use sat in front of reading site.yml. Names with `_` or `-` go to YamlDotNet's own.
/// </summary>
public sealed class SnakeCaseNaming : INamingConvention
{
    public static readonly SnakeCaseNaming Instance = new();

    public string Apply(string value)
    {
        if (value.Length == 0 || value.AsSpan().IndexOfAny('_', '-') >= 0) return UnderscoredNamingConvention.Instance.Apply(value);
        var upper = 0;
        for (var i = 1; i < value.Length; i++) if (value[i] is >= 'A' and <= 'Z') upper++;
        return string.Create(value.Length + upper, value, static (span, name) =>
        {
            span[0] = char.ToLowerInvariant(name[0]);
            var j = 1;
            for (var i = 1; i < name.Length; i++)
            {
                var c = name[i];
                if (c is >= 'A' and <= 'Z') { span[j++] = '_'; span[j++] = (char)(c + ('a' - 'A')); }
                else span[j++] = c;
            }
        });
    }

    public string Reverse(string value) => UnderscoredNamingConvention.Instance.Reverse(value);
}
