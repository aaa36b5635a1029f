using SiteGen.Parity;

namespace SiteGen.Tests.Parity;

public class NumberExtractorTests
{
    [Theory]
    [InlineData("平均每 11 萬個 GB300 晶片", "110000 300")]
    [InlineData("every 110,000 GB300 chips", "110000 300")]
    [InlineData("每年 1 萬次甚至 2-3 萬次", "10000 20000 30000")]
    [InlineData("10,000, or even 20,000–30,000, launches", "10000 20000 30000")]
    [InlineData("約 20% 的矽，0.5 太瓦", "20 0.5")]
    [InlineData("１２３ 億", "12300000000")]
    [InlineData("五倍 five times", "")]
    [InlineData("《2001 太空漫遊》（2001: A Space Odyssey）", "2001 2001")]
    // Other scripts' digits are left alone like number words (they used to reach decimal.Parse and end the build).
    [InlineData("chapter ٣ and ९, then 4", "4")]
    // Too large for a decimal, alone or once scaled: left alone, not an overflow that ends the build.
    [InlineData("1234567890123456789012345678901234567890 and 7", "7")]
    [InlineData("79228162514264337593543950335 億 and 8", "8")]
    [InlineData("3.5-4.25 萬 and 1,234.5", "35000 42500 1234.5")]
    public void Normalises_numbers_across_languages(string text, string expected) =>
        Assert.Equal(expected, string.Join(" ", NumberExtractor.Extract(text)));
}
