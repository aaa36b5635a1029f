using System.Diagnostics;
using System.Runtime.InteropServices;

namespace SiteGen.Tests.Support;

/// <summary>
/// The release build, published once for the tests that use it: `dotnet publish -c Release -r &lt;rid&gt;`, which compiles
/// the tool ahead of time and trims it (see SiteGen.csproj). Published from a copy of the project's sources, so the
/// repository's own bin/ and obj/ are left as they were.
/// </summary>
public sealed class NativeBinary : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sitegen-native-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>The native executable.</summary>
    public string Executable { get; }

    public NativeBinary()
    {
        var source = Path.Combine(_dir, "src");
        File.Copy(Path.Combine(Repo.Root, "SiteGen.csproj"), Path.Combine(Directory.CreateDirectory(source).FullName, "SiteGen.csproj"));
        Disk.CopyTree(Path.Combine(Repo.Root, "src"), Path.Combine(source, "src"));
        var output = Path.Combine(_dir, "bin");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "publish", Path.Combine(source, "SiteGen.csproj"), "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier,
                     "-o", output, "--nologo", "-nodeReuse:false",
                     // Without debugging symbols (a side file the tool never reads): a fifth less compile and link time.
                     "-p:DebugType=none", "-p:DebugSymbols=false" })
            psi.ArgumentList.Add(a);
        using var publish = Process.Start(psi)!;
        var stdout = publish.StandardOutput.ReadToEndAsync();
        var stderr = publish.StandardError.ReadToEndAsync();
        publish.WaitForExit();
        if (publish.ExitCode != 0)
            throw new InvalidOperationException($"dotnet publish failed ({publish.ExitCode}):\n{stdout.Result}\n{stderr.Result}");
        Executable = Path.Combine(output, "SiteGen");
        // What makes this the native build and not a JIT one: no managed SiteGen.dll beside it.
        if (!File.Exists(Executable) || File.Exists(Path.Combine(output, "SiteGen.dll")))
            throw new InvalidOperationException("the release publish did not produce a native SiteGen:\n" + stdout.Result);
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
