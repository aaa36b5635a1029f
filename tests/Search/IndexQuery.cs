using System.Text.Json;
using SiteGen.Output;
using SiteGen.Search;

namespace SiteGen.Tests.Search;

/// <summary>
/// Reads a built index the way search.js does (the same terms, shards, postings and BM25 sum), for ranking tests
/// that need no browser. The browser tests check the script itself against the companion.
/// </summary>
public sealed class IndexQuery(OutputTree output)
{
    private JsonElement Json(string path) => JsonDocument.Parse(output.Bytes(ShardWriter.Folder + path)).RootElement;

    public sealed record Hit(int Group, int Lang, double Score, string Url, string Anchor);

    /// <summary>A shard's lines: term, tab, postings.</summary>
    public Dictionary<string, string> Shard(uint n) =>
        output.Text($"{ShardWriter.Folder}s/{n}.txt").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t')).ToDictionary(f => f[0], f => f[1], StringComparer.Ordinal);

    public List<Hit> Search(string query)
    {
        var meta = Json("index.json");
        var fold = new Dictionary<char, char>();
        var pairs = meta.GetProperty("fold").GetString()!;
        for (var i = 0; i + 1 < pairs.Length; i += 2) fold[pairs[i]] = pairs[i + 1];
        var phrases = new Dictionary<string, string>();
        var list = meta.GetProperty("phrases").EnumerateArray().Select(e => e.GetString()!).ToList();
        for (var i = 0; i + 1 < list.Count; i += 2) phrases[list[i]] = list[i + 1];
        var terms = Tokenizer.Query(query, fold, phrases);
        var shards = meta.GetProperty("shards").GetInt32();
        var langs = meta.GetProperty("languages").GetArrayLength();
        var pages = meta.GetProperty("pages").GetInt32();
        var lists = new List<Dictionary<int, int>>();
        foreach (var term in terms)
        {
            var shard = Shard(ShardWriter.Hash(term) & (uint)(shards - 1));
            if (!shard.TryGetValue(term, out var value)) return [];
            lists.Add(Decode(value.StartsWith('@') ? output.Text($"{ShardWriter.Folder}t/{value[1..]}.txt") : value));
        }
        if (lists.Count == 0) return [];
        var best = new Dictionary<int, (int Lang, double Score)>();
        foreach (var doc in lists.MinBy(l => l.Count)!.Keys)
        {
            if (!lists.All(l => l.ContainsKey(doc))) continue;
            var score = lists.Sum(l => Math.Log(1 + (pages - l.Count + 0.5) / (l.Count + 0.5)) * l[doc]);
            var group = doc / langs;
            if (!best.TryGetValue(group, out var b) || score > b.Score) best[group] = (doc % langs, score);
        }
        return best.OrderByDescending(b => b.Value.Score).ThenBy(b => b.Key).Select(b =>
        {
            var doc = Json($"g/{b.Key}.json")[b.Value.Lang];
            var anchor = doc.GetProperty("passages").EnumerateArray().Select(p => p[0].GetString()!).FirstOrDefault(a => a != "") ?? "";
            return new Hit(b.Key, b.Value.Lang, b.Value.Score, doc.GetProperty("url").GetString()!, anchor);
        }).ToList();
    }

    public static Dictionary<int, int> Decode(string base64)
    {
        var bytes = Convert.FromBase64String(base64.PadRight((base64.Length + 3) / 4 * 4, '='));
        var result = new Dictionary<int, int>();
        var doc = -1;
        for (var i = 0; i < bytes.Length;)
        {
            int delta = 0, shift = 0;
            byte b;
            do
            {
                b = bytes[i++];
                delta |= (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            doc += delta;
            result[doc] = bytes[i++];
        }
        return result;
    }
}
