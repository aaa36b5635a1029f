using System.Text;

namespace SiteGen.Output;

/// <summary>
/// Every file of the output, keyed by site-relative path in ordinal order. In memory (check, serve, tests) it keeps
/// the bytes, to be snapshotted or served; over a <see cref="StagingDirectory"/> (build) each file goes to disk as it
/// is added and only its path is kept, so a 20,000-page build never holds the whole site.
/// </summary>
public sealed class OutputTree(StagingDirectory? writeThrough = null)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly SortedDictionary<string, byte[]?> _files = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    /// <returns>false if something was already written at that path.</returns>
    public bool Add(string path, byte[] bytes)
    {
        lock (_gate)
            if (!_files.TryAdd(path, writeThrough is null ? bytes : null)) return false;
        writeThrough?.Write(path, bytes);
        return true;
    }

    public bool Add(string path, string text) => Add(path, Utf8.GetBytes(text));

    public bool Contains(string path)
    {
        lock (_gate) return _files.ContainsKey(path);
    }

    public byte[] Bytes(string path) => _files[path] ?? throw new InvalidOperationException($"{path} was written to disk, not kept in memory");
    public string Text(string path) => Utf8.GetString(Bytes(path));
    public IEnumerable<string> Paths => _files.Keys;
    public IEnumerable<KeyValuePair<string, byte[]>> Files => _files.Select(f => KeyValuePair.Create(f.Key, Bytes(f.Key)));
    public int Count => _files.Count;
}
