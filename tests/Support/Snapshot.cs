using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using SiteGen.Output;
using Xunit.Sdk;

namespace SiteGen.Tests.Support;

/// <summary>
/// Verify-style snapshots on DiffPlex: `Name.verified.txt` is committed; a mismatch writes `Name.received.txt`
/// beside it and fails with a line diff. Accept by renaming received to verified (tests/accept-snapshots.sh).
/// </summary>
public static class Snapshot
{
    public static void Verify(string name, string actual)
    {
        var dir = Path.Combine(Repo.Tests, "Snapshots");
        var verified = Path.GetFullPath(Path.Combine(dir, $"{name}.verified.txt"));
        var received = Path.ChangeExtension(verified, null).Replace(".verified", ".received") + ".txt";
        actual = actual.Replace("\r\n", "\n");
        var expected = File.Exists(verified) ? File.ReadAllText(verified) : null;
        if (expected == actual)
        {
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        File.WriteAllText(received, actual, new UTF8Encoding(false));
        throw new XunitException(expected is null
            ? $"No snapshot yet: review {received} and accept it (tests/accept-snapshots.sh)."
            : $"Snapshot {name} changed; review the diff, then accept with tests/accept-snapshots.sh.\n{Diff(expected, actual)}");
    }

    /// <summary>Every file of an output tree, text inline and binary as size and hash, in path order.</summary>
    public static string Of(OutputTree tree)
    {
        var sb = new StringBuilder();
        foreach (var (path, bytes) in tree.Files)
        {
            sb.Append("=== ").Append(path).Append(" ===\n");
            if (IsText(path)) sb.Append(Encoding.UTF8.GetString(bytes).TrimEnd('\n')).Append('\n');
            else sb.Append($"({bytes.Length} bytes, sha256 {Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..16]})\n");
        }
        return sb.ToString();
    }

    private static bool IsText(string path) => Path.GetExtension(path) is ".html" or ".css" or ".xml" or ".txt" or ".js" or ".svg" or ".json";

    private static string Diff(string expected, string actual)
    {
        var model = InlineDiffBuilder.Diff(expected, actual);
        var sb = new StringBuilder();
        var shown = 0;
        for (var i = 0; i < model.Lines.Count && shown < 80; i++)
        {
            var line = model.Lines[i];
            if (line.Type == ChangeType.Unchanged) continue;
            sb.Append(line.Type == ChangeType.Inserted ? "+ " : "- ").Append(line.Position is { } p ? $"{p,5}: " : "       ").Append(line.Text).Append('\n');
            shown++;
        }
        return sb.ToString();
    }
}
