using System.Threading.Channels;

namespace SiteGen.Serve;

/// <summary>
/// The open pages listening for live-reload events, each with the output file it shows (when its script said), so an
/// edit's preview reloads the pages it changed at once and the full build reloads the rest.
/// </summary>
public sealed class Listeners
{
    private readonly List<Listener> _all = new();

    /// <param name="Page">The output file the page shows (`en/notes/a/index.html`), or null when not known.</param>
    public sealed class Listener(Channel<string> channel, string? page)
    {
        public ChannelReader<string> Reader => channel.Reader;
        public string? Page => page;
        /// <summary>The page's bytes a preview reloaded it with, since the last full build.</summary>
        public byte[]? Previewed { get; set; }
        public void Send(string message) => channel.Writer.TryWrite(message);
    }

    public Listener Add(string? page, string? firstMessage)
    {
        var listener = new Listener(Channel.CreateUnbounded<string>(), page);
        lock (_all)
        {
            _all.Add(listener);
            if (firstMessage is not null) listener.Send(firstMessage);
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
