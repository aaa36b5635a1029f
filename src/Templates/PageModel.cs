using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using SiteGen.Content;
using SiteGen.Incremental;

namespace SiteGen.Templates;

/// <summary>
/// A page as templates see it. Its `toc` is made on first use (and again if the page's text was replaced): pages are parsed as their translation group renders,
/// so another page's table of contents may be asked for before that page was parsed. It is the one value made from the
/// page's Markdown, so every read of it is noted for `serve` (<see cref="RenderReads"/>): a page showing another's
/// headings is rendered again when they change.
/// </summary>
public sealed class PageModel : ScriptObject
{
    public const string TocKey = "toc";
    private readonly Page _page;
    private readonly Func<Page, IReadOnlyList<TocEntry>> _tocOf;
    /// <summary>The table of contents as templates see it, with the entries it was made from: made again when they are new (`serve`'s preview edits a page's text).</summary>
    private sealed record Toc(IReadOnlyList<TocEntry> From, ScriptArray Model);
    private Toc? _toc;

    // Not importing statics: ScriptObject's own constructor would reflect over this type (members and their
    // attributes) for every page made, to find public statics it has none of.
    public PageModel(Page page, Func<Page, IReadOnlyList<TocEntry>> toc) : base(24, autoImportStaticsFromThisType: false)
    {
        _page = page;
        _tocOf = toc;
        this[TocKey] = null; // declared, so strict member access knows it
    }

    // Pages render in parallel: two threads may both make it, equal, and either is kept.
    private ScriptArray TocModel()
    {
        var entries = _tocOf(_page);
        if (_toc is { } known && ReferenceEquals(known.From, entries)) return known.Model;
        var model = ModelConverter.ReadOnly(new ScriptArray(entries.Select(t =>
            ModelConverter.ReadOnly(new ScriptObject { ["level"] = t.Level, ["id"] = t.Id, ["text"] = t.Text }))));
        _toc = new Toc(entries, model);
        return model;
    }

    public override bool TryGetValue(TemplateContext? context, SourceSpan span, string member, out object? value)
    {
        if (member == TocKey)
        {
            RenderReads.Toc(_page);
            value = TocModel();
            return true;
        }
        return base.TryGetValue(context, span, member, out value);
    }
}
