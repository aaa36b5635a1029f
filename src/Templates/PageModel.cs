using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using SiteGen.Content;

namespace SiteGen.Templates;

/// <summary>
/// A page as templates see it. Its `toc` is made on first use: pages are parsed as their translation group renders,
/// so another page's table of contents may be asked for before that page was parsed.
/// </summary>
public sealed class PageModel : ScriptObject
{
    public const string TocKey = "toc";
    private readonly Lazy<ScriptArray> _toc;

    public PageModel(Page page, Func<Page, IReadOnlyList<TocEntry>> toc)
    {
        _toc = new Lazy<ScriptArray>(() => ModelConverter.ReadOnly(new ScriptArray(toc(page).Select(t =>
            ModelConverter.ReadOnly(new ScriptObject { ["level"] = t.Level, ["id"] = t.Id, ["text"] = t.Text })))));
        this[TocKey] = null; // declared, so strict member access knows it
    }

    public override bool TryGetValue(TemplateContext? context, SourceSpan span, string member, out object? value)
    {
        if (member == TocKey)
        {
            value = _toc.Value;
            return true;
        }
        return base.TryGetValue(context, span, member, out value);
    }
}
