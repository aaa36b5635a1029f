namespace SiteGen.Serve;

/// <summary>
/// The script `serve` adds to every HTML page it sends (never to build output): it listens for rebuilds over
/// Server-Sent Events, reloads the page keeping its scroll position, and shows build problems as an overlay.
/// </summary>
public static class LiveReload
{
    public const string EventsPath = "__sitegen/events";

    public static string Script(string basePath, string shown) => $$"""
        <script>/* SiteGen serve: live reload */(() => {
          const key = 'sitegen-scroll:' + location.pathname;
          const y = sessionStorage.getItem(key);
          if (y !== null) { sessionStorage.removeItem(key); addEventListener('load', () => scrollTo(0, Number(y))); }
          const events = new EventSource({{JsonString(basePath + EventsPath)}} + '?page=' + encodeURIComponent(location.pathname) + '&shown={{shown}}');
          events.addEventListener('reload', () => { sessionStorage.setItem(key, String(scrollY)); location.reload(); });
          events.addEventListener('problems', e => {
            let o = document.getElementById('sitegen-overlay');
            if (!o) {
              o = document.createElement('pre');
              o.id = 'sitegen-overlay';
              o.style.cssText = 'position:fixed;left:0;right:0;bottom:0;max-height:50vh;overflow:auto;margin:0;padding:1em;background:#3b0a0a;color:#ffe4e4;font:13px/1.5 monospace;white-space:pre-wrap;z-index:2147483647';
              document.body.appendChild(o);
            }
            o.textContent = 'SiteGen: the last edit has problems; the last good build is shown.\n\n' + JSON.parse(e.data).join('\n');
          });
        })();</script>
        """;

    /// <summary>A JSON string, with `&lt;`, `&gt;`, `&amp;` and quotes escaped so it cannot end the script element.</summary>
    private static string JsonString(string value) => "\"" + System.Text.Json.JsonEncodedText.Encode(value) + "\"";

    /// <summary>Puts the script before `&lt;/body&gt;` (or at the end when there is none).</summary>
    /// <param name="shown">The page's <see cref="ServeSession.Fingerprint"/> (hex digits), which the script sends back when it connects.</param>
    public static string Inject(string html, string basePath, string shown)
    {
        var at = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return at < 0 ? html + Script(basePath, shown) : html[..at] + Script(basePath, shown) + html[at..];
    }
}
