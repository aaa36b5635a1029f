namespace SiteGen.Serve;

/// <summary>`serve --base-path`: the sub-path the preview is served under, as a sub-path host would.</summary>
public static class BasePath
{
    /// <summary>
    /// `/`, or `/seg/…/` of segments made of letters, digits and `-._~` (never `.` or `..`): the path is written into
    /// every page's live-reload script and compared with request paths, so nothing else is accepted.
    /// </summary>
    /// <returns>The path with one leading and one trailing slash, or null with the reason.</returns>
    public static string? Normalize(string raw, out string? problem)
    {
        problem = null;
        var trimmed = raw.Trim('/');
        if (trimmed.Length == 0) return "/";
        foreach (var segment in trimmed.Split('/'))
        {
            if (segment.Length > 0 && segment is not ("." or "..") && segment.AsSpan().IndexOfAnyExcept(Safe) < 0) continue;
            problem = $"--base-path '{raw}' must be URL path segments of letters, digits, '-', '.', '_' or '~' (such as /companion/), " +
                (segment.Length == 0 ? "not an empty segment" : $"not '{segment}'");
            return null;
        }
        return "/" + trimmed + "/";
    }

    private static readonly System.Buffers.SearchValues<char> Safe =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~");
}
