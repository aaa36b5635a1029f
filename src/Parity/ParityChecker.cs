using System.Collections;
using SiteGen.Content;
using SiteGen.Diagnostics;
using SiteGen.Markdown;

namespace SiteGen.Parity;

/// <summary>
/// Compares every page in the source language with each of its translations: numbers, structure, links, front-matter
/// lists and staleness. Findings are warnings, or errors with `--strict`; each names both files and lines.
/// </summary>
/// <param name="headingIds">A page's heading ids in order, parsed for it if its group has not been rendered yet.</param>
public sealed class ParityChecker(SiteIndex index, DiagnosticBag bag, bool strict, Func<Page, IReadOnlyList<string>> headingIds)
{
    /// <summary>Each page by translation key and language: where a link of that language lands.</summary>
    private readonly Dictionary<(string Key, string Lang), Page> _byKey = ByKey(index);

    private static Dictionary<(string, string), Page> ByKey(SiteIndex index)
    {
        var byKey = new Dictionary<(string, string), Page>();
        foreach (var page in index.Pages) byKey.TryAdd((page.TranslationKey, page.Language.Key), page); // a clash is reported by the index
        return byKey;
    }

    /// <summary>One source page against each of its translations, all rendered in its <paramref name="group"/>; thread-safe across groups.</summary>
    public void Check(RenderedPage page, IReadOnlyList<RenderedPage> group)
    {
        if (page.Page.Language != index.Config.Default || page.Document is null) return;
        foreach (var translation in index.Translations(page.Page).Values)
            if (InGroup(group, translation) is { Document: not null } rendered) CheckPair(page, rendered);
    }

    private static RenderedPage? InGroup(IReadOnlyList<RenderedPage> group, Page page)
    {
        foreach (var rendered in group)
            if (rendered.Page == page) return rendered;
        return null;
    }

    private void CheckPair(RenderedPage sourcePage, RenderedPage translationPage)
    {
        var (source, translation) = (sourcePage.Page, translationPage.Page);
        var a = BlockOutline.Of(source, sourcePage.Body!, sourcePage.Document!);
        var b = BlockOutline.Of(translation, translationPage.Body!, translationPage.Document!);
        var aligned = StructureMatches(source, a, translation, b);
        if (aligned)
            for (var i = 0; i < a.Count; i++) CompareNumbers(source, a[i].Line, a[i].Text, translation, b[i].Line, b[i].Text);
        else
            CompareNumbers(source, source.BodyFirstLine, string.Concat(a.Select(x => x.Text + " ")), translation, translation.BodyFirstLine, string.Concat(b.Select(x => x.Text + " ")));
        CompareLinks(source, sourcePage.Links.ToPages, a, translation, translationPage.Links.ToPages, b, aligned);
        CompareData(source, translation);
        CheckStaleness(source, a, translation);
    }

    private bool StructureMatches(Page source, List<OutlineBlock> a, Page translation, List<OutlineBlock> b)
    {
        for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
        {
            if (a[i].Kind == b[i].Kind && a[i].Items == b[i].Items) continue;
            Report(translation, b[i].Line, $"structure differs from {source.SourcePath}:{a[i].Line}: {a[i].Describe()} there, {b[i].Describe()} here");
            return false;
        }
        if (a.Count == b.Count) return true;
        var (side, extra) = a.Count > b.Count ? (source, a[b.Count]) : (translation, b[a.Count]);
        var at = b.Count > a.Count ? b[a.Count].Line : b.Count > 0 ? b[^1].Line : translation.BodyFirstLine;
        Report(translation, at, $"structure differs from {source.SourcePath}: {a.Count} blocks there, {b.Count} here; {side.SourcePath}:{extra.Line} ({extra.Describe()}) has no counterpart");
        return false;
    }

    private void CompareNumbers(Page source, int sourceLine, string sourceText, Page translation, int line, string text)
    {
        var there = NumberExtractor.Extract(sourceText);
        var here = NumberExtractor.Extract(text);
        if (there.SequenceEqual(here)) return; // the usual case: the same numbers in the same order
        var onlyThere = MultisetMinus(there, here);
        var onlyHere = MultisetMinus(here, there);
        if (onlyThere.Count == 0 && onlyHere.Count == 0) return;
        var parts = new List<string>();
        if (onlyThere.Count > 0) parts.Add($"only there: {Format(onlyThere)}");
        if (onlyHere.Count > 0) parts.Add($"only here: {Format(onlyHere)}");
        Report(translation, line, $"numbers differ from {source.SourcePath}:{sourceLine} ({string.Join("; ", parts)})");
    }

    /// <summary>
    /// Links to the same pages and headings, in any order. A `#fragment` is compared by the heading it reaches (its place
    /// in the target page's outline), since auto ids come from each language's own heading text; the same id on both
    /// sides is the same target. Each finding is at the link's line, and names the line of the other side's block.
    /// </summary>
    private void CompareLinks(Page source, IReadOnlyList<PageLink> sourceLinks, List<OutlineBlock> a, Page translation, IReadOnlyList<PageLink> translationLinks,
        List<OutlineBlock> b, bool aligned)
    {
        if (SameLinks(sourceLinks, translationLinks)) return; // the usual case, as with numbers
        var there = sourceLinks.Select(l => Target(source, l)).ToList();
        var here = translationLinks.Select(l => Target(translation, l)).ToList();
        foreach (var missing in MultisetMinus(there, here).Distinct())
        {
            var link = sourceLinks[there.IndexOf(missing)];
            Report(translation, Counterpart(link.At.Line, a, b, aligned, translation.BodyFirstLine),
                $"{source.SourcePath}:{link.At.Line} links to {Describe(link)}, this page does not");
        }
        foreach (var extra in MultisetMinus(here, there).Distinct())
        {
            var link = translationLinks[here.IndexOf(extra)];
            Report(translation, link.At.Line, $"links to {Describe(link)}, {source.SourcePath}:{Counterpart(link.At.Line, b, a, aligned, source.BodyFirstLine)} does not",
                column: link.At.Column);
        }
    }

    /// <summary>What a link reaches: the target page, and the heading by its place when the fragment names one.</summary>
    private (string Key, string Anchor) Target(Page from, PageLink link)
    {
        if (link.Fragment.Length == 0) return (link.TargetKey, "");
        var fragment = Nfc(link.Fragment);
        if (_byKey.GetValueOrDefault((link.TargetKey, from.Language.Key)) is { } target)
        {
            var ids = headingIds(target);
            for (var i = 0; i < ids.Count; i++)
                if (ids[i].Length > 0 && Nfc(ids[i]) == fragment) return (link.TargetKey, $"heading {i + 1}");
        }
        return (link.TargetKey, "#" + fragment); // not a heading (a footnote, an element's own id): compared as written
    }

    private static string Nfc(string s) => s.IsNormalized(System.Text.NormalizationForm.FormC) ? s : s.Normalize(System.Text.NormalizationForm.FormC);

    /// <summary>The line of the block, on the other side, at the place of the block that holds <paramref name="line"/>.</summary>
    private static int Counterpart(int line, List<OutlineBlock> from, List<OutlineBlock> to, bool aligned, int fallback)
    {
        var i = from.FindLastIndex(block => block.Line <= line);
        return aligned && i >= 0 && i < to.Count ? to[i].Line : fallback;
    }

    /// <summary>The same targets in the same order. A loop: comparing (key, fragment) tuples is generic code the JIT and ReadyToRun builds compile when they run.</summary>
    private static bool SameLinks(IReadOnlyList<PageLink> a, IReadOnlyList<PageLink> b)
    {
        if (a.Count != b.Count) return false;
        for (var i = 0; i < a.Count; i++)
            if (a[i].TargetKey != b[i].TargetKey || a[i].Fragment != b[i].Fragment) return false;
        return true;
    }

    private void CompareData(Page source, Page translation) =>
        CompareData(source.Meta.Data, translation.Meta.Data, "data", source, translation);

    private void CompareData(object? a, object? b, string path, Page source, Page translation)
    {
        switch (a, b)
        {
            case (IDictionary da, IDictionary db):
                foreach (DictionaryEntry e in da)
                    if (db.Contains(e.Key)) CompareData(e.Value, db[e.Key], $"{path}.{e.Key}", source, translation);
                break;
            case (IList la, IList lb):
                if (la.Count != lb.Count)
                    Report(translation, translation.At("data").Line, $"{path} has {la.Count} entries in {source.SourcePath}:{source.At("data").Line}, {lb.Count} here");
                for (var i = 0; i < Math.Min(la.Count, lb.Count); i++) CompareData(la[i], lb[i], $"{path}[{i}]", source, translation);
                break;
            case (string sa, string sb):
                var there = NumberExtractor.Extract(sa);
                var here = NumberExtractor.Extract(sb);
                if (MultisetMinus(there, here).Count + MultisetMinus(here, there).Count > 0)
                    Report(translation, translation.At("data").Line, $"numbers in {path} differ from {source.SourcePath}:{source.At("data").Line} ({Format(there)} there, {Format(here)} here)");
                break;
        }
    }

    private void CheckStaleness(Page source, List<OutlineBlock> sourceBlocks, Page translation)
    {
        if (translation.Meta.TranslatedFrom is not { } recorded) return;
        var known = recorded.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        var current = sourceBlocks.Select(b => b.Hash).ToList();
        if (current.SequenceEqual(recorded.Split(' ', StringSplitOptions.RemoveEmptyEntries))) return;
        var changed = sourceBlocks.Where(b => !known.Contains(b.Hash)).Select(b => b.Line).ToList();
        var where = changed.Count > 0 ? $"changed: {source.SourcePath} lines {string.Join(", ", changed)}" : $"blocks of {source.SourcePath} were removed or reordered";
        Report(translation, translation.At("translated_from").Line,
            $"translation is stale: {source.SourcePath} changed since it was translated ({where})",
            $"update the translation, then run `SiteGen translated {translation.SourcePath}`");
    }

    private void Report(Page translation, int line, string message, string? hint = null, int column = 1)
    {
        var at = new SourceLocation(translation.SourcePath, line, column);
        if (strict) bag.Error(at, "translation drift: " + message, hint);
        else bag.Warning(at, "translation drift: " + message, hint);
    }

    private static string Describe(PageLink link) =>
        link.Fragment.Length == 0 ? $"'{link.TargetKey}'" : $"'{link.TargetKey}#{link.Fragment}'";

    private static List<T> MultisetMinus<T>(List<T> a, List<T> b) where T : notnull
    {
        var counts = b.GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());
        var result = new List<T>();
        foreach (var x in a)
        {
            if (counts.TryGetValue(x, out var n) && n > 0) counts[x] = n - 1;
            else result.Add(x);
        }
        return result;
    }

    private static string Format(List<decimal> numbers) =>
        numbers.Count == 0 ? "none" : string.Join(", ", numbers.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
