using SiteGen.Diagnostics;

namespace SiteGen.Yaml;

/// <summary>The typed value and where each top-level key was written, for later diagnostics.</summary>
public sealed record YamlResult<T>(T Value, IReadOnlyDictionary<string, SourceLocation> KeyLocations);
