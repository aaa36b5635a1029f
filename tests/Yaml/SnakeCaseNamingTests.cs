using System.Reflection;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SiteGen.Yaml;
using YamlDotNet.Serialization.NamingConventions;

namespace SiteGen.Tests.Yaml;

/// <summary>SiteGen's naming convention must name every key exactly as YamlDotNet's underscored convention does.</summary>
public class SnakeCaseNamingTests
{
    private static readonly char[] Alphabet = ['a', 'q', 'Z', 'A', 'M', '0', '7', 'É', 'é', 'Σ', 'ı', 'İ', '_', '-'];

    [Property(MaxTest = 3000)]
    public Property Agrees_with_YamlDotNet_on_any_name() =>
        Prop.ForAll(Gen.Elements(Alphabet).NonEmptyListOf().Select(cs => new string([.. cs])).ToArbitrary(), name =>
            SnakeCaseNaming.Instance.Apply(name) == UnderscoredNamingConvention.Instance.Apply(name));

    [Fact]
    public void Agrees_with_YamlDotNet_on_every_key_SiteGen_reads()
    {
        var types = new[] { typeof(SiteGen.Config.SiteConfig), typeof(SiteGen.Config.LanguageConfig), typeof(SiteGen.Content.FrontMatter) };
        var names = types.SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)).Select(p => p.Name).ToList();
        Assert.Contains("TranslationKey", names);
        foreach (var name in names) Assert.Equal(UnderscoredNamingConvention.Instance.Apply(name), SnakeCaseNaming.Instance.Apply(name));
        Assert.Equal("translated_from", SnakeCaseNaming.Instance.Apply("TranslatedFrom"));
    }
}
