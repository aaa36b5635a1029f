using System.Collections.Concurrent;

namespace SiteGen.Output;

/// <summary>
/// A fresh sibling of the output folder that a build writes into as it renders, swapped in once the build has
/// succeeded by one atomic exchange of the two folders (two renames where the system has no exchange); so the output
/// folder always exists and is either the old build or the new one, never half of each, even if the process is killed.
/// Disposed without <see cref="Commit"/>, it is deleted and the previous output is untouched. An output folder given as
/// a symbolic link is built into where the link points (the link stays); nothing is ever deleted through a link.
/// </summary>
public sealed class StagingDirectory : IDisposable
{
    private readonly string _target, _parent, _name;
    private readonly ConcurrentDictionary<string, bool> _folders = new(StringComparer.Ordinal);
    private bool _committed;

    public string Folder { get; }

    public StagingDirectory(string outDir)
    {
        _target = OutputGuard.Resolve(outDir);
        _parent = Path.GetDirectoryName(_target)!;
        _name = Path.GetFileName(_target);
        Directory.CreateDirectory(_parent);
        RemoveLeftovers();
        Folder = Path.Combine(_parent, $".{_name}.staging-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Folder);
        _folders[Folder] = true;
        File.WriteAllText(Path.Combine(Folder, OutputGuard.Marker), "This folder is written by SiteGen and replaced on every build.\n");
    }

    /// <summary>Thread-safe. The file must be new: every output path is claimed once by the <see cref="OutputTree"/>.</summary>
    public void Write(string relative, ReadOnlySpan<byte> bytes)
    {
        var full = Inside(Folder, relative);
        EnsureFolder(Path.GetDirectoryName(full)!);
        // A handle and one positional write: no FileStream buffer, seek, truncate or lock calls per file.
        using var handle = File.OpenHandle(full, FileMode.CreateNew, FileAccess.Write);
        RandomAccess.Write(handle, bytes, 0);
    }

    /// <summary>Each folder is made once, parents first; a site has thousands of them.</summary>
    private void EnsureFolder(string folder)
    {
        if (_folders.ContainsKey(folder)) return;
        EnsureFolder(Path.GetDirectoryName(folder)!);
        Directory.CreateDirectory(folder);
        _folders[folder] = true;
    }

    /// <summary>Swaps the staging folder in; the previous output is deleted after the swap.</summary>
    public void Commit()
    {
        if (Directory.Exists(_target) && Posix.TryExchange(Folder, _target))
        {
            _committed = true;
            TreeDeleter.Delete(Folder); // now the previous output; a kill before this leaves a staging folder, removed next time
        }
        else if (Directory.Exists(_target))
        {
            var old = Path.Combine(_parent, $".{_name}.old-{Guid.NewGuid():N}");
            Directory.Move(_target, old);
            Directory.Move(Folder, _target);
            _committed = true;
            TreeDeleter.Delete(old);
        }
        else
        {
            Directory.Move(Folder, _target);
            _committed = true;
        }
    }

    public void Dispose()
    {
        if (!_committed) TreeDeleter.Delete(Folder);
    }

    /// <summary>
    /// Every stage already keeps paths inside the output; this is the last line of defence before the disk.
    /// </summary>
    public static string Inside(string root, string relative)
    {
        var full = Path.GetFullPath(Path.Combine(root, relative));
        if (Path.IsPathRooted(relative) || !full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidOperationException($"refusing to write '{relative}' outside the output folder");
        return full;
    }

    /// <summary>
    /// Folders left by a build that was killed: staging folders are always ours; an `.old-` folder is deleted only
    /// if it carries the marker (it was a previous output). A link with such a name is only unlinked.
    /// </summary>
    private void RemoveLeftovers()
    {
        foreach (var dir in Directory.EnumerateDirectories(_parent, $".{_name}.*"))
        {
            var leaf = Path.GetFileName(dir);
            var ours = leaf.StartsWith($".{_name}.staging-", StringComparison.Ordinal)
                || (leaf.StartsWith($".{_name}.old-", StringComparison.Ordinal) && File.Exists(Path.Combine(dir, OutputGuard.Marker)));
            if (ours) TreeDeleter.Delete(dir);
        }
    }
}
