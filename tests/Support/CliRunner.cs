using System.Diagnostics;

namespace SiteGen.Tests.Support;

/// <summary>Runs the compiled tool as a separate process, as a user would.</summary>
public static class CliRunner
{
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
        return Process.Start(psi)!;
    }
}
