using System.Collections.Concurrent;
using System.IO.Enumeration;
using SiteGen.Diagnostics;

namespace SiteGen;

/// <summary>
/// The one way into the site's files: every read and every folder listing resolves symbolic links and refuses anything
/// whose real path is outside the site root, and no file larger than its limit is read. Content is untrusted: a link to
/// /etc/passwd must not be published, and a 50 MB page must not take a build down. Thread-safe.
/// </summary>
public sealed class SiteFiles
{
    /// <summary>The largest file of a kind that is read, and what to do instead.</summary>
    public sealed record Limit(long Bytes, string Of, string Hint);

    /// <summary>Markdown, templates, site.yml: far above any real page, far below what would exhaust memory when parsed.</summary>
    public static readonly Limit Text = new(4L << 20, "Markdown, template and site.yml files", "split it into smaller pages");
    /// <summary>Images, PDFs, CSS…: GitHub's own limit per file, so anything a repository can hold; assets are copied, not parsed.</summary>
    public static readonly Limit Asset = new(100L << 20, "assets", "host large media elsewhere and link to it");

    private readonly string _root, _realRoot;
    /// <summary>Folders known to lie inside the site (real folders, or walked after their link was checked): a file in one that is not a link needs no realpath.</summary>
    private readonly ConcurrentDictionary<string, bool> _plainFolders = new(StringComparer.Ordinal);

    public SiteFiles(string root)
    {
        _root = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
        _realRoot = Posix.RealPath(_root, out _, out _) ?? _root;
    }

    /// <summary>
    /// Names the site never reads, and `serve` does not rebuild for: hidden files and folders (`.DS_Store`, vim's
    /// `.page.md.swp`, Emacs's lock `.#page.md`, often a dangling link), backups (`page.md~`) and Emacs's autosaves
    /// (`#page.md#`). Without this an editor's swap file made every save look like a new file of the site.
    /// </summary>
    public static bool IsIgnored(string name) =>
        name.StartsWith('.') || name.EndsWith('~') || (name.Length > 1 && name[0] == '#' && name[^1] == '#');

    /// <summary>A file found under a folder of the site: its path as the author sees it (under the root) and relative to the folder.</summary>
    public sealed record Entry(string FullPath, string Relative);

    /// <summary>
    /// The files under <paramref name="folder"/> (relative to the root), in ordinal order of their relative paths. Editors'
    /// and systems' droppings are skipped (<see cref="IsIgnored"/>). A folder link that
    /// leaves the site is reported at its path and not walked; one inside the site is walked, but never one to a folder
    /// that contains it (a loop). Links to files are listed and checked when read, so the caller knows they exist.
    /// </summary>
    /// <returns>null when the folder does not exist.</returns>
    public List<Entry>? List(string folder, DiagnosticBag bag)
    {
        var full = Path.Combine(_root, folder);
        if (!Path.Exists(full) && new FileInfo(full).LinkTarget is null) return null;
        if (Locate(full, folder, bag) is not { } real) return [];
        if (!Directory.Exists(real)) return null;
        var found = new List<Entry>();
        Walk(full, real, "", folder, [real], found, bag);
        found.Sort((a, b) => string.CompareOrdinal(a.Relative, b.Relative));
        return found;
    }

    private void Walk(string dir, string realDir, string relDir, string folder, HashSet<string> above, List<Entry> found, DiagnosticBag bag)
    {
        var entries = new FileSystemEnumerable<(string Name, bool IsDirectory, bool IsLink)>(dir,
            (ref FileSystemEntry e) => (e.FileName.ToString(), e.IsDirectory, (e.Attributes & FileAttributes.ReparsePoint) != 0),
            new EnumerationOptions { RecurseSubdirectories = false, AttributesToSkip = 0, IgnoreInaccessible = false });
        foreach (var (name, isDirectory, isLink) in entries)
        {
            if (IsIgnored(name)) continue;
            var full = Path.Combine(dir, name);
            var rel = relDir.Length == 0 ? name : $"{relDir}/{name}";
            if (!isLink)
            {
                if (!isDirectory) found.Add(new Entry(full, rel));
                else
                {
                    _plainFolders[full] = true;
                    var real = Path.Combine(realDir, name);
                    above.Add(real);
                    Walk(full, real, rel, folder, above, found, bag);
                    above.Remove(real);
                }
                continue;
            }
            // A link to a file (or to nothing) is listed: reading it reports what is wrong, at its path, and lets the
            // caller know the file exists. A link to a folder is checked here, before anything under it is listed.
            if (!Directory.Exists(full))
            {
                found.Add(new Entry(full, rel));
                continue;
            }
            var display = $"{folder}/{rel}";
            if (Locate(full, display, bag) is not { } target) continue;
            if (above.Contains(target) || realDir.StartsWith(target + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                bag.Error(new SourceLocation(display), $"symbolic link makes a loop: it points to a folder that contains it ({target})");
            else
            {
                above.Add(target);
                Walk(full, target, rel, folder, above, found, bag);
                above.Remove(target);
            }
        }
    }

    /// <summary>The full path of a file or folder given relative to the site root.</summary>
    public string PathOf(string relative) => Path.Combine(_root, relative);

    /// <summary>Whether a new file may be written at the path: the nearest of its folders that exists is inside the site.</summary>
    public bool MayCreate(string relative, DiagnosticBag bag)
    {
        var folder = Path.GetDirectoryName(PathOf(relative))!;
        while (folder != _root && !Directory.Exists(folder) && new FileInfo(folder).LinkTarget is null) folder = Path.GetDirectoryName(folder)!;
        return Locate(folder, Path.GetRelativePath(_root, folder).Replace('\\', '/'), bag) is not null;
    }

    /// <summary>Whether a file exists at the path (a link counts, whatever it points to: reading it will say what is wrong).</summary>
    public bool Exists(string relative)
    {
        var full = Path.Combine(_root, relative);
        return File.Exists(full) || new FileInfo(full).LinkTarget is not null;
    }

    /// <summary>Whether the file can be read (inside the site, within its size limit), without reading it; the problem reported if not.</summary>
    public bool Check(string fullPath, string display, Limit limit, DiagnosticBag bag)
    {
        if (Locate(fullPath, display, bag) is not { } real) return false;
        var length = new FileInfo(real).Length;
        if (length <= limit.Bytes) return true;
        TooLarge(display, length, limit, bag);
        return false;
    }

    private static void TooLarge(string display, long length, Limit limit, DiagnosticBag bag) =>
        bag.Error(new SourceLocation(display), $"file is {Megabytes(length)}, over the {Megabytes(limit.Bytes)} limit for {limit.Of}", limit.Hint);

    /// <summary>The bytes of a file of the site, or null with the problem reported at <paramref name="display"/>.</summary>
    public byte[]? Read(string fullPath, string display, Limit limit, DiagnosticBag bag)
    {
        if (Locate(fullPath, display, bag) is not { } real) return null;
        try
        {
            using var handle = Posix.OpenRegular(real);
            if (handle is null)
            {
                bag.Error(new SourceLocation(display), "not a regular file (a named pipe, socket or device cannot be read)");
                return null;
            }
            // The path was checked before it was opened: a folder swapped for a link in between (or since the folder was
            // listed) is caught here, on the file actually opened.
            if (Posix.OpenedPath(handle) is { } opened && !IsInside(opened))
            {
                bag.Error(new SourceLocation(display), $"symbolic link points outside the site ({opened})");
                return null;
            }
            var length = RandomAccess.GetLength(handle);
            if (length > limit.Bytes)
            {
                TooLarge(display, length, limit, bag);
                return null;
            }
            var bytes = new byte[length];
            var read = 0;
            while (read < bytes.Length && RandomAccess.Read(handle, bytes.AsSpan(read), read) is var n and > 0) read += n;
            return read == bytes.Length ? bytes : bytes[..read];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            bag.Error(new SourceLocation(display), $"cannot be read: {e.Message}");
            return null;
        }
    }

    /// <summary>A UTF-8 text file of the site (see <see cref="TextFile"/>), at most <see cref="Text"/>'s size.</summary>
    public string? ReadText(string fullPath, string display, DiagnosticBag bag) =>
        Read(fullPath, display, Text, bag) is { } bytes ? TextFile.Decode(bytes, display, bag) : null;

    /// <summary>
    /// The real path of a file or folder of the site, or null with the problem reported. A path with no link in it below
    /// the root is its own real path and costs one lstat; only links, and files under them, are resolved.
    /// </summary>
    public string? Locate(string fullPath, string display, DiagnosticBag bag)
    {
        if (IsPlain(fullPath)) return fullPath;
        var real = Posix.RealPath(fullPath, out var failure, out var message);
        if (real is null)
        {
            var target = new FileInfo(fullPath).LinkTarget;
            bag.Error(new SourceLocation(display), failure switch
            {
                Posix.Failure.Missing when target is not null => $"symbolic link points to nothing ({target})",
                Posix.Failure.Missing => "file not found",
                Posix.Failure.Loop => "symbolic link makes a loop (it leads back to itself)",
                _ => $"cannot be read: {message}",
            });
            return null;
        }
        if (!IsInside(real))
        {
            bag.Error(new SourceLocation(display), $"symbolic link points outside the site ({real})");
            return null;
        }
        return real;
    }

    private bool IsInside(string real) =>
        real == _realRoot || real.StartsWith(_realRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The file is not a link and its folder is known to lie inside the site.</summary>
    private bool IsPlain(string fullPath)
    {
        var parent = Path.GetDirectoryName(fullPath);
        if (parent is null || !IsPlainFolder(parent)) return false;
        // lstat: a missing file has all attribute bits set, so it goes to realpath too, which says why.
        var attributes = new FileInfo(fullPath).Attributes;
        return (int)attributes != -1 && (attributes & FileAttributes.ReparsePoint) == 0;
    }

    private bool IsPlainFolder(string folder)
    {
        if (folder == _root) return true;
        if (_plainFolders.ContainsKey(folder)) return true;
        if (!folder.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return false;
        var parent = Path.GetDirectoryName(folder);
        if (parent is null || !IsPlainFolder(parent)) return false;
        var info = new DirectoryInfo(folder);
        if (!info.Exists || (info.Attributes & FileAttributes.ReparsePoint) != 0) return false;
        _plainFolders[folder] = true;
        return true;
    }

    private static string Megabytes(long bytes) => bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? $"{bytes >> 20} MB" : $"{bytes / (double)(1 << 20):0.0} MB";
}
