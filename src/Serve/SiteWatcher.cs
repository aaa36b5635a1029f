namespace SiteGen.Serve;

/// <summary>
/// Watches content/, templates/ and site.yml. Editors fire several events per save (or save through a temporary file
/// and a rename), so changes are gathered until a short quiet moment has passed.
/// </summary>
public sealed class SiteWatcher : IDisposable
{
    private readonly FileSystemWatcher _watcher;
    private readonly Timer _debounce;
    private readonly HashSet<string> _pending = new();
    private readonly string _root;
    /// <summary>One save arrives as several events within a few milliseconds; wait this long after the last one.</summary>
    public const int DebounceMs = 25;

    public SiteWatcher(string root, Func<IReadOnlyCollection<string>, Task> onChange)
    {
        _root = root;
        _debounce = new Timer(_ =>
        {
            string[] changed;
            lock (_pending) { changed = _pending.Order(StringComparer.Ordinal).ToArray(); _pending.Clear(); }
            if (changed.Length > 0) onChange(changed).GetAwaiter().GetResult();
        });
        _watcher = new FileSystemWatcher(root)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        _watcher.Changed += (_, e) => Note(e.FullPath);
        _watcher.Created += (_, e) => Note(e.FullPath);
        _watcher.Deleted += (_, e) => Note(e.FullPath);
        _watcher.Renamed += (_, e) => { Note(e.OldFullPath); Note(e.FullPath); };
        _watcher.EnableRaisingEvents = true;
    }

    private void Note(string fullPath)
    {
        var rel = Path.GetRelativePath(_root, fullPath).Replace('\\', '/');
        if (!(rel == "site.yml" || rel.StartsWith("content/", StringComparison.Ordinal) || rel.StartsWith("templates/", StringComparison.Ordinal))) return;
        if (rel.Split('/').Any(SiteFiles.IsIgnored)) return; // an editor's swap, lock or backup file: not part of the site
        lock (_pending) _pending.Add(rel);
        _debounce.Change(DebounceMs, Timeout.Infinite);
    }

    public void Dispose()
    {
        _watcher.Dispose();
        _debounce.Dispose();
    }
}
