using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using SiteGen.Incremental;
using SiteGen.Output;

namespace SiteGen.Serve;

/// <summary>
/// The state of a `serve` run: the last good output (in memory; build/ is never touched), the problems of the last
/// build, and the browsers listening for changes.
/// </summary>
public sealed class ServeSession(BuildOptions options, TextWriter log)
{
    private readonly RenderCache _cache = new();
    private readonly SemaphoreSlim _building = new(1, 1);
    private readonly List<Channel<string>> _listeners = new();
    private string? _problemsEvent;

    public string Root => options.Root;
    public OutputTree Current { get; private set; } = new();
    public int Version { get; private set; }

    /// <summary>Builds; on success the new output replaces the old and browsers reload, else they show the problems.</summary>
    public async Task<BuildResult> RebuildAsync(string reason)
    {
        await _building.WaitAsync();
        try
        {
            var clock = Stopwatch.StartNew();
            var result = new SiteBuilder(options with { OutputDir = null, Cache = _cache }).Build();
            foreach (var d in result.Diagnostics) log.WriteLine(d);
            if (result.Succeeded)
            {
                _cache.Commit();
                Current = result.Output;
                Version++;
                _problemsEvent = null;
                log.WriteLine($"{reason}: rebuilt in {clock.ElapsedMilliseconds} ms ({_cache.Rendered} pages rendered, {_cache.Reused} reused, {result.LinksChecked} links checked)");
                Broadcast($"event: reload\ndata: {Version}\n\n");
            }
            else
            {
                _cache.Discard();
                var problems = result.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()).ToList();
                _problemsEvent = $"event: problems\ndata: {JsonSerializer.Serialize(problems, ProblemsJson.Default.ListString)}\n\n";
                log.WriteLine($"{reason}: {problems.Count} problem(s); still serving the last good build");
                Broadcast(_problemsEvent);
            }
            return result;
        }
        finally
        {
            _building.Release();
        }
    }

    /// <summary>A browser connecting gets the current problems at once, then every later event.</summary>
    public ChannelReader<string> Subscribe()
    {
        var channel = Channel.CreateUnbounded<string>();
        lock (_listeners)
        {
            _listeners.Add(channel);
            if (_problemsEvent is not null) channel.Writer.TryWrite(_problemsEvent);
        }
        return channel.Reader;
    }

    public void Unsubscribe(ChannelReader<string> reader)
    {
        lock (_listeners) _listeners.RemoveAll(c => c.Reader == reader);
    }

    private void Broadcast(string message)
    {
        lock (_listeners)
            foreach (var c in _listeners) c.Writer.TryWrite(message);
    }
}

/// <summary>The problems event's JSON, made without reflection (the release build is compiled ahead of time).</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(List<string>))]
internal sealed partial class ProblemsJson : System.Text.Json.Serialization.JsonSerializerContext;
