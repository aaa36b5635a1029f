using SiteGen.Tests.Support;
using static SiteGen.Tests.Serve.ServeRebuildProperties;

namespace SiteGen.Tests.Serve;

/// <summary>
/// A copy of a site (site.yml, content/, templates/) in a temporary folder that takes the edits an author makes, each
/// of which leaves a site that builds: ids that other pages link to are kept, and only pages this copy added are deleted.
/// </summary>
internal sealed class EditableSite : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "sitegen-edits-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly List<string> _added = new();

    /// <summary>Templates a step adds to: what other pages' headings a page shows (see <see cref="Template"/>).</summary>
    private static readonly (string File, string Text)[] TemplateEdits =
    [
        ("layouts/page.html", "<p>{{ if page.prev }}{{ for h in page.prev.toc }}<i>{{ h.text }}</i>{{ end }}{{ end }}{{ if page.next }}{{ for h in page.next.toc }}<i>{{ h.text }}</i>{{ end }}{{ end }}</p>"),
        ("layouts/page.html", "<p>{{ for tr in page.translations }}{{ for h in tr.toc }}<i>{{ h.text }}</i>{{ end }}{{ end }}</p>"),
        ("layouts/page.html", "<p>{{ for h in (get_page \"_index.md\").toc }}<i>{{ h.text }}</i>{{ end }}</p>"),
        ("layouts/list.html", "<p>{{ for m in menu }}{{ for h in m.toc }}<i>{{ h.text }}</i>{{ end }}{{ end }}</p>"),
        ("layouts/bilingual.html", "<p>{{ for h in translation.toc }}<i>{{ h.text }}</i>{{ end }}{{ for h in lang.home.toc }}<i>{{ h.text }}</i>{{ end }}</p>"),
    ];

    private static readonly string[] Commentable = ["base.html", "layouts/page.html", "layouts/list.html", "layouts/home.html"];

    public EditableSite(string from)
    {
        foreach (var part in new[] { "content", "templates" }) Disk.CopyTree(Path.Combine(from, part), Path.Combine(Root, part));
        File.Copy(Path.Combine(from, "site.yml"), Path.Combine(Root, "site.yml"));
        // Section lists (and the home's list) show their pages' headings: the case that was served stale.
        foreach (var layout in new[] { "layouts/list.html", "layouts/home.html" })
            Change($"templates/{layout}", t => ReplaceFirst(t, "{{ p.title }}", "{{ p.title }}{{ for h in p.toc }} <span>{{ h.text }}</span>{{ end }}"));
    }

    /// <returns>what was done, for the failure message.</returns>
    public string Apply(Edit edit, int step) => edit.Kind switch
    {
        Kind.Body => Body(edit.Pick, step),
        Kind.Heading => Heading(edit.Pick, step),
        Kind.Title => ChangePage(edit.Pick, (fm, body) => (SetKey(fm, "title", $"Title {step}"), body), "title"),
        Kind.FrontMatter => edit.Pick % 2 == 0
            ? ChangePage(edit.Pick / 2, (fm, body) => (SetKey(fm, "description", $"Description {step}"), body), "description")
            : ChangePage(edit.Pick / 2, (fm, body) => (SetKey(fm, "weight", $"{edit.Pick % 7 + 1}"), body), "weight"),
        Kind.Template => Template(edit.Pick, step),
        Kind.SiteYml => SiteYml(edit.Pick, step),
        Kind.AddPage => AddPage(edit.Pick, step),
        Kind.DeletePage => _added.Count == 0 ? AddPage(edit.Pick, step) : DeletePage(edit.Pick),
        _ => throw new ArgumentOutOfRangeException(nameof(edit)),
    };

    private string Body(int pick, int step) => ChangePage(pick, (fm, body) => (fm, pick % 2 == 0
        ? $"Edited paragraph {step}.\n\n" + body
        : body.TrimEnd() + $"\n\nEdited paragraph {step}.\n"), pick % 2 == 0 ? "text at the start" : "text at the end");

    /// <summary>A heading with an explicit id is renamed (links to it stay good); otherwise a heading is added.</summary>
    private string Heading(int pick, int step) => ChangePage(pick, (fm, body) =>
    {
        var lines = body.Split('\n');
        var named = Enumerable.Range(0, lines.Length).Where(i => lines[i].StartsWith("##") && lines[i].TrimEnd().EndsWith('}') && lines[i].Contains("{#")).ToList();
        if (named.Count == 0 || pick % 3 == 0) return (fm, body.TrimEnd() + $"\n\n## Added heading {step} {{#added-{step}}}\n\nText under it.\n");
        var i = named[pick / 3 % named.Count];
        var hashes = lines[i].IndexOf(' ');
        lines[i] = lines[i][..(hashes + 1)] + $"Renamed {step} " + lines[i][(hashes + 1)..];
        return (fm, string.Join('\n', lines));
    }, "heading");

    private string Template(int pick, int step)
    {
        if (pick % 2 == 0)
        {
            var file = Commentable[pick / 2 % Commentable.Length];
            Change($"templates/{file}", t => t + $"<!-- edit {step} -->\n");
            return $"comment in templates/{file}";
        }
        var (layout, text) = TemplateEdits[pick / 2 % TemplateEdits.Length];
        if (!File.Exists(Path.Combine(Root, "templates", layout))) (layout, text) = TemplateEdits[0];
        Change($"templates/{layout}", t => t + text + "\n");
        return $"templates/{layout} shows {text}";
    }

    private string SiteYml(int pick, int step)
    {
        var lines = File.ReadAllText(Path.Combine(Root, "site.yml")).Split('\n');
        var texts = Enumerable.Range(0, lines.Length).Where(i => lines[i].StartsWith("    title: ") || lines[i].StartsWith("    description: ")).ToList();
        var i = texts[pick % texts.Count];
        lines[i] = lines[i][..(lines[i].IndexOf(':') + 1)] + $" Site text {step}";
        File.WriteAllText(Path.Combine(Root, "site.yml"), string.Join('\n', lines));
        return $"site.yml line {i + 1}";
    }

    /// <summary>A missing translation of a page, or a new page in a section of one language.</summary>
    private string AddPage(int pick, int step)
    {
        var pages = Pages();
        var languages = pages.Select(p => p.Split('/')[1]).Distinct().Order(StringComparer.Ordinal).ToList();
        var untranslated = (from p in pages from l in languages let t = WithLanguage(p, l) where !pages.Contains(t) select (From: p, To: t)).ToList();
        string path;
        if (untranslated.Count > 0 && pick % 2 == 0)
        {
            var (source, target) = untranslated[pick / 2 % untranslated.Count];
            var (fm, body) = Split(Read(source));
            Write(target, SetKey(fm, "title", $"Translation {step}") + body);
            path = target;
        }
        else
        {
            var language = languages[pick % languages.Count];
            var folders = pages.Where(p => p.Split('/')[1] == language).Select(p => p[..p.LastIndexOf('/')]).Distinct().Order(StringComparer.Ordinal).ToList();
            path = $"{folders[pick / 7 % folders.Count]}/added-{step}.md";
            Write(path, $"---\ntitle: Added {step}\nweight: {pick % 5 + 1}\n---\n## Added heading {step} {{#added-{step}}}\n\nText {step}.\n");
        }
        _added.Add(path);
        return $"added {path}";
    }

    private string DeletePage(int pick)
    {
        var path = _added[pick % _added.Count];
        _added.Remove(path);
        File.Delete(Path.Combine(Root, path));
        return $"deleted {path}";
    }

    private string ChangePage(int pick, Func<string, string, (string Fm, string Body)> change, string what)
    {
        var pages = Pages();
        var path = pages[pick % pages.Count];
        var (fm, body) = Split(Read(path));
        var (newFm, newBody) = change(fm, body);
        Write(path, newFm + newBody);
        return $"{what} of {path}";
    }

    /// <summary>Content paths (`content/en/notes/a.md`), in order.</summary>
    private List<string> Pages() =>
        Directory.EnumerateFiles(Path.Combine(Root, "content"), "*.md", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();

    private static string WithLanguage(string path, string language)
    {
        var parts = path.Split('/');
        parts[1] = language;
        return string.Join('/', parts);
    }

    /// <summary>The front matter with its `---` lines, and the body after it.</summary>
    private static (string Fm, string Body) Split(string text)
    {
        Assert.StartsWith("---\n", text);
        var end = text.IndexOf("\n---\n", 3, StringComparison.Ordinal) + "\n---\n".Length;
        return (text[..end], text[end..]);
    }

    /// <summary>Replaces a top-level key's one-line value, or adds the key at the end of the front matter.</summary>
    private static string SetKey(string fm, string key, string value)
    {
        var lines = fm.Split('\n').ToList();
        var i = lines.FindIndex(l => l.StartsWith(key + ":"));
        if (i >= 0) lines[i] = $"{key}: {value}";
        else lines.Insert(lines.LastIndexOf("---"), $"{key}: {value}");
        return string.Join('\n', lines);
    }

    private static string ReplaceFirst(string text, string from, string to)
    {
        var at = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{from}' not found");
        return text[..at] + to + text[(at + from.Length)..];
    }

    private string Read(string path) => File.ReadAllText(Path.Combine(Root, path));
    private void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(Root, path))!);
        File.WriteAllText(Path.Combine(Root, path), text);
    }
    private void Change(string path, Func<string, string> change) => Write(path, change(Read(path)));

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
