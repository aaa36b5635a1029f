namespace SiteGen.Serve;

/// <summary>
/// The preview answers only requests addressed to this machine by name or loopback address. A page on another site
/// can point its own host name at 127.0.0.1 (DNS rebinding) and read the preview as same-origin; its requests still
/// carry that name in `Host`, so they are refused.
/// </summary>
public static class LocalHost
{
    /// <summary>`localhost`, `127.0.0.1` or `[::1]`, each with or without a port.</summary>
    public static bool IsAllowed(string? host)
    {
        if (string.IsNullOrEmpty(host)) return false;
        var end = host.StartsWith('[') ? host.IndexOf(']') + 1 : host.LastIndexOf(':') is var colon and >= 0 ? colon : host.Length;
        if (end <= 0) return false;
        var port = host.AsSpan(end);
        if (!port.IsEmpty && !(port.Length > 1 && port[0] == ':' && port[1..].IndexOfAnyExceptInRange('0', '9') < 0)) return false;
        return host.AsSpan(0, end) is var name
            && (name.Equals("localhost", StringComparison.OrdinalIgnoreCase) || name is "127.0.0.1" or "[::1]");
    }

    public static string Refusal(string? host) =>
        $"SiteGen serve answers only requests for localhost, 127.0.0.1 or [::1], not '{host}': open the address it printed.\n";
}
