using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using SiteGen.Output;

namespace SiteGen.Search;

/// <summary>
/// Writes the index as static files under <see cref="Folder"/>, so a query fetches only what it needs:
/// `index.json` (languages, shard count, folding tables), `s/&lt;n&gt;.json` (the shards: term → postings, a term in
/// the shard its hash picks), `t/&lt;n&gt;.json` (a common term's postings, too long to sit in a shard that other
/// queries fetch) and `g/&lt;n&gt;.json` (a translation group's pages: URL, title, passages, for results).
/// Postings are unpadded base64 of (page id delta, impact) pairs, the delta a variable-length number.
/// </summary>
public static class ShardWriter
{
    public const string Folder = "search-index/";
    /// <summary>Postings longer than this (base64 characters) get a file of their own.</summary>
    public const int OwnFileOver = 4096;
    /// <summary>What a shard of short postings should hold, roughly.</summary>
    public const int ShardTarget = 8192;
    public const int Version = 1;

    public static readonly JsonWriterOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>FNV-1a over UTF-16 units, as search.js computes it.</summary>
    public static uint Hash(string term)
    {
        var h = 2166136261u;
        foreach (var c in term) h = (h ^ c) * 16777619u;
        return h;
    }

    public static string Encode(List<(int Doc, byte Impact)> postings)
    {
        var bytes = new ArrayBufferWriter<byte>(postings.Count * 2);
        var previous = -1;
        foreach (var (doc, impact) in postings)
        {
            var delta = (uint)(doc - previous);
            previous = doc;
            while (delta >= 0x80)
            {
                bytes.Write([(byte)(delta | 0x80)]);
                delta >>= 7;
            }
            bytes.Write([(byte)delta, impact]);
        }
        // Without the padding, which the browser's atob does not need: most terms are on one or two pages.
        return Convert.ToBase64String(bytes.WrittenSpan).TrimEnd('=');
    }

    /// <returns>the number of shards.</returns>
    /// <param name="pages">How many pages the index holds, for the terms' rarity (idf).</param>
    public static int Write(OutputTree tree, SortedDictionary<string, List<(int Doc, byte Impact)>> terms, int pages,
        IReadOnlyList<string> languages, SortedDictionary<char, char> fold)
    {
        var encoded = terms.AsParallel().ToDictionary(t => t.Key, t => Encode(t.Value), StringComparer.Ordinal);
        var small = encoded.Values.Where(v => v.Length <= OwnFileOver).Sum(v => (long)v.Length);
        var shardCount = 1;
        while (shardCount < 65536 && small / shardCount > ShardTarget) shardCount *= 2;
        var shards = new SortedDictionary<string, object>[shardCount];
        for (var i = 0; i < shardCount; i++) shards[i] = new SortedDictionary<string, object>(StringComparer.Ordinal);
        var ownFiles = 0;
        foreach (var (term, postings) in encoded.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var shard = shards[Hash(term) & (uint)(shardCount - 1)];
            if (postings.Length <= OwnFileOver) shard[term] = postings;
            else
            {
                tree.Add($"{Folder}t/{ownFiles}.json", JsonString(postings));
                shard[term] = ownFiles++;
            }
        }
        for (var i = 0; i < shardCount; i++) tree.Add($"{Folder}s/{i}.json", ShardJson(shards[i]));
        tree.Add(Folder + "index.json", MetaJson(pages, shardCount, languages, fold));
        return shardCount;
    }

    private static byte[] JsonString(string value) => Write(w => w.WriteStringValue(value));

    private static byte[] ShardJson(SortedDictionary<string, object> shard) => Write(w =>
    {
        w.WriteStartObject();
        foreach (var (term, value) in shard)
        {
            if (value is int file) w.WriteNumber(term, file);
            else w.WriteString(term, (string)value);
        }
        w.WriteEndObject();
    });

    private static byte[] MetaJson(int pages, int shards, IReadOnlyList<string> languages, SortedDictionary<char, char> fold) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("version", Version);
        w.WriteNumber("pages", pages);
        w.WriteNumber("shards", shards);
        w.WriteStartArray("languages");
        foreach (var l in languages) w.WriteStringValue(l);
        w.WriteEndArray();
        w.WriteString("latin", TextFolder.LatinTable);
        var pairs = new StringBuilder();
        foreach (var (s, t) in fold) pairs.Append(s).Append(t);
        w.WriteString("fold", pairs.ToString());
        w.WriteEndObject();
    });

    public static byte[] Group(IReadOnlyList<SearchDocument?> docs) => Write(w =>
    {
        w.WriteStartArray();
        foreach (var doc in docs)
        {
            if (doc is null)
            {
                w.WriteNullValue();
                continue;
            }
            w.WriteStartObject();
            w.WriteString("url", doc.Url);
            w.WriteString("title", doc.Title);
            w.WriteString("section", doc.Section);
            w.WriteString("lang", doc.LangTag);
            w.WriteStartArray("passages");
            foreach (var p in doc.Passages)
            {
                w.WriteStartArray();
                w.WriteStringValue(p.Anchor);
                w.WriteStringValue(p.Heading);
                w.WriteStringValue(p.Text);
                w.WriteEndArray();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    });

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Json)) write(writer);
        return buffer.WrittenSpan.ToArray();
    }
}
