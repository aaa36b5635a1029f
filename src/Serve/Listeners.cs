using System.Threading.Channels;

namespace SiteGen.Serve;

/// <summary>
/// The open pages listening for live-reload events, each with the output file it shows and a fingerprint of the bytes it
/// was served (when its script said), so an edit's preview reloads the pages it changed at once, the full build reloads
/// the rest, and a page whose bytes did not change is not reloaded, however often its browser reconnects.
/// </summary>
public sealed class Listeners
{
    private readonly List<Listener> _all = new();

    /// <param name="Page">The output file the page shows (`en/notes/a/index.html`), or null when not known.</param>
    public sealed class Listener(Channel<string> channel, string? page)
    {
        public ChannelReader<string> Reader => channel.Reader;
        public string? Page => page;
        /// <summary>
        /// <see cref="ServeSession.Fingerprint"/> of the bytes the page shows: as its script said when it was served, then
        /// those of the preview it was last reloaded with. Null when not known: any new build reloads it.
        /// </summary>
        public string? Shown { get; set; }
        public void Send(string message) => channel.Writer.TryWrite(message);
    }

    public Listener Add(string? page, string? shown)
    {
        var listener = new Listener(Channel.CreateUnbounded<string>(), page) { Shown = shown };
        lock (_all)
        {
            _all.Add(listener);
        }
        return listener;
    }

    public void Remove(ChannelReader<string> reader)
    {
        lock (_all) _all.RemoveAll(l => l.Reader == reader);
    }

    /// <summary>A copy, to send to or choose from without holding the list.</summary>
    public List<Listener> All()
    {
        lock (_all) return _all.ToList();
    }

    /// <summary>The output files the open pages show.</summary>
    public HashSet<string> Pages() => All().Select(l => l.Page).OfType<string>().ToHashSet(StringComparer.Ordinal);
}
