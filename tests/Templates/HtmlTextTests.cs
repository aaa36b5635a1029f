using System.Net;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SiteGen.Templates;

namespace SiteGen.Tests.Templates;

public class HtmlTextTests
{
    private static readonly char[] Alphabet = ['a', 'Z', '0', ' ', '&', '<', '>', '"', '\'', '晶', '×', ';', '#'];

    /// <summary>Decoding gives the text back, and nothing that could open a tag, an entity or close an attribute is left bare.</summary>
    [Property(MaxTest = 2000)]
    public Property Escaped_text_decodes_to_the_original_and_has_no_bare_markup() =>
        Prop.ForAll(Gen.Elements(Alphabet).ArrayOf().Select(cs => new string(cs)).ToArbitrary(), text =>
        {
            var escaped = HtmlText.Escape(text);
            var bare = escaped.Replace("&amp;", "").Replace("&lt;", "").Replace("&gt;", "").Replace("&quot;", "").Replace("&#39;", "");
            return WebUtility.HtmlDecode(escaped) == text && bare.IndexOfAny(['&', '<', '>', '"', '\'']) < 0;
        });

    [Fact]
    public void Text_without_special_characters_is_returned_as_it_is()
    {
        const string text = "Musk × Dwarkesh 晶片";
        Assert.Same(text, HtmlText.Escape(text));
    }
}
