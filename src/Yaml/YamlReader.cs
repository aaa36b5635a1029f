using SiteGen.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SiteGen.Yaml;

/// <summary>
/// Reads YAML text into a tree of located values (<see cref="YamlValue"/>), reporting syntax errors and the limits of
/// <see cref="YamlLimits"/> at their position in the file, not in the YAML snippet. Typed reading is the mappers' job
/// (<see cref="YamlMapper"/>).
/// </summary>
public static class YamlReader
{
    /// <param name="firstLine">The 1-based file line of the YAML text's first line.</param>
    /// <param name="root">The first document's value; null for an empty document.</param>
    /// <returns>false if an error was reported.</returns>
    public static bool TryRead(string yaml, string path, int firstLine, DiagnosticBag bag, out YamlValue? root)
    {
        root = null;
        if (FirstControlCharacter(yaml) is var (line, col, c) && line > 0)
        {
            bag.Error(new SourceLocation(path, line + firstLine - 1, col), $"YAML may not contain the control character U+{(int)c:X4}");
            return false;
        }
        var builder = new TreeBuilder(path, firstLine, bag);
        var parser = new Parser(new StringReader(yaml));
        try
        {
            while (parser.MoveNext())
                if (!builder.Take(parser.Current!)) return false;
        }
        catch (YamlException e)
        {
            bag.Error(builder.At(e.Start), Describe(e));
            return false;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException) // the parser on some malformed input
        {
            bag.Error(builder.At(parser.Current?.Start ?? Mark.Empty), "YAML cannot be read here", "check the indentation and the `key: value` lines");
            return false;
        }
        root = builder.Root;
        return true;
    }

    /// <summary>Builds the tree from the parser's events without recursion, counting against <see cref="YamlLimits"/>.</summary>
    private sealed class TreeBuilder(string path, int firstLine, DiagnosticBag bag)
    {
        private readonly List<(YamlValue Node, AnchorName Anchor, YamlValue? Key)> _open = [];
        private readonly Dictionary<string, YamlValue> _anchors = new(StringComparer.Ordinal);
        private int _documents, _aliases;
        private long _values;

        public YamlValue? Root { get; private set; }

        public SourceLocation At(Mark m) => new(path, (int)m.Line + firstLine - 1, (int)m.Column);

        public bool Take(ParsingEvent e)
        {
            switch (e)
            {
                case DocumentStart:
                    _documents++;
                    _anchors.Clear();
                    (_aliases, _values) = (0, 0);
                    return true;
                case Scalar s:
                    return Count(1, s) && Complete(new YamlScalar(At(s.Start), s.Value, s.Style == ScalarStyle.Plain), s.Anchor);
                case SequenceStart ss:
                    return Count(1, ss) && Open(new YamlSequence(At(ss.Start)), ss.Anchor);
                case MappingStart ms:
                    return Count(1, ms) && Open(new YamlMapping(At(ms.Start)), ms.Anchor);
                case SequenceEnd or MappingEnd:
                    var (node, anchor, _) = _open[^1];
                    _open.RemoveAt(_open.Count - 1);
                    return Complete(node, anchor);
                case AnchorAlias a:
                    return Alias(a);
                default:
                    return true;
            }
        }

        private bool Open(YamlValue collection, AnchorName anchor)
        {
            if (_open.Count >= YamlLimits.MaxDepth)
            {
                bag.Error(collection.At, "lists and mappings are nested too deeply", $"the limit is {YamlLimits.MaxDepth} levels");
                return false;
            }
            _open.Add((collection, anchor, null));
            return true;
        }

        private bool Alias(AnchorAlias a)
        {
            var name = a.Value.Value;
            if (++_aliases > YamlLimits.MaxAliases)
            {
                bag.Error(At(a.Start), "too many aliases in one YAML document", $"the limit is {YamlLimits.MaxAliases}");
                return false;
            }
            if (!_anchors.TryGetValue(name, out var target))
            {
                bag.Error(At(a.Start), $"alias '*{name}' refers to no complete value anchored '&{name}' before it");
                return false;
            }
            _values += target.ExpandedSize;
            if (_values > YamlLimits.MaxValues)
            {
                bag.Error(At(a.Start), $"alias '*{name}' makes the YAML document too large once expanded", $"the limit is {YamlLimits.MaxValues} values");
                return false;
            }
            return Complete(target, AnchorName.Empty);
        }

        private bool Count(long n, ParsingEvent e)
        {
            _values += n;
            if (_values <= YamlLimits.MaxValues) return true;
            bag.Error(At(e.Start), "too many values in one YAML document", $"the limit is {YamlLimits.MaxValues}");
            return false;
        }

        /// <summary>A value is done: anchor it, then add it to the list or mapping it is in (or make it the root).</summary>
        private bool Complete(YamlValue node, AnchorName anchor)
        {
            // Anchored only once complete: an alias inside its own anchor would stand for an endless value.
            if (!anchor.IsEmpty) _anchors[anchor.Value] = node;
            if (_open.Count == 0)
            {
                if (_documents <= 1) Root ??= node; // front matter and site.yml are one document each
                return true;
            }
            var (parent, parentAnchor, key) = _open[^1];
            if (parent is YamlSequence seq) seq.Add(node);
            else if (key is null) _open[^1] = (parent, parentAnchor, node);
            else
            {
                ((YamlMapping)parent).Add(key, node);
                _open[^1] = (parent, parentAnchor, null);
            }
            return true;
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

    /// <summary>The parser's own words for a syntax error (they are about YAML, not .NET), without its position prefix.</summary>
    private static string Describe(YamlException e)
    {
        var msg = e.Message;
        // YamlDotNet prefixes messages with "(Line: .., Col: ..)"; the location is printed by us already.
        var paren = msg.IndexOf("): ", StringComparison.Ordinal);
        if (msg.StartsWith("(Line:", StringComparison.Ordinal) && paren > 0) msg = msg[(paren + 3)..];
        return "YAML: " + msg.Trim();
    }
}
