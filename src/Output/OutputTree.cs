using System.Buffers;
using System.Collections.Concurrent;
using System.Text;

namespace SiteGen.Output;

/// <summary>
/// Every file of the output, keyed by site-relative path, listed in ordinal order. In memory (serve, tests) it keeps
/// the bytes, to be snapshotted or served; over a <see cref="StagingDirectory"/> (build) each file goes to disk as it
/// is added and only its path is kept, so a 20,000-page build never holds the whole site; for `check`, only the paths
/// are kept. Thread-safe.
/// </summary>
public sealed class OutputTree(StagingDirectory? writeThrough = null, bool keepBytes = true)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly byte[] NotKept = new byte[0]; // a marker no real file shares (`[]` would be Array.Empty)
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    /// <returns>false if something was already written at that path.</returns>
    public bool Add(string path, byte[] bytes)
    {
        if (!_files.TryAdd(path, writeThrough is null && keepBytes ? bytes : NotKept)) return false;
        writeThrough?.Write(path, bytes);
        return true;
    }

    /// <summary>Bytes from a reused buffer: copied only if the tree keeps them.</summary>
    public bool Add(string path, ReadOnlySpan<byte> bytes)
    {
        if (writeThrough is null && keepBytes) return Add(path, bytes.ToArray());
        if (!_files.TryAdd(path, NotKept)) return false;
        writeThrough?.Write(path, bytes);
        return true;
    }

    public bool Add(string path, string text) => Add(path, text.AsSpan());

    public bool Add(string path, ReadOnlySpan<char> text)
    {
        if (writeThrough is null && keepBytes)
        {
            var bytes = new byte[Utf8.GetByteCount(text)];
            Utf8.GetBytes(text, bytes);
            return Add(path, bytes);
        }
        if (!_files.TryAdd(path, NotKept)) return false;
        if (writeThrough is null) return true;
        // Encoded into a reused buffer: tens of thousands of pages, each written once and never read again.
        var buffer = ArrayPool<byte>.Shared.Rent(Utf8.GetMaxByteCount(text.Length));
        try
        {
            writeThrough.Write(path, buffer.AsSpan(0, Utf8.GetBytes(text, buffer)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return true;
    }

    public bool Contains(string path) => _files.ContainsKey(path);

    /// <summary>
    /// The paths written so far, in a plain set: the link check asks once per link (a million times at 20,000 pages), and
    /// a HashSet answers in half the time of the concurrent dictionary (a FrozenSet sat between the two).
    /// </summary>
    public HashSet<string> PathSet() => new(_files.Keys, StringComparer.Ordinal);

    public byte[] Bytes(string path) =>
        _files[path] is var bytes && !ReferenceEquals(bytes, NotKept) ? bytes : throw new InvalidOperationException($"{path} was written to disk or checked, not kept in memory");

    public string Text(string path) => Utf8.GetString(Bytes(path));
    public IEnumerable<string> Paths => _files.Keys.Order(StringComparer.Ordinal);
    public IEnumerable<KeyValuePair<string, byte[]>> Files => Paths.Select(p => KeyValuePair.Create(p, Bytes(p)));
    public int Count => _files.Count;
}
