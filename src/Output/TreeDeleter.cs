using System.IO.Enumeration;

namespace SiteGen.Output;

/// <summary>
/// Deletes a folder SiteGen made without ever following a symbolic link: a link found inside (say, `build/media` pointing
/// at someone's photos) is unlinked, and what it points to is left alone. A link passed in is itself only unlinked.
/// </summary>
public static class TreeDeleter
{
    public static void Delete(string dir)
    {
        var attributes = new FileInfo(dir).Attributes; // lstat: the path itself, not what a link points to
        if ((int)attributes == -1) return;
        if ((attributes & FileAttributes.ReparsePoint) != 0 || (attributes & FileAttributes.Directory) == 0)
        {
            File.Delete(dir);
            return;
        }
        var files = new List<string>();
        var folders = new List<string>();
        Collect(dir, files, folders);
        // Files in parallel (a previous output can hold tens of thousands), then the folders, deepest first.
        Parallel.ForEach(files, File.Delete);
        for (var i = folders.Count - 1; i >= 0; i--) Directory.Delete(folders[i]);
    }

    /// <summary>Folders are listed parents first; links and files go with the files, to be unlinked.</summary>
    private static void Collect(string dir, List<string> files, List<string> folders)
    {
        folders.Add(dir);
        var entries = new FileSystemEnumerable<(string Path, bool RealFolder)>(dir,
            (ref FileSystemEntry e) => (e.ToFullPath(), e.IsDirectory && (e.Attributes & FileAttributes.ReparsePoint) == 0),
            new EnumerationOptions { RecurseSubdirectories = false, AttributesToSkip = 0, IgnoreInaccessible = false });
        foreach (var (path, realFolder) in entries)
        {
            if (realFolder) Collect(path, files, folders);
            else files.Add(path);
        }
    }
}
