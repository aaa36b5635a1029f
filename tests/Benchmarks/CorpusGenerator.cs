using System.Text;

namespace SiteGen.Benchmarks;

/// <summary>
/// A deterministic synthetic bilingual corpus, laid out twice: for SiteGen (with the real site.yml and templates)
/// and for Hugo (contentDir per language, a layout with the same elements and a render-link hook for `.md` links, and
/// `side-by-side.toml`, which adds a side-by-side view per page as SiteGen writes by default).
/// Each zh page has about 1,500 CJK characters and each en page about 800 words, with headings, a list, a table, a
/// blockquote, emphasis beside CJK punctuation and five links to other pages, two of them to headings.
/// </summary>
public static class CorpusGenerator
{
    private const int PerSection = 100;

    public static int Run(string[] args)
    {
        if (args.Length != 2 || !int.TryParse(args[0], out var n)) { Console.Error.WriteLine("usage: corpus N OUTDIR"); return 2; }
        Write(n, Path.GetFullPath(args[1]));
        return 0;
    }

    public static void Write(int n, string outDir)
    {
        var sitegen = Path.Combine(outDir, "sitegen");
        var hugo = Path.Combine(outDir, "hugo");
        if (Directory.Exists(outDir)) Directory.Delete(outDir, true);
        CopyTheme(sitegen);
        HugoTheme(hugo);
        for (var i = 0; i < n; i++)
        {
            var rel = PagePath(i);
            var plan = Plan(i, n); // the same numbers and links in both languages
            var zh = Chinese(i, plan, new Random(i));
            var en = English(i, plan, new Random(i));
            foreach (var (root, lang, text) in new[] { (sitegen, "zh-Hant", zh), (sitegen, "en", en), (hugo, "zh-Hant", zh), (hugo, "en", en) })
                WriteFile(Path.Combine(root, "content", lang, rel), text);
        }
        foreach (var root in new[] { sitegen, hugo })
        {
            WriteFile(Path.Combine(root, "content", "zh-Hant", "_index.md"), "---\ntitle: 首頁\ndescription: 合成語料。\n---\n合成的雙語語料。\n");
            WriteFile(Path.Combine(root, "content", "en", "_index.md"), "---\ntitle: Home\ndescription: A synthetic corpus.\n---\nA synthetic bilingual corpus.\n");
            WriteFile(Path.Combine(root, "content", "zh-Hant", "about.md"), "---\ntitle: 關於\ndescription: 關於。\n---\n關於本站。\n");
            WriteFile(Path.Combine(root, "content", "en", "about.md"), "---\ntitle: About\ndescription: About.\n---\nAbout this site.\n");
        }
        // The same site with the side-by-side views off: as many HTML pages out as Hugo writes, for a like-for-like row.
        var pagesOnly = Path.Combine(outDir, "sitegen-pages-only");
        Directory.CreateDirectory(pagesOnly);
        Directory.CreateSymbolicLink(Path.Combine(pagesOnly, "content"), Path.Combine(sitegen, "content"));
        Directory.CreateSymbolicLink(Path.Combine(pagesOnly, "templates"), Path.Combine(sitegen, "templates"));
        WriteFile(Path.Combine(pagesOnly, "site.yml"), File.ReadAllText(Path.Combine(sitegen, "site.yml")) + "\nside_by_side: false\n");
        Console.WriteLine($"{n} pages per language written to {sitegen}, {pagesOnly} and {hugo}");
    }

    private static string PagePath(int i) => $"s{i / PerSection:000}/p{i:00000}.md";

    /// <summary>Per part: a number, three links (the first and, in part 2, the last with a heading) and two table values.</summary>
    private sealed record PagePlan(int[] Numbers, string[] Links, int[] Table);

    private static PagePlan Plan(int i, int n)
    {
        var r = new Random(i * 31 + 7);
        string Link(bool fragment)
        {
            var to = r.Next(n);
            var target = to / PerSection == i / PerSection ? $"p{to:00000}.md" : $"../{PagePath(to)}";
            return fragment ? $"{target}#part-{r.Next(3) + 1}" : target;
        }
        return new PagePlan(
            [r.Next(1000), r.Next(1000), r.Next(1000)],
            [Link(true), Link(false), Link(false), Link(false), Link(false), Link(false), Link(false), Link(false), Link(false)],
            [r.Next(100), r.Next(100)]);
    }

    private static readonly string Hanzi = "電力供應將成為瓶頸太空數據中心的主要優勢包括更高的太陽能發電效率無需電池儲能以及更容易擴展規模晶片製造能力是發展的主要瓶頸";

    private static string Sentence(Random r, int length)
    {
        var sb = new StringBuilder();
        for (var k = 0; k < length; k++) sb.Append(Hanzi[r.Next(Hanzi.Length)]);
        return sb.Append('。').ToString();
    }

    private static readonly string[] Words = "power supply will become the bottleneck data centres in space offer higher solar efficiency no battery storage and easier scaling chip manufacturing capacity is the main constraint on progress".Split(' ');

    private static string Words_(Random r, int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => Words[r.Next(Words.Length)]));

    private static string Chinese(int i, PagePlan plan, Random r)
    {
        var sb = new StringBuilder($"---\ntitle: 第 {i} 頁\ndescription: 合成頁面。\nweight: {i % PerSection + 1}\n---\n\n");
        for (var part = 1; part <= 3; part++)
        {
            var links = plan.Links.Skip((part - 1) * 3).ToArray();
            sb.Append($"## 第 {part} 部分 {{#part-{part}}}\n\n");
            sb.Append($"{Sentence(r, 60)}**「{Sentence(r, 8)}」**的數字是 {plan.Numbers[part - 1]}。見[另一頁]({links[0]})。{Sentence(r, 60)}\n{Sentence(r, 60)}\n\n");
            sb.Append($"- {Sentence(r, 20)}\n- {Sentence(r, 20)}見[這裡]({links[1]})。\n- {Sentence(r, 20)}\n\n");
            sb.Append($"> {Sentence(r, 40)}\n\n");
            if (part == 2) sb.Append($"| 項目 | 數字 |\n|---|---|\n| 甲 | {plan.Table[0]} |\n| 乙 | {plan.Table[1]} |\n\n");
            sb.Append($"{Sentence(r, 80)}見[更多]({links[2]})。\n\n");
        }
        return sb.ToString();
    }

    private static string English(int i, PagePlan plan, Random r)
    {
        var sb = new StringBuilder($"---\ntitle: Page {i}\ndescription: Synthetic page.\nweight: {i % PerSection + 1}\n---\n\n");
        for (var part = 1; part <= 3; part++)
        {
            var links = plan.Links.Skip((part - 1) * 3).ToArray();
            sb.Append($"## Part {part} {{#part-{part}}}\n\n");
            sb.Append($"{Words_(r, 60)} *{Words_(r, 4)}* has the number {plan.Numbers[part - 1]}. See [another page]({links[0]}). {Words_(r, 40)}\n{Words_(r, 40)}\n\n");
            sb.Append($"- {Words_(r, 15)}\n- {Words_(r, 15)} see [here]({links[1]}).\n- {Words_(r, 15)}\n\n");
            sb.Append($"> {Words_(r, 30)}\n\n");
            if (part == 2) sb.Append($"| Item | Number |\n|---|---|\n| A | {plan.Table[0]} |\n| B | {plan.Table[1]} |\n\n");
            sb.Append($"{Words_(r, 60)} See [more]({links[2]}).\n\n");
        }
        return sb.ToString();
    }

    private static void CopyTheme(string root)
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Paths.Repo, "templates"), "*", SearchOption.AllDirectories))
            WriteFile(Path.Combine(root, Path.GetRelativePath(Paths.Repo, file)), File.ReadAllText(file));
        var yml = File.ReadAllText(Path.Combine(Paths.Repo, "site.yml"));
        var start = yml.IndexOf("menu:", StringComparison.Ordinal);
        var end = yml.IndexOf("\nlanguages:", StringComparison.Ordinal);
        WriteFile(Path.Combine(root, "site.yml"), yml[..start] + "menu:\n  - about.md\n" + yml[end..]);
    }

    private static void HugoTheme(string root)
    {
        WriteFile(Path.Combine(root, "hugo.toml"), """
            baseURL = "https://example.org/"
            title = "Corpus"
            defaultContentLanguage = "zh-hant"
            defaultContentLanguageInSubdir = true
            disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]
            [markup.goldmark.renderer]
              unsafe = false
            [markup.goldmark.parser.attribute]
              title = true
              block = true
            [markup.tableOfContents]
              startLevel = 2
              endLevel = 3
            [languages.zh-hant]
              contentDir = "content/zh-Hant"
              languageName = "繁體中文"
              languageCode = "zh-Hant"
              title = "語料"
              weight = 1
            [languages.en]
              contentDir = "content/en"
              languageName = "English"
              languageCode = "en"
              title = "Corpus"
              weight = 2
            """);
        WriteFile(Path.Combine(root, "assets", "style.css"), File.ReadAllText(Path.Combine(Paths.Repo, "templates", "assets", "style.css")));
        // A page's and its side-by-side view's: the same head, navigation and footer around a different `main`.
        static string Layout(string languageSwitch, string main) => $$$"""
            <!doctype html>
            <html lang="{{ .Language.Lang }}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{ .Title }} · {{ site.Title }}</title>
            <meta name="description" content="{{ .Description }}">
            {{ with resources.Get "style.css" | fingerprint }}<link rel="stylesheet" href="{{ .RelPermalink }}">{{ end }}
            {{- if .IsTranslated }}
            <link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .RelPermalink }}">
            {{- range .Translations }}
            <link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .RelPermalink }}">
            {{- end }}
            {{- end }}
            </head>
            <body>
            <header class="site-header">
            <nav class="site-nav"><a class="site-title" href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a>
            <ul>{{ with site.GetPage "/about" }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></nav>
            {{{languageSwitch}}}
            </header>
            {{{main}}}
            <footer class="site-footer"><p>Synthetic corpus</p></footer>
            </body>
            </html>
            """;
        // The page's switch links to its view when the views are on (side-by-side.toml), as SiteGen's does.
        var page = Layout("""
            <nav class="lang-switch">{{ range .Translations }}<a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}" lang="{{ .Language.Lang }}">{{ .Language.LanguageName }}</a>{{ end }}{{ with .OutputFormats.Get "bilingual" }}<a class="view-switch" href="{{ .RelPermalink }}">Side by side</a>{{ end }}</nav>
            """, """
            <main id="main"><article class="page"><h1>{{ .Title }}</h1>
            {{ .TableOfContents }}
            <div class="prose">{{ .Content }}</div>
            {{ if .IsPage }}<nav class="pager">{{ with .NextInSection }}<a rel="prev" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ with .PrevInSection }}<a rel="next" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>{{ end }}
            {{ if .IsNode }}<ol>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ol>{{ end }}
            </article></main>
            """);
        // The side-by-side view: the page's text beside its translation's, each rendered by Hugo as for its own page.
        // Hugo has no block alignment, so the two texts stand whole side by side: less work than SiteGen's rows.
        var view = Layout("""
            <nav class="lang-switch">{{ range .Translations }}{{ $t := . }}{{ with .OutputFormats.Get "bilingual" }}<a href="{{ .RelPermalink }}" hreflang="{{ $t.Language.Lang }}" lang="{{ $t.Language.Lang }}">{{ $t.Language.LanguageName }}</a>{{ end }}{{ end }}{{ with .OutputFormats.Get "html" }}<a class="view-switch" href="{{ .RelPermalink }}">Back</a>{{ end }}</nav>
            """, """
            <main id="main" class="wide"><article class="bilingual"><header class="page-header"><h1>{{ .Title }}</h1>
            {{ range first 1 .Translations }}<p class="lead" lang="{{ .Language.Lang }}">{{ .Title }}</p>{{ end }}</header>
            <div class="bilingual-rows"><div class="bilingual-row">
            <div class="bilingual-own" lang="{{ .Language.Lang }}">{{ .Content }}</div>
            {{ range first 1 .Translations }}<div class="bilingual-other" lang="{{ .Language.Lang }}">{{ .Content }}</div>{{ end }}
            </div></div></article></main>
            """);
        WriteFile(Path.Combine(root, "layouts", "_default", "single.html"), page);
        WriteFile(Path.Combine(root, "layouts", "_default", "list.html"), page);
        WriteFile(Path.Combine(root, "layouts", "index.html"), page);
        WriteFile(Path.Combine(root, "layouts", "_default", "single.bilingual.html"), view);
        WriteFile(Path.Combine(root, "layouts", "index.bilingual.html"), view);
        // `hugo --config hugo.toml,side-by-side.toml`: a view beside every page and the home page, as SiteGen writes.
        WriteFile(Path.Combine(root, "side-by-side.toml"), """
            [outputFormats.bilingual]
              mediaType = "text/html"
              baseName = "bilingual"
              isHTML = true
              notAlternative = true
              permalinkable = false
            [outputs]
              home = ["html", "bilingual"]
              page = ["html", "bilingual"]
            """);
        WriteFile(Path.Combine(root, "layouts", "_default", "_markup", "render-link.html"), """
            {{- $u := urls.Parse .Destination -}}
            {{- $href := .Destination -}}
            {{- if and (not $u.IsAbs) (strings.HasSuffix $u.Path ".md") -}}
              {{- with .Page.GetPage (path.Join "/" .Page.File.Dir $u.Path) -}}{{- $href = .RelPermalink -}}{{- else -}}{{- errorf "link to missing page %s in %s" $u.Path $.Page.File.Path -}}{{- end -}}
              {{- with $u.Fragment -}}{{- $href = printf "%s#%s" $href . -}}{{- end -}}
            {{- end -}}
            <a href="{{ $href }}">{{ .Text | safeHTML }}</a>
            """);
    }

    private static void WriteFile(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
