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

    public List<Hit> Search(string query)
    {
        var meta = Json("index.json");
        var fold = new Dictionary<char, char>();
        var pairs = meta.GetProperty("fold").GetString()!;
        for (var i = 0; i + 1 < pairs.Length; i += 2) fold[pairs[i]] = pairs[i + 1];
        var terms = Tokenizer.Query(query, fold);
        var shards = meta.GetProperty("shards").GetInt32();
        var langs = meta.GetProperty("languages").GetArrayLength();
        var pages = meta.GetProperty("pages").GetInt32();
        var lists = new List<Dictionary<int, int>>();
        foreach (var term in terms)
        {
            var shard = Json($"s/{ShardWriter.Hash(term) & (uint)(shards - 1)}.json");
            if (!shard.TryGetProperty(term, out var value)) return [];
            lists.Add(Decode(value.ValueKind == JsonValueKind.Number ? Json($"t/{value.GetInt32()}.json").GetString()! : value.GetString()!));
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
