using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SiteGen.Content;

namespace SiteGen.Tests.Content;

public class UrlMapperTests
{
    [Theory]
    [InlineData("en", "themes/chips.md", null, "en/themes/chips/")]
    [InlineData("en", "themes/_index.md", null, "en/themes/")]
    [InlineData("zh", "_index.md", null, "zh/")]
    [InlineData("zh", "themes/chips.md", "晶片", "zh/themes/晶片/")]
    public void Clean_urls_from_content_paths(string prefix, string contentPath, string? slug, string expected) =>
        Assert.Equal(expected, UrlMapper.UrlOf(prefix, contentPath, slug));

    [Theory]
    [InlineData("en/themes/chips/", "en/quotes/", "../../quotes/")]
    [InlineData("en/themes/chips/", "en/themes/chips/", "./")]
    [InlineData("en/", "zh/", "../zh/")]
    [InlineData("index.html", "en/", "en/")]
    [InlineData("en/themes/chips/", "assets/style.abc.css", "../../../assets/style.abc.css")]
    public void Relative_urls_between_site_paths(string from, string to, string expected) =>
        Assert.Equal(expected, UrlMapper.Relative(from, to));

    private static readonly string[] Segments = ["en", "zh", "themes", "晶片", "a", "p", "index.html", "bilingual", ""];

    private static Arbitrary<(string From, string To)> PathPairs() =>
        (from f in Gen.Elements(Segments).ArrayOf()
         from t in Gen.Elements(Segments).ArrayOf()
         from slash in Gen.Elements(true, false)
         select (string.Join('/', f) + (slash ? "/" : ""), string.Join('/', t))).ToArbitrary();

    /// <summary>The plain definition (split both, drop the shared folders, climb out of the rest): the fast version must agree.</summary>
    private static string RelativeBySplitting(string fromUrl, string toPath)
    {
        var fromDir = fromUrl.EndsWith('/') ? fromUrl : fromUrl[..(fromUrl.LastIndexOf('/') + 1)];
        var from = fromDir.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var to = toPath.Split('/');
        var common = 0;
        while (common < from.Length && common < to.Length - 1 && from[common] == to[common]) common++;
        var result = string.Concat(Enumerable.Repeat("../", from.Length - common)) + string.Join('/', to[common..]);
        return result.Length == 0 ? "./" : result;
    }

    [Property(MaxTest = 2000)]
    public Property Relative_agrees_with_splitting_on_any_paths() =>
        Prop.ForAll(PathPairs(), pair => UrlMapper.Relative(pair.From, pair.To) == RelativeBySplitting(pair.From, pair.To));

    [Theory]
    [InlineData("content/en/themes", "../quotes.md", "content/en/quotes.md")]
    [InlineData("content/en", "./a/./b.md", "content/en/a/b.md")]
    [InlineData("content/en", "../../../x.md", null)]
    public void Join_normalises_without_the_file_system(string dir, string relative, string? expected) =>
        Assert.Equal(expected, UrlMapper.Join(dir, relative));

    /// <summary>The plain definition: split the folder, then apply each segment of the relative path.</summary>
    private static string? JoinBySplitting(string dir, string relative)
    {
        var parts = new List<string>(dir.Split('/', StringSplitOptions.RemoveEmptyEntries));
        foreach (var seg in relative.Split('/'))
        {
            if (seg is "" or ".") continue;
            if (seg == "..") { if (parts.Count == 0) return null; parts.RemoveAt(parts.Count - 1); }
            else parts.Add(seg);
        }
        return string.Join('/', parts);
    }

    private static readonly string[] JoinSegments = ["content", "en", "晶片", "a.md", ".", "..", "...", "", ".x", new string('w', 300)];

    [Property(MaxTest = 3000)]
    public Property Join_agrees_with_splitting_on_any_paths() =>
        Prop.ForAll((from d in Gen.Elements(JoinSegments).ArrayOf()
                     from r in Gen.Elements(JoinSegments).ArrayOf()
                     select (string.Join('/', d), string.Join('/', r))).ToArbitrary(),
            pair => UrlMapper.Join(pair.Item1, pair.Item2) == JoinBySplitting(pair.Item1, pair.Item2));

    [Theory]
    [InlineData("../quotes/#q1", "en/themes/chips/", "en/themes/chips/bilingual/", "../../quotes/#q1")]
    [InlineData("#part-2", "zh/themes/晶片/", "en/themes/chips/bilingual/", "../../../../zh/themes/晶片/#part-2")]
    [InlineData("./", "en/themes/chips/", "en/themes/chips/bilingual/", "../")]
    [InlineData("../", "en/themes/chips/", "en/themes/chips/bilingual/", "../../")]
    [InlineData("../../../assets/chart.png", "en/themes/chips/", "en/themes/chips/bilingual/", "../../../../assets/chart.png")]
    [InlineData("../../quotes/?x=1#q", "en/themes/chips/", "zh/themes/晶片/bilingual/", "../../../../en/quotes/?x=1#q")]
    public void Links_written_for_one_page_are_rebased_onto_another(string url, string from, string to, string expected) =>
        Assert.Equal(expected, UrlMapper.Rebase(url, from, to));

    [Theory]
    [InlineData("chips", true)]
    [InlineData("晶片-2", true)]
    [InlineData("..", false)]
    [InlineData("a/b", false)]
    [InlineData("C:", false)]
    [InlineData(".hidden", false)]
    public void Slugs_are_single_safe_segments(string slug, bool safe) => Assert.Equal(safe, UrlMapper.IsSafeSlug(slug));
}
