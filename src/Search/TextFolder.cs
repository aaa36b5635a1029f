namespace SiteGen.Search;

/// <summary>
/// Folds text for matching, one character for one (so positions found in the folded text hold in the original):
/// full-width forms to ASCII (`ＧＢ３００` = `GB300`), Latin letters with diacritics to their base letter, lower case.
/// The tool runs with invariant globalization, where string.Normalize does nothing, so the Latin table is written out
/// here (from Unicode's decompositions of U+00C0–U+024F); the browser gets the same table from the index.
/// </summary>
public static class TextFolder
{
    public const char LatinFirst = '\u00C0';
    public const string LatinTable = "aaaaaaæceeeeiiiiðnooooo×øuuuuyþßaaaaaaæceeeeiiiiðnooooo÷øuuuuyþyaaaaaaccccccccddđđeeeeeeeeeegggggggghhħħiiiiiiiiiıĳĳjjkkĸllllllŀŀłłnnnnnnŉŋŋooooooœœrrrrrrssssssssttttŧŧuuuuuuuuuuuuwwyyyzzzzzzsƀɓƃƃƅƅɔƈƈɖɗƌƌƍǝəɛƒƒɠɣƕɩɨƙƙƚƛɯɲƞɵooƣƣƥƥʀƨƨʃƪƫƭƭʈuuʊʋƴƴƶƶʒƹƹƺƻƽƽƾƿǀǁǂǃǆǆǆǉǉǉǌǌǌaaiioouuuuuuuuuuǝaaaaææǥǥggkkooooʒʒjǳǳǳggƕƿnnaaææøøaaaaeeeeiiiioooorrrruuuussttȝȝhhƞȡȣȣȥȥaaeeooooooooyyȴȵȶȷȸȹⱥȼȼƚⱦȿɀɂɂƀʉʌɇɇɉɉɋɋɍɍɏɏ";

    public static string Fold(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++) span[i] = Fold(source[i]);
    });

    public static char Fold(char c) => c switch
    {
        < 'A' => c,
        <= 'Z' => (char)(c + 32),
        < LatinFirst => c,
        < (char)(LatinFirst + 400) => LatinTable[c - LatinFirst],
        >= '\uFF01' and <= '\uFF5E' => Fold((char)(c - 0xFEE0)),
        '\u3000' => ' ',
        >= '\u3001' and <= '\u9FFF' => c, // kana and Han: no case, and the culture's case table is a call into ICU
        _ => char.ToLowerInvariant(c),
    };
}
