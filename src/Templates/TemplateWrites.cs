namespace SiteGen.Templates;

/// <summary>
/// Where a template's own text went in one output: for each piece of a template's literal text that holds a `&lt;`
/// (where every tag of the output starts: values a template writes are escaped), its offset in the output and in the
/// template. The link check reads it to blame a broken link on the template line that wrote its tag. One per
/// <see cref="TemplateOutput"/>; complete once its render has returned, and never changed after, so an output that
/// includes another's text (a layout a partial's, the base layout the layout's) points at its writes instead of
/// copying them.
/// </summary>
public sealed class TemplateWrites
{
    /// <summary>
    /// <paramref name="Length"/> characters written at <paramref name="At"/>: copied from <paramref name="Text"/> (the
    /// template's whole source) at <paramref name="TextOffset"/>, or, with <paramref name="Included"/>, another output
    /// whose writes those are.
    /// </summary>
    private readonly record struct Write(int At, int Length, string? File, string? Text, int TextOffset, TemplateWrites? Included);

    private readonly List<Write> _writes;

    /// <param name="capacity">How many writes to make room for at first.</param>
    public TemplateWrites(int capacity = 0) => _writes = new(capacity);

    public bool IsEmpty => _writes.Count == 0;

    /// <summary>How many writes it holds, an included output's counting as one.</summary>
    public int Count => _writes.Count;

    /// <summary>A template's literal text, about to be appended at <paramref name="at"/>.</summary>
    public void Literal(int at, string file, string text, int offset, int count)
    {
        if (text.AsSpan(offset, count).Contains('<')) _writes.Add(new Write(at, count, file, text, offset, null));
    }

    /// <summary>Another output's text (a partial's, a layout's), <paramref name="length"/> characters about to be appended at <paramref name="at"/>, with its writes.</summary>
    public void Include(int at, int length, TemplateWrites writes)
    {
        if (!writes.IsEmpty) _writes.Add(new Write(at, length, null, null, 0, writes));
    }

    /// <summary>The template and offset in it of the output character at <paramref name="offset"/>, if a template's literal text wrote it.</summary>
    public (string File, string Text, int TextOffset)? Find(int offset)
    {
        int lo = 0, hi = _writes.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_writes[mid].At <= offset) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        if (found < 0) return null;
        var w = _writes[found];
        if (offset >= w.At + w.Length) return null;
        return w.Included is { } included ? included.Find(offset - w.At) : (w.File!, w.Text!, w.TextOffset + offset - w.At);
    }
}

/// <summary>What one template wrote, and where its own text went in it.</summary>
public sealed record RenderedTemplate(string Html, TemplateWrites Writes);
