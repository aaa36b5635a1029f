using System.Security.Cryptography;

namespace SiteGen.Tests.Support;

public static class Disk
{
    /// <summary>Every file under a folder with its SHA-256, in path order: equal strings mean byte-identical trees.</summary>
    public static string Snapshot(string dir) =>
        string.Join("\n", Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => $"{Path.GetRelativePath(dir, f)} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))}"));

    public static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
