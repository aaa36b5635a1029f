using SiteGen.Search;

namespace SiteGen.Tests.Search;

public class TokenizerTests
{
    private static List<string> Indexed(string text)
    {
        var counts = new TermCounts();
        Tokenizer.Index(text, 1f, counts);
        return counts.Terms.Select(t => t.Term).Order(StringComparer.Ordinal).ToList();
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

    [Fact]
    public void Mainland_phrases_fold_to_the_Taiwan_form_the_index_holds()
    {
        var held = new HashSet<string>(Tokenizer.Query("晶片 軟體 資料 程序"));
        var phrases = TaiwanPhrases.For(phrase => Tokenizer.Query(phrase).All(held.Contains));
        Assert.Equal("晶片", phrases["芯片"]);
        Assert.Equal(Tokenizer.Query("晶片供應"), Tokenizer.Query("芯片供應", null, phrases));
        Assert.Equal(Tokenizer.Query("晶片"), Tokenizer.Query("芯片", SimplifiedFolding.For(c => "晶片".Contains(c)), phrases));
        Assert.False(phrases.ContainsKey("數據")); // Taiwan writes 數據 too: OpenCC lists it beside 資料, so it is no fold
        Assert.False(phrases.ContainsKey("程序")); // a page writes it as it is: never folded away
        Assert.False(phrases.ContainsKey("網絡")); // 網路 is not on the site: nothing to fold to
    }

    [Fact]
    public void Indexing_words_a_page_has_seen_allocates_nothing_per_word()
    {
        const string once = "Chips, batteries and the CAFÉ: chips again, and ＧＢ chips with 晶片與電力供應。 ";
        var text = string.Concat(Enumerable.Repeat(once, 200)); // 1,800 words, 1,600 Han characters
        var counts = new TermCounts();
        Tokenizer.Index(once, 1f, counts);
        var before = GC.GetAllocatedBytesForCurrentThread();
        Tokenizer.Index(text, 1f, counts);
        // A string per word would be 40 bytes or more each (72,000 here); what is left is the runtime's own, a few hundred bytes.
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 4096);
        Assert.Equal(Indexed(once), counts.Terms.Select(t => t.Term).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_page_with_tens_of_thousands_of_Han_terms_counts_each_once()
    {
        var text = new string(Enumerable.Range(0x4E00, 20_000).Select(c => (char)c).ToArray());
        var counts = new TermCounts();
        Tokenizer.Index(text, 1f, counts);
        Tokenizer.Index(text, 1f, counts);
        Assert.Equal(20_000 + 19_999, counts.Count);
        Assert.All(counts.Terms, t => Assert.Equal(2f, t.Tf));
        Assert.Equal(new HashSet<string>(counts.Terms.Select(t => t.Term)).Count, counts.Count);
    }

    [Fact]
    public void Characters_of_every_Han_block_and_kana_are_counted_alone_and_in_pairs_whichever_table_holds_them()
    {
        // カ (kana), 㐀 (extension A), 丁 (unified), U+F900 (compatibility), 𠀀 (extension B, a surrogate pair): each table the counts keep.
        const string text = "カ㐀丁\uF900𠀀丁𠀀𠀀";
        var counts = new TermCounts();
        Tokenizer.Index(text, 1f, counts);
        Tokenizer.Index(text, 1f, counts);
        var terms = counts.Terms.ToDictionary(t => t.Term, t => t.Tf);
        Assert.Equal(new Dictionary<string, float>
        {
            ["カ"] = 2, ["㐀"] = 2, ["丁"] = 4, ["\uF900"] = 2, ["𠀀"] = 6,
            ["カ㐀"] = 2, ["㐀丁"] = 2, ["丁\uF900"] = 2, ["\uF900𠀀"] = 2, ["𠀀丁"] = 2, ["丁𠀀"] = 2, ["𠀀𠀀"] = 2,
        }, terms);
    }
}
