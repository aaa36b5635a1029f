namespace SiteGen.Diagnostics;

/// <summary>A place in a file the user edits: path relative to the site root, 1-based line and column.</summary>
public readonly record struct SourceLocation(string Path, int Line = 0, int Column = 0)
{
    /// <summary>Markdig and Scriban count from 0; this is the one place that converts.</summary>
    public static SourceLocation FromZeroBased(string path, int line, int column) => new(path, line + 1, column + 1);

    public override string ToString() => Line <= 0 ? Path : Column <= 0 ? $"{Path}:{Line}" : $"{Path}:{Line}:{Column}";
}
