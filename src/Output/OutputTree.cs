using System.Text;

namespace SiteGen.Output;

/// <summary>The whole output in memory, keyed by site-relative path in ordinal order: what gets written, checked and snapshotted.</summary>
public sealed class OutputTree
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly SortedDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    /// <returns>false if something was already written at that path.</returns>
    public bool Add(string path, byte[] bytes)
    {
        lock (_gate) return _files.TryAdd(path, bytes);
    }

    public bool Add(string path, string text) => Add(path, Utf8.GetBytes(text));

    public bool Contains(string path) => _files.ContainsKey(path);
    public byte[] Bytes(string path) => _files[path];
    public string Text(string path) => Utf8.GetString(_files[path]);
    public IEnumerable<string> Paths => _files.Keys;
    public IEnumerable<KeyValuePair<string, byte[]>> Files => _files;
    public int Count => _files.Count;
}
