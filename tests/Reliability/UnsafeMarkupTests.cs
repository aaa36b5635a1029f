using AngleSharp.Html.Parser;
using SiteGen.Config;
using SiteGen.Content;
using SiteGen.Diagnostics;
using SiteGen.Markdown;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Reliability;

/// <summary>
/// With raw HTML off (the default), Markdown that would run script in the reader's browser is an error at its line:
/// dangerous URL schemes in links, images, autolinks and reference definitions, and `{…}` attributes outside the
/// allow-list. With `allow_raw_html: true` the site trusts its authors and all of it builds as before.
/// </summary>
public class UnsafeMarkupTests
{
    private const string FrontMatter = "-- content/en/p.md --\n---\ntitle: P\n---\n"; // the body starts at line 4

    private static string[] Errors(BuildResult result) => result.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()).ToArray();

    private static string[] ErrorsOf(string body)
    {
        using var site = new TestSite(FrontMatter + body);
        return Errors(site.Build());
    }

    [Theory]
    [InlineData("[a](javascript:alert(1))", "4:1: error: link with a 'javascript:' URL is refused")]
    [InlineData("x [a](JaVaScRiPt:alert(1))", "4:3: error: link with a 'javascript:' URL is refused")]
    [InlineData("[a](&#106;avascript:alert(1))", "4:1: error: link with a 'javascript:' URL is refused")]
    [InlineData("[a](&#x09;java&#x0A;script&colon;alert(1))", "4:1: error: link with a 'javascript:' URL is refused")]
    [InlineData("[a](vbscript:msgbox(1))", "4:1: error: link with a 'vbscript:' URL is refused")]
    [InlineData("[a](file:///etc/passwd)", "4:1: error: link with a 'file:' URL is refused")]
    [InlineData("[a](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "4:1: error: link with a 'data:' URL is refused")]
    [InlineData("[a](data:image/png;base64,iVBORw0KGgo=)", "4:1: error: link with a 'data:' URL is refused")]
    [InlineData("![i](data:image/svg+xml;base64,PHN2Zz4=)", "4:1: error: image with a 'data:' URL is refused")]
    [InlineData("![i](javascript:alert(1))", "4:1: error: image with a 'javascript:' URL is refused")]
    [InlineData("text\n\nsee <javascript:alert(1)>", "6:5: error: autolink <javascript:…> is refused")]
    [InlineData("[a][r]\n\n[r]: javascript:alert(1)", "6:1: error: link reference definition [r] with a 'javascript:' URL is refused")]
    [InlineData("![i][r]\n\n[r]: data:text/html,x", "6:1: error: link reference definition [r] with a 'data:' URL is refused")]
    [InlineData("[a][r]\n\n[r]: data:image/png;base64,iVBORw0KGgo=", "4:1: error: link to a 'data:' URL (from a reference definition) is refused")]
    public void A_dangerous_url_is_one_error_at_its_place(string body, string expected)
    {
        var errors = ErrorsOf(body + "\n");
        var error = Assert.Single(errors);
        Assert.StartsWith("content/en/p.md:" + expected, error);
    }

    [Theory]
    [InlineData("![i](https://example.org/x.png){onerror=\"alert(1)\"}", "onerror")]
    [InlineData("## Heading {onclick=alert(1)}", "onclick")]
    [InlineData("[a](https://example.org){href=javascript:alert(1)}", "href")]
    [InlineData("Para{style=\"position:fixed\"}", "style")]
    [InlineData("Para{ONMOUSEOVER=alert(1)}", "ONMOUSEOVER")]
    [InlineData("![i](https://example.org/x.png){src=javascript:alert(1)}", "src")]
    [InlineData("{srcdoc=x}\n## H", "srcdoc")]
    [InlineData("Para {formaction=javascript:alert(1)}", "formaction")]
    public void An_attribute_outside_the_allow_list_is_an_error_at_its_line(string body, string attribute)
    {
        var error = Assert.Single(ErrorsOf("Intro.\n\n" + body + "\n"));
        Assert.StartsWith("content/en/p.md:6:", error);
        Assert.Contains($"error: attribute '{attribute}' in `{{…}}` is refused", error);
        Assert.Contains("only #id, .class, title, lang, dir, width, height, alt, loading may be set", error);
    }

    [Fact]
    public void Safe_urls_and_allowed_attributes_build_and_render()
    {
        const string body = """
            ## Heading {#top .wide title="T" lang=en dir=ltr}

            ![pixel](data:image/png;base64,iVBORw0KGgo=){width=10 height="10" alt=dot loading=lazy}
            [web](https://example.org) [mail](mailto:a@example.org) [ref][r] <https://example.org/auto>
            [colon in a query](https://example.org/?a=javascript:x) [jump](#top)

            [r]: https://example.org/ref
            """;
        using var site = new TestSite(FrontMatter + body + "\n");
        var result = site.Build();
        Assert.Empty(Errors(result));
        var doc = new HtmlParser().ParseDocument(result.Output.Text("en/p/index.html"));
        var h2 = doc.QuerySelector("h2#top.wide")!;
        Assert.Equal(("T", "en", "ltr"), (h2.GetAttribute("title"), h2.GetAttribute("lang"), h2.GetAttribute("dir")));
        var img = doc.QuerySelector("img")!;
        Assert.Equal(("data:image/png;base64,iVBORw0KGgo=", "10", "lazy"), (img.GetAttribute("src"), img.GetAttribute("height"), img.GetAttribute("loading")));
        Assert.Equal(["https://example.org", "mailto:a@example.org", "https://example.org/ref", "https://example.org/auto", "https://example.org/?a=javascript:x", "#top"],
            doc.QuerySelectorAll("main p a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void Allow_raw_html_trusts_the_authors_and_keeps_what_they_wrote()
    {
        const string body = "[a](javascript:alert(1)) <javascript:alert(2)> ![i](https://example.org/x.png){onerror=\"alert(3)\"}\n";
        using var site = new TestSite(FrontMatter + body + "-- site.yml --\n" + TestSite.DefaultConfig + "\nallow_raw_html: true\n");
        var result = site.Build();
        Assert.Empty(Errors(result));
        var html = result.Output.Text("en/p/index.html");
        Assert.Contains("href=\"javascript:alert(1)\"", html);
        Assert.Contains("href=\"javascript:alert(2)\"", html);
        Assert.Contains("onerror=\"alert(3)\"", html);
    }

    [Theory]
    [InlineData("javascript:alert(1)", false, "javascript")]
    [InlineData(" \u0001JAVA\tSCRIPT\n:alert(1)", false, "javascript")]
    [InlineData("data:image/png;base64,x", true, null)]
    [InlineData("DATA:IMAGE/WEBP,x", true, null)]
    [InlineData("data:image/pngx,x", true, "data")]
    [InlineData("data:image/svg+xml,<svg onload=alert(1)>", true, "data")]
    [InlineData("https://example.org/javascript:x", false, null)]
    [InlineData("notes/javascript:x", false, null)]
    [InlineData("./javascript:x", false, null)]
    [InlineData("javascripts:x", false, null)]
    [InlineData("tel:+123", false, null)]
    public void Dangerous_schemes_are_read_as_a_browser_reads_them(string url, bool image, string? expected)
    {
        Assert.Equal(expected, UnsafeMarkupChecker.DangerousScheme(url, image));
    }

    [Fact]
    public void A_hostile_language_tag_is_refused_when_site_yml_is_read()
    {
        var config = TestSite.DefaultConfig.Replace("    prefix: en\n", "    prefix: en\n    tag: 'zh-Hant\"><svg onload=\"alert(1)\">'\n");
        Assert.Contains("tag: 'zh-Hant", config);
        using var site = new TestSite("-- site.yml --\n" + config);
        var error = Assert.Single(Errors(site.Build()));
        Assert.StartsWith("site.yml:13:5: error: language 'en': tag 'zh-Hant\"><svg onload=\"alert(1)\">' is not a BCP 47 language tag", error);
    }

    [Theory]
    [InlineData("en", true)]
    [InlineData("zh-Hant", true)]
    [InlineData("zh-Hant-TW", true)]
    [InlineData("zh-yue-HK", true)]
    [InlineData("sr-Latn-RS", true)]
    [InlineData("es-419", true)]
    [InlineData("de-CH-1901", true)]
    [InlineData("en-US-u-ca-gregory", true)]
    [InlineData("x-private", true)]
    [InlineData("i-klingon", true)]
    [InlineData("zh_Hant", false)]
    [InlineData("en-", false)]
    [InlineData("a", false)]
    [InlineData("en-US-x", false)]
    [InlineData("toolonglanguage", false)]
    [InlineData("zh-Hant\"><svg>", false)]
    public void Language_tags_follow_the_bcp_47_syntax(string tag, bool wellFormed)
    {
        Assert.Equal(wellFormed, LanguageTag.IsWellFormed(tag));
    }

    /// <summary>The tag is validated at load; the renderer still escapes it, so no other path can bring one in raw.</summary>
    [Fact]
    public void The_tag_around_chinese_text_is_attribute_escaped()
    {
        var page = new Page
        {
            Language = new LanguageConfig { Key = "en", Prefix = "en" }, SourcePath = "content/en/p.md", ContentPath = "p.md",
            Meta = new SiteGen.Content.FrontMatter(), MetaLocations = new Dictionary<string, SourceLocation>(), BodyFirstLine = 4,
            Kind = PageKind.Regular, Section = "", Url = "en/p/", TranslationKey = "p", Body = "The word 中文 here.\n",
        };
        var stage = new MarkdownStage(MarkdownPipelineFactory.Create(false), "zh\"><svg onload=\"alert(1)\">");
        var bag = new DiagnosticBag();
        var doc = stage.Parse(page, page.ReadBody(bag)!, bag)!;
        var html = stage.RenderBlockGroups(page, [doc.ToList()], page.Url)[0];
        Assert.Contains("<span lang=\"zh&quot;&gt;&lt;svg onload=&quot;alert(1)&quot;&gt;\">中文</span>", html);
    }

    [Fact]
    public void A_file_name_with_a_colon_gets_a_relative_link_not_a_scheme()
    {
        Assert.Equal("./note:1/", UrlMapper.Relative("en/", "en/note:1/"));
        Assert.Equal("./javascript:alert(1)%3C!--/", UrlMapper.Relative("en/", "en/javascript:alert(1)%3C!--/"));
        Assert.Equal("notes/a:b/", UrlMapper.Relative("en/", "en/notes/a:b/"));
        Assert.Equal("../x:y/", UrlMapper.Relative("en/a/", "en/x:y/"));
    }

    [Fact]
    public void A_page_named_like_a_url_scheme_is_listed_with_a_working_relative_link()
    {
        using var site = new TestSite("""
            -- templates/layouts/list.html --
            {{ for p in (section_pages page.section) }}<a class="item" href="{{ rel_url p }}">{{ p.title }}</a>{{ end }}
            -- content/en/notes/_index.md --
            ---
            title: Notes
            ---
            -- content/en/notes/javascript:alert(1)<!--.md --
            ---
            title: Evil
            ---
            -- content/en/notes/note:1.md --
            ---
            title: Note
            ---
            See [this page](./note:1.md).
            """);
        var result = site.Build();
        Assert.Empty(Errors(result));
        var doc = new HtmlParser().ParseDocument(result.Output.Text("en/notes/index.html"));
        var hrefs = doc.QuerySelectorAll("a.item").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(2, hrefs.Count);
        foreach (var href in hrefs)
        {
            var resolved = new Uri(new Uri("https://example.org/en/notes/"), href);
            Assert.Equal("https", resolved.Scheme);
            Assert.True(result.Output.Contains(Uri.UnescapeDataString(resolved.AbsolutePath[1..]) + "index.html"), href);
        }
    }
}
