using Microsoft.Playwright;
using SiteGen.Config;
using SiteGen.Content;
using SiteGen.Diagnostics;
using SiteGen.Markdown;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Browser;

/// <summary>
/// In Chromium: what raw HTML off still lets through (the allowed `{…}` attributes, raster data: images, pages whose
/// file names look like URL schemes) works and runs nothing, and a hostile language tag stays inside its attribute.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public class MarkupSafetyInBrowserTests(BrowserFixture browser) : BrowserTest(browser)
{
    private const string Pixel = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

    [Fact]
    public async Task Allowed_attributes_data_images_and_colon_named_pages_work_without_running_anything()
    {
        using var site = new TestSite($$$"""
            -- templates/base.html --
            <!doctype html>
            <html lang="{{ lang.tag }}"><head><meta charset="utf-8"><title>{{ page.title }}</title><link rel="icon" href="data:,"></head>
            <body><main>{{ main }}</main></body></html>
            -- templates/layouts/list.html --
            <h1>{{ page.title }}</h1>{{ content }}
            <ul>{{ for p in (section_pages page.section) }}<li><a class="item" href="{{ rel_url p }}">{{ p.title }}</a></li>{{ end }}</ul>
            -- content/en/notes/_index.md --
            ---
            title: Notes
            ---
            ## Pictures {#pictures .wide title="A title" lang=en dir=ltr}

            The word 中文 on an English page.

            ![one pixel](data:image/png;base64,{{{Pixel}}}){width=20 height=20 alt="a dot" loading=lazy}
            -- content/en/notes/javascript:alert(1)<!--.md --
            ---
            title: Scheme-like name
            ---
            Arrived.
            -- content/en/notes/note:1.md --
            ---
            title: Note one
            ---
            Arrived too.
            """);
        var result = site.BuildToDisk();
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        await using var host = await StaticHost.StartAsync(site.Out, "/");
        var (page, problems) = await browser.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += async (_, d) => { dialogs.Add(d.Message); await d.DismissAsync(); };
        page.Response += (_, r) => { if (r.Status >= 400) problems.Add($"status {r.Status}: {r.Url}"); };

        var list = host.BaseUrl + "en/notes/";
        Assert.Equal(200, (await page.GotoAsync(list))!.Status);
        var heading = page.Locator("h2#pictures.wide");
        Assert.Equal(("A title", "en", "ltr"), (await heading.GetAttributeAsync("title"), await heading.GetAttributeAsync("lang"), await heading.GetAttributeAsync("dir")));
        Assert.Equal("zh-Hant", await page.Locator("span[lang]").GetAttributeAsync("lang"));
        Assert.Equal("20", await page.Locator("img").GetAttributeAsync("width"));
        await page.WaitForFunctionAsync("() => document.querySelector('img').complete && document.querySelector('img').naturalWidth === 1");
        Assert.Equal(["Scheme-like name", "Note one"], await page.Locator("a.item").AllTextContentsAsync());
        foreach (var (index, text) in new[] { (0, "Arrived."), (1, "Arrived too.") })
        {
            await page.GotoAsync(list);
            await BrowserFixture.FollowAsync(page, page.Locator("a.item").Nth(index));
            Assert.StartsWith(host.BaseUrl + "en/notes/", page.Url);
            Assert.Contains(text, await page.Locator("main").TextContentAsync());
        }
        Assert.Empty(dialogs);
        Assert.Equal([], problems);
    }

    /// <summary>site.yml refuses such a tag; the renderer escapes it anyway, and a browser reads it back whole.</summary>
    [Fact]
    public async Task A_hostile_language_tag_stays_inside_the_lang_attribute()
    {
        const string tag = "zh-Hant\"><svg onload=\"alert(1)\"><img src=x onerror=\"alert(2)\">";
        var markdown = new MarkdownStage(MarkdownPipelineFactory.Create(allowRawHtml: false), tag);
        var source = new Page
        {
            Language = new LanguageConfig { Key = "en", Prefix = "en" }, SourcePath = "content/en/p.md", ContentPath = "p.md",
            Meta = new FrontMatter(), MetaLocations = new Dictionary<string, SourceLocation>(), BodyFirstLine = 1,
            Kind = PageKind.Regular, Section = "", Url = "en/p/", TranslationKey = "p", Body = "The word 中文 here.\n",
        };
        var doc = markdown.Parse(source, source.ReadBody(new DiagnosticBag())!, new DiagnosticBag())!;
        var body = markdown.RenderBlockGroups(source, [doc.ToList()], source.Url)[0];

        var (page, problems) = await browser.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += async (_, d) => { dialogs.Add(d.Message); await d.DismissAsync(); };
        await page.SetContentAsync($"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>t</title></head><body>{body}</body></html>");
        Assert.Equal(tag, await page.Locator("span[lang]").GetAttributeAsync("lang"));
        Assert.Equal(0, await page.Locator("svg, img").CountAsync());
        Assert.Empty(dialogs);
        Assert.Empty(problems);
    }
}
