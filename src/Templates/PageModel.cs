using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using SiteGen.Content;
using SiteGen.Incremental;

namespace SiteGen.Templates;

/// <summary>
/// A page as templates see it. Its `toc` is made on first use: pages are parsed as their translation group renders,
/// so another page's table of contents may be asked for before that page was parsed. It is the one value made from the
/// page's Markdown, so every read of it is noted for `serve` (<see cref="RenderReads"/>): a page showing another's
/// headings is rendered again when they change.
/// </summary>
public sealed class PageModel : ScriptObject
{
    public const string TocKey = "toc";
    private readonly Page _page;
    private readonly Lazy<ScriptArray> _toc;

    // Not importing statics: ScriptObject's own constructor would reflect over this type (members and their
    // attributes) for every page made, to find public statics it has none of.
    public PageModel(Page page, Func<Page, IReadOnlyList<TocEntry>> toc) : base(24, autoImportStaticsFromThisType: false)
    {
        _page = page;
        _toc = new Lazy<ScriptArray>(() => ModelConverter.ReadOnly(new ScriptArray(toc(page).Select(t =>
            ModelConverter.ReadOnly(new ScriptObject { ["level"] = t.Level, ["id"] = t.Id, ["text"] = t.Text })))));
        this[TocKey] = null; // declared, so strict member access knows it
    }

    public override bool TryGetValue(TemplateContext? context, SourceSpan span, string member, out object? value)
    {
        if (member == TocKey)
        {
            RenderReads.Toc(_page);
            value = _toc.Value;
            return true;
        }
        return base.TryGetValue(context, span, member, out value);
    }
}
