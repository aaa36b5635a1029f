namespace SiteGen.Content;

/// <summary>A non-Markdown file under content/ (an image…), copied as is beside its page.</summary>
public sealed record ContentAsset(string SourcePath, string FullPath, string OutputPath);
