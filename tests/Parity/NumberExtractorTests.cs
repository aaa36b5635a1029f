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
    public void Normalises_numbers_across_languages(string text, string expected) =>
        Assert.Equal(expected, string.Join(" ", NumberExtractor.Extract(text)));
}
