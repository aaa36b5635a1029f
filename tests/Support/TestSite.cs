using System.Text;
using SiteGen.Output;

namespace SiteGen.Tests.Support;

/// <summary>
/// A small site written inline as `-- path --` blocks (as in Hugo's integration tests), laid out in a temporary
/// folder on top of a minimal theme and site.yml that the blocks may override.
/// </summary>
public sealed class TestSite : IDisposable
{
    public string Root { get; }

    public const string DefaultConfig = """
        default_language: zh-Hant
        languages:
          - key: zh-Hant
            name: 繁體中文
            prefix: zh
            title: 測試站
            strings:
              read_in: English
              missing: 尚無翻譯
          - key: en
            name: English
            prefix: en
            title: Test site
            strings:
              read_in: 繁體中文
              missing: Not translated yet
        """;

    private static readonly Dictionary<string, string> Theme = new()
    {
        ["templates/base.html"] = """
            <!doctype html>
            <html lang="{{ lang.tag }}"><head><meta charset="utf-8"><title>{{ page.title }}</title>
            <link rel="stylesheet" href="{{ asset "site.css" }}"></head>
            <body>{{ partial "switch.html" }}<main>{{ main }}</main></body></html>
            """,
        ["templates/partials/switch.html"] = """
            {{- for other in other_languages }}{{ tr = translation_in page other.key }}{{ if tr }}<a class="switch" href="{{ rel_url tr }}" lang="{{ tr.lang_tag }}">{{ t "read_in" }}</a>{{ else }}<span class="switch">{{ t "missing" }}</span>{{ end }}{{ end -}}
            """,
        ["templates/layouts/page.html"] = "<h1>{{ page.title }}</h1>\n{{ content }}",
        ["templates/layouts/home.html"] = "<h1>{{ page.title }}</h1>\n{{ content }}",
        ["templates/layouts/list.html"] = "<h1>{{ page.title }}</h1>\n{{ content }}",
        ["templates/landing.html"] = "<!doctype html><html lang=\"zh-Hant\"><head><meta charset=\"utf-8\"><title>x</title></head><body>{{ for l in languages }}{{ if l.home }}<a href=\"{{ rel_url l.home }}\">{{ l.name }}</a>{{ end }}{{ end }}</body></html>",
        ["templates/404.html"] = "<!doctype html><html lang=\"zh-Hant\"><head><meta charset=\"utf-8\"><title>404</title></head><body>404</body></html>",
        ["templates/assets/site.css"] = "body { margin: 0 }",
        ["site.yml"] = DefaultConfig,
    };

    public TestSite(string blocks, bool withTheme = true)
    {
        Root = Path.Combine(Path.GetTempPath(), "sitegen-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Root);
        var files = withTheme ? new Dictionary<string, string>(Theme) : new Dictionary<string, string>();
        foreach (var (path, text) in Parse(blocks)) files[path] = text;
        foreach (var (path, text) in files) Write(path, text);
    }

    public void Write(string path, string text) => WriteBytes(path, Encoding.UTF8.GetBytes(text));

    public void WriteBytes(string path, byte[] bytes)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
    }

    public string Out => Path.Combine(Root, "build");

    /// <summary>Builds in memory, writing nothing.</summary>
    public BuildResult Build(string? baseUrl = null) => new SiteBuilder(new BuildOptions { Root = Root, BaseUrl = baseUrl }).Build();

    public BuildResult BuildToDisk() => new SiteBuilder(new BuildOptions { Root = Root, OutputDir = Out }).Build();

    public static string[] Errors(BuildResult r) => r.Diagnostics.Select(d => d.ToString()).ToArray();

    /// <summary>`-- path --` starts a file; the lines up to the next marker are its text.</summary>
    public static IEnumerable<(string Path, string Text)> Parse(string blocks)
    {
        string? path = null;
        var sb = new StringBuilder();
        foreach (var line in blocks.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.StartsWith("-- ") && line.EndsWith(" --"))
            {
                if (path is not null) yield return (path, sb.ToString());
                path = line[3..^3].Trim();
                sb.Clear();
            }
            else if (path is not null) sb.Append(line).Append('\n');
        }
        if (path is not null) yield return (path, sb.ToString());
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
