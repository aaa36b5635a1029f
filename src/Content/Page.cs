using Markdig.Syntax;
using SiteGen.Config;
using SiteGen.Diagnostics;

namespace SiteGen.Content;

/// <summary>One Markdown file in one language, from loading to rendering.</summary>
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
    /// The Markdown after the front matter. A page read from a file (<see cref="BodyFile"/>) holds it only while its
    /// translation group renders, from <see cref="KeepBody"/> to <see cref="DropBody"/>: at 20,000 pages the bodies held
    /// from loading to rendering were most of the heap, and the GC copied every one of them as it aged. Asked for at
    /// another time (another page's table of contents), it is read from the file again; "" if that fails, which the
    /// page's own rendering then reports.
    /// </summary>
    public string Body
    {
        get => _body ?? BodyFile?.Read(out _) ?? "";
        init => _body = value;
    }
    private string? _body;
    public BodySource? BodyFile { get; init; }

    /// <summary>Holds the body until <see cref="DropBody"/>, reading it from the file if need be.</summary>
    /// <returns>false if the file can no longer be read or has changed since loading (reported).</returns>
    public bool KeepBody(DiagnosticBag bag)
    {
        if (_body is not null || BodyFile is null) return true;
        _body = BodyFile.Read(out var problem);
        if (problem is not null) bag.Error(new SourceLocation(SourcePath), problem, "build again");
        return _body is not null;
    }

    /// <summary>Lets go of a body that can be read again from its file; a page made from text keeps its own.</summary>
    public void DropBody()
    {
        if (BodyFile is not null) _body = null;
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

    // Set by the index.
    public Page? Prev { get; set; }
    public Page? Next { get; set; }
    public Dictionary<string, Page> Translations { get; } = new();

    // Set by the Markdown stage, while the page's translation group is being rendered.
    public MarkdownDocument? Document { get; set; }
    /// <summary>Null until the page is parsed, or until a template asks for it (<see cref="Markdown.MarkdownStage.TocOf"/>).</summary>
    public IReadOnlyList<TocEntry>? Toc { get; set; }
    /// <summary>Every heading's id in document order, once parsed (see <see cref="Markdown.MarkdownStage.HeadingIdsOf"/>).</summary>
    public string[]? HeadingIds { get; set; }
    /// <summary>Where each rewritten link was written, so the output checker can blame the Markdown line.</summary>
    public Dictionary<string, LinkOrigin> LinkOrigins { get; } = new();
    /// <summary>Links to pages of the site, by the target's translation key, for the link parity check.</summary>
    public List<PageLink> PageLinks { get; } = new();
    /// <summary>Link URLs already reported as broken by the Markdown stage, so the output check doesn't repeat them.</summary>
    public HashSet<string> ReportedLinks { get; } = new();

    /// <summary>
    /// The page as loaded, for another index of the same site: what the index and the render added is left behind, but
    /// the body and what is made from it alone (table of contents, heading ids) come along, so nothing is read or parsed again.
    /// </summary>
    public Page Reloaded() => new()
    {
        Language = Language, SourcePath = SourcePath, ContentPath = ContentPath, Meta = Meta, MetaLocations = MetaLocations,
        Body = Body, FrontMatterText = FrontMatterText, BodyFirstLine = BodyFirstLine, Kind = Kind, Section = Section, Url = Url,
        TranslationKey = TranslationKey, Date = Date, Toc = Toc, HeadingIds = HeadingIds,
    };

    /// <summary>
    /// `serve`'s preview only, on its own copy of the site (<see cref="Reloaded"/>): the page's file was saved with the same
    /// front matter, so the index still holds and only what is made from the text is let go.
    /// </summary>
    public void ReplaceBody(string body)
    {
        _body = body;
        Toc = null;
        HeadingIds = null;
    }

    /// <summary>Before a page of a preview's copy renders again: the link records of its last render are let go.</summary>
    public void ForgetLinks()
    {
        LinkOrigins.Clear();
        PageLinks.Clear();
        ReportedLinks.Clear();
    }

    public SourceLocation At(string key) => MetaLocations.TryGetValue(key, out var l) ? l : new SourceLocation(SourcePath, 1, 1);
    public override string ToString() => SourcePath;
}

public sealed record TocEntry(int Level, string Id, string Text);

/// <summary>Where a link was written, and how (`../themes/chips.md#x`), for messages in the author's own terms.</summary>
public sealed record LinkOrigin(SourceLocation At, string Written);

/// <summary>A link to a page (`TargetKey` is its translation key) and an optional heading, where it was written.</summary>
public sealed record PageLink(string TargetKey, string Fragment, SourceLocation At);
