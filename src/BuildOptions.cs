namespace SiteGen;

public sealed record BuildOptions
{
    /// <summary>The site: holds site.yml, content/ and templates/.</summary>
    public required string Root { get; init; }
    /// <summary>Where the output goes; null renders in memory only (check mode, tests).</summary>
    public string? OutputDir { get; init; }
    /// <summary>
    /// Whether the result keeps the bytes of an output that is not written (serve, tests); `check` only needs the
    /// findings, so a 20,000-page check holds no HTML either.
    /// </summary>
    public bool KeepOutput { get; init; } = true;
    public bool IncludeDrafts { get; init; }
    public string? BaseUrl { get; init; }
    /// <summary>Translation drift (missing pages, numbers, structure, links, staleness) is an error, not a warning.</summary>
    public bool Strict { get; init; }
    /// <summary>Keeps rendered pages between builds (serve): only pages whose inputs changed are rendered again.</summary>
    public Incremental.RenderCache? Cache { get; init; }
    /// <summary>
    /// Threads to render with; 1 gives a single-threaded build (whose output must equal the parallel one). One per core
    /// by default, never unbounded: the thread pool adds threads while long pages keep its threads busy, and every thread
    /// may hold up to a page's limits in memory, so a hostile template on a loaded machine took the whole memory.
    /// </summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;
    /// <summary>
    /// Stops the build between two pages with an <see cref="OperationCanceledException"/>: `serve` drops a build that an
    /// edit has made out of date instead of letting it take the cores from the next one.
    /// </summary>
    public CancellationToken Cancel { get; init; }

    public ParallelOptions Parallelism => new() { MaxDegreeOfParallelism = MaxParallelism, CancellationToken = Cancel };
}
