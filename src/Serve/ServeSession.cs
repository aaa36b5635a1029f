using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading.Channels;
using SiteGen.Content;
using SiteGen.Incremental;
using SiteGen.Output;
using SiteGen.Templates;

namespace SiteGen.Serve;

/// <summary>
/// The state of a `serve` run: the last good output (in memory; build/ is never touched), the problems of the last
/// build, and the browsers listening for changes.
/// <para>
/// An edit first gets a preview: when it leaves the site's index as it was (the text of pages, templates), the edited
/// pages and the pages open in a browser are rendered at once from the last good build's index, exactly as a full
/// build renders them, and those browsers reload. Every other page is pending until the full build that follows has
/// caught up with every edit: a request for it waits for that build instead of getting the page as it was.
/// </para>
/// </summary>
public sealed class ServeSession(BuildOptions options, TextWriter log)
{
    private readonly RenderCache _cache = new();
    private readonly SemaphoreSlim _building = new(1, 1);
    private readonly SemaphoreSlim _previewing = new(1, 1);
    private readonly Listeners _listeners = new();
    private readonly object _state = new();
    private string? _problemsEvent;

    // Under _state. Edits are numbered as they are noted; a build knows every edit noted before it started.
    private int _edits, _builtFrom;
    /// <summary>What the last good build loaded, from which previews follow the edits.</summary>
    private SiteBuilder.LoadedSite? _loaded;
    /// <summary>Files changed since <see cref="_loaded"/> was loaded, with the number of the edit that last changed each.</summary>
    private readonly Dictionary<string, int> _changed = new(StringComparer.Ordinal);
    private OutputTree? _preview;
    /// <summary>The copy of a good build that previews edit (see <see cref="SiteBuilder.PreviewSite"/>), with the build it copies.</summary>
    private (SiteBuilder.LoadedSite Of, SiteBuilder.PreviewSite Site)? _previewSite;
    /// <summary>Set while some page may be out of date: done when a build has caught up with every edit.</summary>
    private TaskCompletionSource? _due;
    /// <summary>Done, and replaced, each time a preview is served: a request waiting for its page may find it there.</summary>
    private TaskCompletionSource _previewed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource? _running;

    public string Root => options.Root;
    /// <summary>The output of the last good full build.</summary>
    public OutputTree Current { get; private set; } = new();
    public int Version { get; private set; }

    /// <summary>The watcher saw these files change: a preview of the pages the author is looking at, then the full build.</summary>
    public async Task ChangedAsync(IReadOnlyCollection<string> changed)
    {
        var reason = $"Changed {string.Join(", ", changed.Take(3))}{(changed.Count > 3 ? ", …" : "")}";
        var edit = Note(changed);
        await PreviewAsync(edit, reason);
        if (await BuildAsync(edit, reason) is { Succeeded: true }) await PrepareAsync();
    }

    /// <summary>From now on, every page not previewed waits for a build that knows this edit; a build running is out of date.</summary>
    /// <returns>the edit's number.</returns>
    public int Note(IReadOnlyCollection<string> changed)
    {
        lock (_state)
        {
            var edit = ++_edits;
            foreach (var path in changed) _changed[path] = edit;
            _preview = null; // it may show what this edit changed
            _due ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _running?.Cancel();
            return edit;
        }
    }

    /// <summary>
    /// Renders the edited pages and the pages open in a browser, if every edit since the last good build left the index as
    /// it was, and serves them at once; reloads the browsers whose page changed.
    /// </summary>
    public async Task PreviewAsync(int edit, string reason)
    {
        await _previewing.WaitAsync();
        try
        {
            SiteBuilder.LoadedSite? loaded;
            OutputTree built;
            string[] changed;
            lock (_state)
            {
                if (edit != _edits || _loaded is null) return;
                (loaded, built, changed) = (_loaded, Current, _changed.Keys.ToArray());
            }
            var clock = Stopwatch.StartNew();
            var builder = new SiteBuilder(options);
            var site = PreviewSite(builder, loaded);
            if (builder.Edited(site, changed) is not { } edited) return;
            var groups = GroupsShown(edited.Index, changed, _listeners.Pages());
            if (groups.Count == 0 || builder.RenderGroups(site, edited, groups) is not { } preview) return;
            // The content's images and files are as the last good build wrote them (an edit to one gets no preview).
            foreach (var asset in edited.Index.Assets)
                if (built.Contains(asset.OutputPath)) preview.Add(asset.OutputPath, built.Bytes(asset.OutputPath));
            var reload = new List<Listeners.Listener>();
            lock (_state)
            {
                if (edit != _edits || _due is null) return; // a newer edit, or a build already caught up
                _preview = preview;
                _previewed.SetResult();
                _previewed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                foreach (var listener in _listeners.All())
                {
                    if (listener.Page is not { } page || !preview.Contains(page)) continue;
                    var now = Fingerprint(preview.Bytes(page));
                    if (listener.Shown == now) continue;
                    listener.Shown = now;
                    reload.Add(listener);
                }
            }
            log.WriteLine($"{reason}: {groups.Count} translation group(s) shown in {clock.ElapsedMilliseconds} ms; the other pages wait for the full build");
            foreach (var listener in reload) listener.Send(ReloadEvent);
        }
        finally
        {
            _previewing.Release();
        }
    }

    /// <summary>The preview's copy of the last good build, made when there is a newer build. Under <see cref="_previewing"/>.</summary>
    private SiteBuilder.PreviewSite PreviewSite(SiteBuilder builder, SiteBuilder.LoadedSite loaded)
    {
        if (!ReferenceEquals(_previewSite?.Of, loaded)) _previewSite = (loaded, builder.Preview(loaded));
        return _previewSite.Value.Site;
    }

    /// <summary>Makes the preview's copy of a new good build while nothing is edited, so that the next edit's preview need not.</summary>
    public async Task PrepareAsync()
    {
        await _previewing.WaitAsync();
        try
        {
            SiteBuilder.LoadedSite? loaded;
            lock (_state) loaded = _loaded;
            if (loaded is not null) PreviewSite(new SiteBuilder(options), loaded);
        }
        finally
        {
            _previewing.Release();
        }
    }

    /// <summary>The translation groups of the edited pages and of the pages open in a browser (a page or its side-by-side view).</summary>
    private static HashSet<string> GroupsShown(SiteIndex index, IReadOnlyCollection<string> changed, HashSet<string> viewed)
    {
        var edited = changed.ToHashSet(StringComparer.Ordinal);
        return index.Pages
            .Where(p => edited.Contains(p.SourcePath) || viewed.Contains(p.OutputPath) || viewed.Contains(PageModelBuilder.BilingualUrl(p) + "index.html"))
            .Select(p => p.TranslationKey).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The output to answer a request for <paramref name="path"/> from: the preview when it has that file (or the folder
    /// `path/` that a request without the slash is redirected to), as soon as it is served, otherwise the last good build
    /// once it has caught up with every edit (never a page older than an edit the watcher reported).
    /// </summary>
    public async Task<OutputTree> OutputFor(string path, CancellationToken abort)
    {
        while (true)
        {
            Task changed;
            lock (_state)
            {
                if (_due is null) return Current;
                if (_preview is { } preview && (preview.Contains(path) || preview.Contains(path + "/index.html"))) return preview;
                changed = Task.WhenAny(_due.Task, _previewed.Task);
            }
            await changed.WaitAsync(abort);
        }
    }

    /// <summary>A full build, whatever changed (the first one, tests); on success the new output replaces the old and browsers reload, else they show the problems.</summary>
    public async Task<BuildResult> RebuildAsync(string reason) => (await BuildAsync(null, reason))!;

    /// <param name="edit">The edit this build is for: none is skipped when a build started since then has finished, and it is dropped when a newer edit comes. Null for a build that is neither.</param>
    /// <returns>null when skipped or dropped.</returns>
    private async Task<BuildResult?> BuildAsync(int? edit, string reason)
    {
        await _building.WaitAsync();
        try
        {
            int startedAt;
            using var running = new CancellationTokenSource();
            lock (_state)
            {
                if (edit <= _builtFrom) return null;
                startedAt = _edits;
                if (edit is not null) _running = running;
            }
            var clock = Stopwatch.StartNew();
            BuildResult result;
            try
            {
                result = new SiteBuilder(options with { OutputDir = null, Cache = _cache, Cancel = running.Token }).Build();
            }
            catch (OperationCanceledException) when (running.IsCancellationRequested)
            {
                _cache.Discard();
                log.WriteLine($"{reason}: build dropped for a newer edit");
                return null;
            }
            finally
            {
                lock (_state) _running = null;
            }
            foreach (var d in result.Diagnostics) log.WriteLine(d);
            Finish(result, startedAt, reason, clock.ElapsedMilliseconds);
            return result;
        }
        finally
        {
            _building.Release();
        }
    }

    /// <summary>Serves a good build's output; when it knows every edit, pending requests get their pages and browsers reload or show the problems.</summary>
    private void Finish(BuildResult result, int startedAt, string reason, long ms)
    {
        var reload = new List<Listeners.Listener>();
        bool caughtUp;
        lock (_state)
        {
            _builtFrom = startedAt;
            caughtUp = _edits == startedAt;
            if (result.Succeeded)
            {
                _cache.Commit();
                Current = result.Output;
                Version++;
                _loaded = result.Site;
                foreach (var (path, edit) in _changed.ToList())
                    if (edit <= startedAt) _changed.Remove(path);
                _problemsEvent = null;
            }
            else _cache.Discard();
            if (caughtUp)
            {
                _preview = null;
                _due?.SetResult();
                _due = null;
                // A page already showing these very bytes (unchanged, or reloaded by a preview) is not reloaded again.
                if (result.Succeeded)
                    foreach (var listener in _listeners.All())
                    {
                        var now = ServedFingerprint(Current, listener.Page);
                        if (listener.Shown is not null && listener.Shown == now) continue;
                        listener.Shown = now;
                        reload.Add(listener);
                    }
            }
        }
        if (result.Succeeded)
        {
            log.WriteLine($"{reason}: rebuilt in {ms} ms ({_cache.Rendered} pages rendered, {_cache.Reused} reused, {result.LinksChecked} links checked)");
            foreach (var listener in reload) listener.Send(ReloadEvent);
            return;
        }
        var problems = result.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()).ToList();
        log.WriteLine($"{reason}: {problems.Count} problem(s); still serving the last good build");
        // A build that a newer edit has made out of date: the next one reports what is still wrong.
        if (!caughtUp) return;
        _problemsEvent = $"event: problems\ndata: {JsonSerializer.Serialize(problems, ProblemsJson.Default.ListString)}\n\n";
        foreach (var listener in _listeners.All()) listener.Send(_problemsEvent);
    }

    private string ReloadEvent => $"event: reload\ndata: {Version}\n\n";

    /// <summary>
    /// A browser connecting gets the current problems at once, and a reload when its page was served before a build or
    /// preview it has not seen (it loaded just before a save, or reconnected after one); then every later event.
    /// </summary>
    /// <param name="page">The output file it shows, when its script said.</param>
    /// <param name="shown">The <see cref="Fingerprint"/> of the bytes it was served, when its script said; otherwise those it would be served now.</param>
    public ChannelReader<string> Subscribe(string? page = null, string? shown = null)
    {
        lock (_state)
        {
            // What a request for the page gets now without waiting; unknown while it waits for a build.
            var now = page is not null && _preview?.Contains(page) == true ? Fingerprint(_preview.Bytes(page))
                : _due is null ? ServedFingerprint(Current, page) : null;
            var listener = _listeners.Add(page, shown ?? now);
            if (_problemsEvent is not null) listener.Send(_problemsEvent);
            else if (shown is not null && now is not null && shown != now) listener.Send(ReloadEvent);
            return listener.Reader;
        }
    }

    /// <summary>A short, stable name for a page's bytes: what a page's script says it shows.</summary>
    public static string Fingerprint(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes), 0, 12);

    /// <summary>The fingerprint of what a request for <paramref name="page"/> gets from <paramref name="tree"/>: the page, or the 404 page.</summary>
    private static string? ServedFingerprint(OutputTree tree, string? page) =>
        page is null ? null
        : tree.Contains(page) ? Fingerprint(tree.Bytes(page))
        : tree.Contains("404.html") ? Fingerprint(tree.Bytes("404.html")) : null;

    public void Unsubscribe(ChannelReader<string> reader) => _listeners.Remove(reader);
}

/// <summary>The problems event's JSON, made without reflection (the release build is compiled ahead of time).</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(List<string>))]
internal sealed partial class ProblemsJson : System.Text.Json.Serialization.JsonSerializerContext;
