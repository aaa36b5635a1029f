using SiteGen.Diagnostics;

namespace SiteGen.Content;

/// <summary>
/// Where a page's Markdown body is, for a page read from a file: the body is read again when the page renders instead
/// of being held from loading until then. <paramref name="Hash"/> is of the file's bytes as loaded, so a file edited
/// during the build is reported instead of rendered with front matter and body from two different versions.
/// </summary>
public sealed record BodySource(string FullPath, int Hash)
{
    /// <summary>A hash of the bytes, for this process only (<see cref="HashCode"/> is seeded per process).</summary>
    public static int HashOf(ReadOnlySpan<byte> bytes)
    {
        var hash = new HashCode();
        hash.AddBytes(bytes);
        return hash.ToHashCode();
    }

    /// <returns>the body, read and split exactly as at loading; null with the problem in <paramref name="problem"/>.</returns>
    public string? Read(out string? problem)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(FullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = $"cannot be read any more: {e.Message}";
            return null;
        }
        if (HashOf(bytes) != Hash)
        {
            problem = "changed while the site was being built";
            return null;
        }
        // The same bytes that loaded without a problem a moment ago: decoding and splitting them cannot fail now.
        var unused = new DiagnosticBag();
        problem = null;
        return TextFile.Decode(bytes, FullPath, unused) is { } text && FrontMatterSplitter.Split(text, FullPath, unused) is { } parts
            ? parts.Body
            : "";
    }
}
