using SiteGen.Diagnostics;
using SiteGen.Output;

namespace SiteGen;

public sealed record BuildResult(
    IReadOnlyList<Diagnostic> Diagnostics,
    OutputTree Output,
    IReadOnlyDictionary<string, int> PagesPerLanguage,
    int Assets,
    int LinksChecked,
    IReadOnlyCollection<string> ExternalLinks,
    bool Written)
{
    /// <summary>What the build loaded (null when site.yml was unusable), for `serve` to follow edits from.</summary>
    public SiteBuilder.LoadedSite? Site { get; init; }
    public bool Succeeded => !Diagnostics.Any(d => d.IsError);
    public int Pages => PagesPerLanguage.Values.Sum();
}
