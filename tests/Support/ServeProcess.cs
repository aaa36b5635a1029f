using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SiteGen.Tests.Support;

/// <summary>`SiteGen serve` running as its own process on a free port, with its console output collected.</summary>
public sealed class ServeProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    public int Port { get; }
    public HttpClient Http { get; }

    /// <param name="native">A natively compiled SiteGen to run instead of the test build's.</param>
    public ServeProcess(string root, string basePath = "/", int? port = null, string? native = null)
    {
        Port = port ?? FreePort();
        _process = CliRunner.StartWith(native, "serve", "--root", root, "--port", Port.ToString(), "--base-path", basePath);
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) _lines.Enqueue(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _lines.Enqueue(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(20) };
        WaitForLine(l => l.StartsWith("Serving "));
    }

    public string Output => string.Join("\n", _lines);

    /// <summary>What Ctrl+C sends; returns the exit code.</summary>
    public int Interrupt()
    {
        using (var kill = Process.Start("kill", ["-INT", _process.Id.ToString()])) kill.WaitForExit();
        if (!_process.WaitForExit(15_000)) throw new Xunit.Sdk.XunitException("serve did not stop on SIGINT. Output:\n" + Output);
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>Waits (bounded) for a console line; fails the test with the output so far if it never comes.</summary>
    public string WaitForLine(Func<string, bool> match, int seconds = 30)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            if (_lines.FirstOrDefault(match) is { } line) return line;
            if (_process.HasExited) break;
            Thread.Sleep(20);
        }
        throw new Xunit.Sdk.XunitException("serve never printed the expected line. Output:\n" + Output);
    }

    /// <summary>Reads the event stream until an event of that name arrives; returns its data.</summary>
    public static async Task<string> NextEvent(StreamReader events, string name)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        string? current = null;
        while (await events.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("event: ")) current = line[7..];
            else if (line.StartsWith("data: ") && current == name) return line[6..];
        }
        throw new Xunit.Sdk.XunitException($"the event stream ended before a '{name}' event");
    }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public void Dispose()
    {
        Http.Dispose();
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
    }
}
