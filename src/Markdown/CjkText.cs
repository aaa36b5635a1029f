namespace SiteGen.Markdown;

/// <summary>Which characters are East Asian wide, where a line break must not turn into a space.</summary>
public static class CjkText
{
    public static bool IsWide(char c) =>
        c is >= '\u2E80' and <= '\u303F'   // radicals, ideographic description, CJK symbols and punctuation
        or >= '\u3040' and <= '\u30FF'     // kana
        or >= '\u3100' and <= '\u312F'     // bopomofo
        or >= '\u3190' and <= '\u31FF'
        or >= '\u3400' and <= '\u4DBF'     // extension A
        or >= '\u4E00' and <= '\u9FFF'     // unified ideographs
        or >= '\uF900' and <= '\uFAFF'     // compatibility ideographs
        or >= '\uFE30' and <= '\uFE4F'     // vertical forms
        or >= '\uFF00' and <= '\uFF60'     // full-width forms
        or >= '\uFFE0' and <= '\uFFE6'
        or >= '\uD840' and <= '\uD87F';    // high surrogates of extensions B–F
}
