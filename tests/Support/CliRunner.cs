using System.Diagnostics;

namespace SiteGen.Tests.Support;

/// <summary>
/// Runs the command line: in this process through the entry point a user's process runs (<see cref="InProcess"/>, fast),
/// or as a separate process, as a user would (<see cref="Run"/>, for the few tests about the process itself).
/// </summary>
public static class CliRunner
{
    /// <summary>The date `new` writes in every test: tests never depend on today's date.</summary>
    public static readonly DateTimeOffset Today = new(2026, 2, 5, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The environment that gives a process run the same date (the reproducible-builds convention).</summary>
    public static readonly string SourceDateEpoch = Today.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static (int Code, string Out, string Err) InProcess(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = global::Cli.Run(args, stdout, stderr, new FixedClock(Today));
        return (code, stdout.ToString(), stderr.ToString());
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }

    public static (int Code, string Out, string Err) Run(params string[] args) => RunWith(null, args);

    /// <param name="native">A natively compiled SiteGen to run instead of the test build's (see NativeBinary).</param>
    public static (int Code, string Out, string Err) RunWith(string? native, params string[] args)
    {
        using var p = StartWith(native, args);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    public static Process Start(params string[] args) => StartWith(null, args);

    public static Process StartWith(string? native, params string[] args)
    {
        var psi = new ProcessStartInfo(native ?? "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (native is null) psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SiteGen.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["SOURCE_DATE_EPOCH"] = SourceDateEpoch;
        return Process.Start(psi)!;
    }
}
