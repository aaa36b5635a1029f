using SiteGen.Diagnostics;

namespace SiteGen.Content;

/// <summary>
/// Where a page's Markdown body is, for a page read from a file: the body is read again when the page renders instead
/// of being held from loading until then. <paramref name="Hash"/> is of the file's bytes as loaded, so a file edited
/// during the build is reported instead of rendered with front matter and body from two different versions.
/// <paramref name="ByteStart"/> is where the body starts in those bytes, or -1 when loading changed the text (CRLF line
/// ends) and the body can only be found by reading the file as at loading.
/// </summary>
/// <param name="Site">Reads the file again with the same checks as the first time (links, size).</param>
public sealed record BodySource(SiteFiles Site, string FullPath, string DisplayPath, int Hash, int ByteStart)
{
    /// <param name="text">The text loaded from <paramref name="bytes"/> (see <see cref="TextFile"/>), whose body starts at <paramref name="bodyStart"/>.</param>
    public static BodySource Of(SiteFiles site, string fullPath, string displayPath, byte[] bytes, string text, int bodyStart)
    {
        // Loading drops a BOM and turns CRLF and CR into LF; without a CR, a character offset maps back to a byte offset.
        var byteStart = bytes.AsSpan().IndexOf((byte)'\r') < 0
            ? (bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0) + TextFile.Strict.GetByteCount(text.AsSpan(0, bodyStart))
            : -1;
        return new BodySource(site, fullPath, displayPath, HashOf(bytes), byteStart);
    }

    /// <summary>A hash of the bytes, for this process only (<see cref="HashCode"/> is seeded per process).</summary>
    private static int HashOf(ReadOnlySpan<byte> bytes)
    {
        var hash = new HashCode();
        hash.AddBytes(bytes);
        return hash.ToHashCode();
    }

    /// <returns>the body, read and split exactly as at loading; null with the problem in <paramref name="problem"/>.</returns>
    public string? Read(out string? problem)
    {
        var problems = new DiagnosticBag();
        if (Site.Read(FullPath, DisplayPath, SiteFiles.Text, problems) is not { } bytes)
        {
            problem = $"cannot be read any more: {problems.Sorted()[0].Message}";
            return null;
        }
        if (HashOf(bytes) != Hash)
        {
            problem = "changed while the site was being built";
            return null;
        }
        // The same bytes that loaded without a problem a moment ago: decoding and splitting them cannot fail now.
        problem = null;
        if (ByteStart >= 0) return TextFile.Strict.GetString(bytes, ByteStart, bytes.Length - ByteStart);
        var unused = new DiagnosticBag();
        return TextFile.Decode(bytes, FullPath, unused) is { } text && FrontMatterSplitter.Split(text, FullPath, unused) is { } parts
            ? parts.Body
            : "";
    }
}
