using SiteGen.Search;

namespace SiteGen.Tests.Search;

public class TokenizerTests
{
    private static List<string> Indexed(string text)
    {
        var counts = new TermCounts();
        Tokenizer.Index(text, 1f, counts);
        return counts.Han.Keys.Select(TermCounts.HanTerm).Concat(counts.Words.Keys).Order(StringComparer.Ordinal).ToList();
    }

    [Fact]
    public void Han_text_is_indexed_as_characters_and_overlapping_pairs()
    {
        Assert.Equal(["光", "光錐", "內", "錐", "錐內"], Indexed("光錐內"));
    }

    [Fact]
    public void A_Han_query_looks_up_its_pairs_or_a_lone_character()
    {
        Assert.Equal(["超音", "音速", "速海", "海嘯"], Tokenizer.Query("超音速海嘯"));
        Assert.Equal(["晶"], Tokenizer.Query("晶"));
    }

    [Fact]
    public void Mixed_scripts_split_where_the_script_changes_and_no_pair_crosses_a_word()
    {
        Assert.Equal(["#300", "ai", "晶片", "gb300", "供應"], Tokenizer.Query("AI晶片 GB300供應"));
        Assert.DoesNotContain("片g", Indexed("晶片GB300"));
    }

    [Fact]
    public void Full_width_forms_and_diacritics_fold_to_plain_lower_case()
    {
        Assert.Equal(Tokenizer.Query("GB300"), Tokenizer.Query("ＧＢ３００"));
        Assert.Equal(["cafe", "naive"], Tokenizer.Query("Café NAÏVE"));
        Assert.Equal("gb300　x".Replace('　', ' '), TextFolder.Fold("ＧＢ３００　Ｘ"));
    }

    [Theory]
    [InlineData("110000")]
    [InlineData("110,000")]
    [InlineData("11 萬")]
    [InlineData("11萬")]
    [InlineData("１１萬")]
    [InlineData("１１０，０００")]
    public void A_number_is_one_term_whatever_form_it_is_written_in(string written)
    {
        Assert.Equal(["#110000"], Tokenizer.Query(written));
        Assert.Contains("#110000", Indexed($"每 {written} 個"));
    }

    [Fact]
    public void Wan_and_yi_scale_decimals_and_both_ends_of_a_range()
    {
        Assert.Equal(["#350000000"], Tokenizer.Query("3.5 億"));
        Assert.Equal(["#20000", "#30000"], Tokenizer.Query("2–3 萬"));
        Assert.Equal(["#0.5", "太瓦"], Tokenizer.Query("0.50 太瓦"));
    }

    [Fact]
    public void English_plurals_meet_their_singular()
    {
        Assert.Equal(Tokenizer.Query("chip"), Tokenizer.Query("chips"));
        Assert.Equal(Tokenizer.Query("battery"), Tokenizer.Query("Batteries"));
        Assert.Equal(["glass"], Tokenizer.Query("glass"));
    }

    [Fact]
    public void Simplified_characters_fold_to_the_traditional_ones_the_index_holds()
    {
        var indexed = new HashSet<char>("數據中心為台".ToCharArray());
        var fold = SimplifiedFolding.For(indexed.Contains);
        Assert.Equal(Tokenizer.Query("數據中心"), Tokenizer.Query("数据中心", fold));
        Assert.Equal('為', fold['为']); // OpenCC's 爲, in its Taiwan form
        Assert.False(fold.ContainsKey('台')); // written as is on the site: never folded away
        Assert.False(fold.ContainsKey('发')); // 發 is not on the site: nothing to fold to
    }
}
