namespace SiteGen.Commands;

/// <summary>What the process exit code tells a script or CI.</summary>
public static class ExitCodes
{
    /// <summary>Success; warnings allowed.</summary>
    public const int Ok = 0;
    /// <summary>Problems in the site: content, templates, links.</summary>
    public const int SiteProblems = 1;
    /// <summary>Usage or environment: unknown option, refused output folder, unreadable files.</summary>
    public const int UsageError = 2;
    /// <summary>A bug in SiteGen, not in the site: BSD's EX_SOFTWARE, so CI can tell the two apart.</summary>
    public const int InternalError = 70;
}
