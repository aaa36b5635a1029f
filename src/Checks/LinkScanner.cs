using System.Runtime.InteropServices;
using System.Text;
using AngleSharp.Html.Parser;
using AngleSharp.Html;
using AngleSharp.Html.Parser.Tokens.Struct;
using AngleSharp.Text;

namespace SiteGen.Checks;

/// <summary>A link as found in a page: its URL and where the tag starts.</summary>
public readonly record struct ScannedLink(string Url, int Line, int Column);

/// <summary>
/// What the link check needs of one HTML page, small enough to keep for 40,000 pages once the HTML is on disk: plain
/// arrays, the ids sorted. Kept from a page's scan to the end of the build, each object here is one more the GC walks;
/// as sets and lists they were six objects a page, and 18 MB more at 20,000 pages with side-by-side views.
/// </summary>
/// <param name="Written">For each link, the template text that wrote its tag (an id of <see cref="TemplateOrigins"/>), or -1; null when no template text is known for the page.</param>
public sealed record ScannedPage(string[] Ids, ScannedLink[] Links, (string Id, int Line, int Column)[] DuplicateIds, int[]? Written = null)
{
    public bool HasId(string id) => Array.BinarySearch(Ids, id, StringComparer.Ordinal) >= 0;
}

/// <summary>
/// Reads one page with AngleSharp's HTML5 tokenizer, without building a tree: start tags are all that links and ids
/// need. Text, comments and the contents of scripts and styles are skipped by the tokenizer itself and only `id`,
/// `href` and `src` attributes are kept. Runs as each page is rendered, so the page's text can go to disk at once.
/// </summary>
public static class LinkScanner
{
    /// <summary>The attribute that holds a link on elements that have one.</summary>
    private static string? LinkAttribute(string element) => element switch
    {
        "a" or "link" => "href",
        "img" or "script" or "source" or "iframe" => "src",
        _ => null,
    };

    private static readonly ShouldEmitAttribute Wanted = (ref StructHtmlToken _, ReadOnlyMemory<char> name) =>
        name.Span is "id" or "href" or "src";

    /// <param name="pool">Kept for the whole build (a table per thread): the same URLs and ids (navigation, `#part-1`) recur on thousands of pages.</param>
    /// <param name="writtenBy">Which template text wrote the character at an offset of the page (-1 if none).</param>
    public static ScannedPage Scan(ReadOnlyMemory<char> html, StringPool pool, Func<int, int>? writtenBy = null)
    {
        // One set and list per thread, emptied before each page (a scan that failed may have left some): only the arrays
        // made from them are kept.
        var ids = _ids ??= new HashSet<string>(StringComparer.Ordinal);
        var links = _links ??= [];
        ids.Clear();
        links.Clear();
        var written = writtenBy is null ? null : _written ??= [];
        written?.Clear();
        List<(string, int, int)>? duplicates = null;
        using var tokenizer = new HtmlTokenizer(Source(html), HtmlEntityProvider.Resolver)
        {
            SkipDataText = true, SkipScriptText = true, SkipRawText = true, SkipRCDataText = true, SkipPlaintext = true,
            SkipComments = true, SkipCDATA = true, SkipProcessingInstructions = true, ShouldEmitAttribute = Wanted,
        };
        while (true)
        {
            ref var token = ref tokenizer.GetStructToken();
            if (token.Type == HtmlTokenType.EndOfFile) break;
            if (token.Type != HtmlTokenType.StartTag) continue;
            var name = token.Name.ToString();
            // What a browser's tree builder does (a trailing slash changes nothing): the text of these is not markup.
            if (name == "script") tokenizer.State = HtmlParseMode.Script;
            else if (name is "style" or "xmp" or "iframe" or "noembed" or "noframes") tokenizer.State = HtmlParseMode.Rawtext;
            else if (name is "textarea" or "title") tokenizer.State = HtmlParseMode.RCData;
            var linkAttribute = LinkAttribute(name);
            for (var i = 0; i < token.Attributes.Count; i++)
            {
                var attribute = token.Attributes[i];
                if (attribute.Name == "id")
                {
                    var id = Normalize(pool.Get(attribute.Value));
                    if (id.Length > 0 && !ids.Add(id)) (duplicates ??= []).Add((id, token.Position.Line, token.Position.Column));
                }
                else if (linkAttribute is not null && attribute.Name == linkAttribute)
                {
                    links.Add(new ScannedLink(pool.Get(attribute.Value), token.Position.Line, token.Position.Column));
                    written?.Add(writtenBy!(token.Position.Position - 1)); // the tag's `<`; positions are 1-based
                }
            }
        }
        var sortedIds = ids.ToArray();
        Array.Sort(sortedIds, StringComparer.Ordinal);
        return new ScannedPage(sortedIds, [.. links], duplicates?.ToArray() ?? [], written is null || written.TrueForAll(w => w < 0) ? null : [.. written]);
    }

    /// <summary>
    /// A page in a (pooled) array is read from the array, a little faster than through a memory source (one core, best of
    /// 9: −2.5 %), which is itself ~1.9× as fast as `StringTextSource` (`new TextSource(string)` reads through a
    /// StringBuilder and is slower still).
    /// </summary>
    private static TextSource Source(ReadOnlyMemory<char> html) =>
        MemoryMarshal.TryGetArray(html, out var segment) && segment.Offset == 0
            ? new TextSource(new CharArrayTextSource(segment.Array!, segment.Count))
            : new TextSource(new ReadOnlyMemoryTextSource(html));

    [ThreadStatic] private static HashSet<string>? _ids;
    [ThreadStatic] private static List<ScannedLink>? _links;
    [ThreadStatic] private static List<int>? _written;

    /// <summary>Markdig percent-encodes non-ASCII ids in hrefs; compare decoded and NFC-normalised.</summary>
    public static string Normalize(string s)
    {
        if (s.Contains('%'))
            try { s = Uri.UnescapeDataString(s); } catch (UriFormatException) { }
        return s.IsNormalized(NormalizationForm.FormC) ? s : s.Normalize(NormalizationForm.FormC);
    }
}
