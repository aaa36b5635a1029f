namespace SiteGen.Output;

/// <summary>
/// Writes the tree into a fresh sibling folder and swaps it in by renaming, so the output folder is always
/// either the old build or the new one, never half of each, even if the process is killed.
/// </summary>
public static class AtomicDirectoryWriter
{
    public static void Write(OutputTree tree, string outDir)
    {
        var target = Path.GetFullPath(outDir).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(target)!;
        var name = Path.GetFileName(target);
        Directory.CreateDirectory(parent);
        RemoveLeftovers(parent, name);
        var staging = Path.Combine(parent, $".{name}.staging-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        File.WriteAllText(Path.Combine(staging, OutputGuard.Marker), "This folder is written by SiteGen and replaced on every build.\n");
        var files = tree.Files.ToList();
        foreach (var dir in files.Select(f => Path.GetDirectoryName(Inside(staging, f.Key))!).Distinct()) Directory.CreateDirectory(dir);
        // Many small files: the disk keeps up with more than one writer.
        Parallel.ForEach(files, f => File.WriteAllBytes(Inside(staging, f.Key), f.Value));
        if (Directory.Exists(target))
        {
            var old = Path.Combine(parent, $".{name}.old-{Guid.NewGuid():N}");
            Directory.Move(target, old);
            Directory.Move(staging, target);
            DeleteTree(old);
        }
        else Directory.Move(staging, target);
    }

    /// <summary>Deletes a folder's files in parallel, then the folders: a previous output can hold thousands of files.</summary>
    private static void DeleteTree(string dir)
    {
        Parallel.ForEach(Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories), File.Delete);
        Directory.Delete(dir, recursive: true);
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
    /// if it carries the marker (it was a previous output).
    /// </summary>
    private static void RemoveLeftovers(string parent, string name)
    {
        foreach (var dir in Directory.EnumerateDirectories(parent, $".{name}.*"))
        {
            var leaf = Path.GetFileName(dir);
            var ours = leaf.StartsWith($".{name}.staging-", StringComparison.Ordinal)
                || (leaf.StartsWith($".{name}.old-", StringComparison.Ordinal) && File.Exists(Path.Combine(dir, OutputGuard.Marker)));
            if (ours) Directory.Delete(dir, recursive: true);
        }
    }
}
