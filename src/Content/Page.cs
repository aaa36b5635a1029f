using SiteGen.Config;
using SiteGen.Diagnostics;

namespace SiteGen.Content;

/// <summary>
/// One Markdown file in one language, as loaded; nothing changes it afterwards. What the index works out (previous, next,
/// translations) is asked of <see cref="SiteIndex"/>, and what rendering learns from the body is handed on in records
/// (<see cref="Markdown.RenderedPage"/>).
/// </summary>
public sealed class Page
{
    public required LanguageConfig Language { get; init; }
    /// <summary>Path relative to the site root, with `/`: `content/en/themes/chips.md`.</summary>
    public required string SourcePath { get; init; }
    /// <summary>Path relative to the language folder: `themes/chips.md`.</summary>
    public required string ContentPath { get; init; }
    public required FrontMatter Meta { get; init; }
    public required IReadOnlyDictionary<string, SourceLocation> MetaLocations { get; init; }
    /// <summary>
    /// The Markdown after the front matter, held by a page made from text and by every page `serve` loads. A page a build
    /// reads from a file (<see cref="BodyFile"/>) does not hold it: at 20,000 pages the bodies held from loading to
    /// rendering were most of the heap, and the GC copied every one of them as it aged. Read with <see cref="ReadBody"/>.
    /// </summary>
    public string? Body { init => _body = value; }
    private readonly string? _body;
    public BodySource? BodyFile { get; init; }

    /// <summary>The body: the one held, or read from the file again, which must not have changed since loading.</summary>
    /// <returns>null if the file can no longer be read or has changed since loading (reported).</returns>
    public string? ReadBody(DiagnosticBag bag)
    {
        if (_body is not null || BodyFile is null) return _body ?? "";
        var body = BodyFile.Read(out var problem);
        if (problem is not null) bag.Error(new SourceLocation(SourcePath), problem, "build again");
        return body;
    }

    /// <summary>The front matter as written, for the incremental build's change detection.</summary>
    public string FrontMatterText { get; init; } = "";
    /// <summary>1-based file line of the body's first line; Markdig's 0-based lines are added to it.</summary>
    public required int BodyFirstLine { get; init; }
    public required PageKind Kind { get; init; }
    /// <summary>First folder of the content path ("" for pages at the language root).</summary>
    public required string Section { get; init; }
    /// <summary>Site-relative URL of the page's folder, always ending in `/`: `en/themes/chips/`.</summary>
    public required string Url { get; init; }
    public string OutputPath => Url + "index.html";
    public required string TranslationKey { get; init; }

    public string Title => Meta.Title ?? "";
    public DateOnly? Date { get; init; }

    public SourceLocation At(string key) => MetaLocations.TryGetValue(key, out var l) ? l : new SourceLocation(SourcePath, 1, 1);
    public override string ToString() => SourcePath;
}

public sealed record TocEntry(int Level, string Id, string Text);

/// <summary>Where a link was written, and how (`../themes/chips.md#x`), for messages in the author's own terms.</summary>
public sealed record LinkOrigin(SourceLocation At, string Written);

/// <summary>A link to a page (`TargetKey` is its translation key) and an optional heading, where it was written.</summary>
public sealed record PageLink(string TargetKey, string Fragment, SourceLocation At);
