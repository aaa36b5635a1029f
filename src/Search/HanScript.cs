using System.Text;

namespace SiteGen.Search;

/// <summary>Which characters are written without spaces between words (Han, and kana with them), so are indexed as characters and pairs.</summary>
public static class HanScript
{
    public static bool Is(Rune r) => r.Value switch
    {
        >= 0x3040 and <= 0x30FF => true, // kana
        >= 0x3400 and <= 0x4DBF => true, // extension A
        >= 0x4E00 and <= 0x9FFF => true, // unified ideographs
        >= 0xF900 and <= 0xFAFF => true, // compatibility ideographs
        >= 0x20000 and <= 0x3FFFF => true, // extensions B and later
        _ => false,
    };
}
