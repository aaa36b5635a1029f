using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using SiteGen.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;

namespace SiteGen.Yaml;

/// <summary>
/// Reads YAML into a typed object, reporting every unknown key (with a did-you-mean hint), duplicate key,
/// syntax and type error at its position in the file, not in the YAML snippet.
/// </summary>
public static class YamlReader
{
    // The release build is compiled ahead of time and trimmed; YamlDotNet's reflection works on what the trimmer kept.
    // SiteGen's own types are kept whole (TrimmerRootAssembly in SiteGen.csproj). Of the collections in site.yml and
    // front matter, only `strings:` failed without more: YamlDotNet looks up Dictionary<string, string>'s constructor by
    // reflection ("no parameterless constructor"), kept below. NativeBinaryTests runs the published binary on the
    // companion (every kind of value in site.yml and front matter, `data:` lists of maps) and on the broken fixtures.
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(Dictionary<string, string>))]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Reflection only; no code is generated at run time.")]
    static YamlReader()
    {
        Deserializer = new DeserializerBuilder()
            .WithNamingConvention(SnakeCaseNaming.Instance)
            .WithDuplicateKeyChecking()
            .IgnoreUnmatchedProperties() // unknown keys were already reported, all of them, by CheckKeys
            .Build();
    }

    private static readonly IDeserializer Deserializer;

    /// <param name="firstLine">The 1-based file line of the YAML text's first line.</param>
    public static YamlResult<T>? Read<T>(string yaml, string path, int firstLine, DiagnosticBag bag) where T : class, new()
    {
        var at = (Mark m) => new SourceLocation(path, (int)m.Line + firstLine - 1, (int)m.Column);
        if (FirstControlCharacter(yaml) is var (line, col, c) && line > 0)
        {
            bag.Error(new SourceLocation(path, line + firstLine - 1, col), $"YAML may not contain the control character U+{(int)c:X4}");
            return null;
        }
        YamlNode? root;
        var events = new List<ParsingEvent>();
        try
        {
            // The text is parsed once; its events feed both the node tree (for locations) and the deserializer.
            var parser = new Parser(new StringReader(yaml));
            while (parser.MoveNext()) events.Add(parser.Current!);
            var stream = new YamlStream();
            stream.Load(new EventReplay(events));
            root = stream.Documents.FirstOrDefault()?.RootNode;
        }
        catch (YamlException e)
        {
            bag.Error(at(e.Start), Describe(e));
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException) // YamlDotNet on some malformed input
        {
            bag.Error(new SourceLocation(path, firstLine, 1), $"YAML cannot be read: {e.Message}", "check the indentation and the `key: value` lines");
            return null;
        }
        if (root is null || root is YamlScalarNode { Value: null or "" }) return new YamlResult<T>(new T(), new Dictionary<string, SourceLocation>());
        if (root is not YamlMappingNode map)
        {
            bag.Error(at(root.Start), "expected a mapping of `key: value` lines");
            return null;
        }
        var keyProblems = new DiagnosticBag(); // its own bag: pages load in parallel, so the shared count says nothing
        CheckKeys(map, typeof(T), at, keyProblems);
        foreach (var d in keyProblems.Sorted()) bag.Add(d);
        if (keyProblems.HasErrors) return null;
        try
        {
            var value = Deserializer.Deserialize<T>(new EventReplay(events)) ?? new T();
            var keys = new Dictionary<string, SourceLocation>();
            foreach (var (k, _) in map.Children) keys.TryAdd((k as YamlScalarNode)?.Value ?? "", at(k.Start));
            return new YamlResult<T>(value, keys);
        }
        catch (YamlException e)
        {
            bag.Error(at(e.Start), Describe(e));
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or InvalidCastException)
        {
            bag.Error(at(map.Start), $"YAML cannot be read: {e.Message}");
            return null;
        }
    }

    /// <summary>YAML allows tab, LF and CR among the C0 controls (and no DEL or C1); YamlDotNet fails badly on the rest.</summary>
    private static (int Line, int Column, char Char) FirstControlCharacter(string yaml)
    {
        int line = 1, col = 1;
        foreach (var c in yaml)
        {
            if (c == '\n') { line++; col = 1; continue; }
            if ((c < ' ' && c is not '\t' and not '\r') || c is >= '\u007F' and <= '\u009F' and not '\u0085') return (line, col, c);
            col++;
        }
        return (0, 0, '\0');
    }

    private static string Describe(YamlException e)
    {
        // YamlDotNet wraps conversion failures; the innermost message says what was wrong with the value.
        var inner = e.InnerException;
        while (inner?.InnerException is not null) inner = inner.InnerException;
        var msg = inner is FormatException or OverflowException or InvalidCastException
            ? $"invalid value: {inner.Message}"
            : e.InnerException is YamlException y ? y.Message : e.Message;
        // YamlDotNet prefixes messages with "(Line: .., Col: ..)"; the location is printed by us already.
        var paren = msg.IndexOf("): ", StringComparison.Ordinal);
        if (msg.StartsWith("(Line:", StringComparison.Ordinal) && paren > 0) msg = msg[(paren + 3)..];
        msg = msg.Trim();
        // Found by YamlDotNet's own loader before our key check runs; say it the same way.
        if (msg.StartsWith("Duplicate key ", StringComparison.Ordinal)) return $"duplicate key '{msg[14..]}'";
        return "YAML: " + msg;
    }

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "The YAML types are SiteGen's own, kept whole (see the static constructor).")]
    private static void CheckKeys(YamlNode node, Type type, Func<Mark, SourceLocation> at, DiagnosticBag bag)
    {
        if (type == typeof(object) || type == typeof(string) || type.IsPrimitive || Nullable.GetUnderlyingType(type) is not null) return;
        if (node is YamlMappingNode map && DictionaryValueType(type) is { } valueType)
        {
            foreach (var (_, v) in map.Children) CheckKeys(v, valueType, at, bag);
            return;
        }
        if (node is YamlSequenceNode seq && ListItemType(type) is { } itemType)
        {
            foreach (var item in seq.Children) CheckKeys(item, itemType, at, bag);
            return;
        }
        if (node is not YamlMappingNode mapping || !type.IsClass) return;
        var props = KeysOf.GetOrAdd(type, t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .ToDictionary(p => SnakeCaseNaming.Instance.Apply(p.Name), p => p));
        var seen = new HashSet<string>();
        foreach (var (k, v) in mapping.Children)
        {
            var key = (k as YamlScalarNode)?.Value ?? "";
            if (!seen.Add(key)) { bag.Error(at(k.Start), $"duplicate key '{key}'"); continue; }
            if (props.TryGetValue(key, out var prop)) CheckKeys(v, prop.PropertyType, at, bag);
            else bag.Error(at(k.Start), $"unknown key '{key}'", DidYouMean.Hint(key, props.Keys));
        }
    }

    // Reflected once per type, not once per page.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Dictionary<string, PropertyInfo>> KeysOf = new();

    private static Type? DictionaryValueType(Type t) =>
        t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Dictionary<,>) ? t.GetGenericArguments()[1] : null;

    private static Type? ListItemType(Type t) =>
        t.IsGenericType && t.GetGenericTypeDefinition() == typeof(List<>) ? t.GetGenericArguments()[0] : null;
}

/// <summary>The typed value and where each top-level key was written, for later diagnostics.</summary>
public sealed record YamlResult<T>(T Value, IReadOnlyDictionary<string, SourceLocation> KeyLocations);
