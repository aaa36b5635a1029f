using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using SiteGen.Output;

namespace SiteGen.Search;

/// <summary>
/// Writes the index as static files under <see cref="Folder"/>, so a query fetches only what it needs:
/// `index.json` (languages, shard count, folding tables), `s/&lt;n&gt;.txt` (the shards: a line per term, the term, a
/// tab and its postings, a term in the shard its hash picks), `t/&lt;n&gt;.txt` (a common term's postings, too long to
/// sit in a shard that other queries fetch; its shard line says `@n`) and `g/&lt;n&gt;.json` (a translation group's
/// pages in the order of `languages`: URL, title, section, passages — anchor, text and, under a heading, the heading's
/// place — for results). Postings are unpadded base64 of (page id delta, impact) pairs, the delta a variable-length
/// number. Shards are lines rather than JSON: a term on one page costs a third fewer bytes.
/// </summary>
public static class ShardWriter
{
    public const string Folder = "search-index/";
    /// <summary>Postings longer than this (base64 characters) get a file of their own.</summary>
    public const int OwnFileOver = 4096;
    /// <summary>What a shard of short postings should hold, roughly.</summary>
    public const int ShardTarget = 8192;
    public const int Version = 2;

    public static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>FNV-1a over UTF-16 units, as search.js computes it.</summary>
    public static uint Hash(string term)
    {
        var h = 2166136261u;
        foreach (var c in term) h = (h ^ c) * 16777619u;
        return h;
    }

    /// <summary>Postings (page ids ascending) as the shards hold them: base64 (UTF-8 bytes, unpadded).</summary>
    public static byte[] Encode(ReadOnlySpan<int> docs, ReadOnlySpan<byte> impacts)
    {
        var raw = docs.Length * 6 <= 4096 ? stackalloc byte[docs.Length * 6] : new byte[docs.Length * 6];
        var n = 0;
        var previous = -1;
        for (var i = 0; i < docs.Length; i++)
        {
            var delta = (uint)(docs[i] - previous);
            previous = docs[i];
            while (delta >= 0x80)
            {
                raw[n++] = (byte)(delta | 0x80);
                delta >>= 7;
            }
            raw[n++] = (byte)delta;
            raw[n++] = impacts[i];
        }
        var encoded = new byte[Base64.GetMaxEncodedToUtf8Length(n)];
        Base64.EncodeToUtf8(raw[..n], encoded, out _, out var written);
        // Without the padding, which the browser's atob does not need: most terms are on one or two pages.
        while (written > 0 && encoded[written - 1] == '=') written--;
        return encoded[..written];
    }

    /// <returns>the number of shards.</returns>
    /// <param name="terms">Every term in ordinal order with its encoded postings (<see cref="Encode"/>).</param>
    /// <param name="pages">How many pages the index holds, for the terms' rarity (idf).</param>
    public static int Write(OutputTree tree, List<(string Term, byte[] Postings)> terms, int pages,
        IReadOnlyList<string> languages, SortedDictionary<char, char> fold, SortedDictionary<string, string> phrases)
    {
        var small = terms.Where(t => t.Postings.Length <= OwnFileOver).Sum(t => (long)t.Postings.Length + Encoding.UTF8.GetByteCount(t.Term) + 2);
        var shardCount = 1;
        while (shardCount < 65536 && small / shardCount > ShardTarget) shardCount *= 2;
        var shards = new ArrayBufferWriter<byte>[shardCount];
        for (var i = 0; i < shardCount; i++) shards[i] = new ArrayBufferWriter<byte>();
        var ownFiles = 0;
        foreach (var (term, postings) in terms)
        {
            var shard = shards[Hash(term) & (uint)(shardCount - 1)];
            shard.Write(Encoding.UTF8.GetBytes(term));
            shard.Write("\t"u8);
            if (postings.Length <= OwnFileOver) shard.Write(postings);
            else
            {
                tree.Add($"{Folder}t/{ownFiles}.txt", postings);
                shard.Write(Encoding.UTF8.GetBytes("@" + ownFiles++));
            }
            shard.Write("\n"u8);
        }
        for (var i = 0; i < shardCount; i++) tree.Add($"{Folder}s/{i}.txt", shards[i].WrittenSpan);
        tree.Add(Folder + "index.json", MetaJson(pages, shardCount, languages, fold, phrases));
        return shardCount;
    }

    private static byte[] MetaJson(int pages, int shards, IReadOnlyList<string> languages, SortedDictionary<char, char> fold,
        SortedDictionary<string, string> phrases) => Json(w =>
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
        w.WriteStartArray("phrases");
        foreach (var (from, to) in phrases)
        {
            w.WriteStringValue(from);
            w.WriteStringValue(to);
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }).ToArray();

    /// <summary>A translation group's result file.</summary>
    public static void Group(OutputTree tree, int groupId, IReadOnlyList<SearchDocument?> docs) => tree.Add($"{Folder}g/{groupId}.json", Json(w =>
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
            if (doc.Section.Length > 0) w.WriteString("section", doc.Section);
            w.WriteStartArray("passages");
            foreach (var p in doc.Passages)
            {
                w.WriteStartArray();
                w.WriteStringValue(p.Anchor);
                w.WriteStringValue(p.Text);
                if (p.Place >= 0) w.WriteNumberValue(p.Place);
                w.WriteEndArray();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }));

    /// <summary>One buffer per thread, reused: a result file is written for every translation group.</summary>
    [ThreadStatic] private static ArrayBufferWriter<byte>? _buffer;

    /// <returns>the JSON in this thread's buffer, valid until the thread writes JSON again.</returns>
    private static ReadOnlySpan<byte> Json(Action<Utf8JsonWriter> write)
    {
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(16384);
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer, JsonOptions)) write(writer);
        return buffer.WrittenSpan;
    }
}
