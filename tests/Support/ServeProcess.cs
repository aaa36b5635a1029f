using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SiteGen.Tests.Support;

/// <summary>`SiteGen serve` running as its own process on a free port, with its console output collected.</summary>
public sealed class ServeProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = new();
    public int Port { get; }
    public HttpClient Http { get; }

    /// <param name="native">A natively compiled SiteGen to run instead of the test build's.</param>
    public ServeProcess(string root, string basePath = "/", int? port = null, string? native = null)
    {
        Port = port ?? FreePort();
        _process = CliRunner.StartWith(native, "serve", "--root", root, "--port", Port.ToString(), "--base-path", basePath);
        _process.OutputDataReceived += (_, e) => Received(e.Data);
        _process.ErrorDataReceived += (_, e) => Received(e.Data);
        _process.Exited += (_, _) => Received(null);
        _process.EnableRaisingEvents = true;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(20) };
        WaitForLine(l => l.StartsWith("Serving "));
    }

    public string Output
    {
        get { lock (_lines) return string.Join("\n", _lines); }
    }

    /// <summary>A line arrived (or, with null, the process ended): wakes whoever waits for one.</summary>
    private void Received(string? line)
    {
        lock (_lines)
        {
            if (line is not null) _lines.Add(line);
            Monitor.PulseAll(_lines);
        }
    }

    /// <summary>What Ctrl+C sends; returns the exit code.</summary>
    public int Interrupt()
    {
        using (var kill = Process.Start("kill", ["-INT", _process.Id.ToString()])) kill.WaitForExit();
        // Bounded only so a server that never stops fails the test instead of hanging it: the bound is the same minute
        // the line waits allow (15 s was too short for three serve tests in a full run at a load average of 40).
        if (!_process.WaitForExit(60_000)) throw new Xunit.Sdk.XunitException("serve did not stop on SIGINT within a minute. Output:\n" + Output);
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>
    /// Waits for a console line as it arrives (woken by each new line, bounded so a test that will never see it
    /// fails with the output instead of hanging).
    /// </summary>
    public string WaitForLine(Func<string, bool> match, int seconds = 60)
    {
        var deadline = Stopwatch.StartNew();
        lock (_lines)
        {
            while (true)
            {
                if (_lines.FirstOrDefault(match) is { } line) return line;
                var left = TimeSpan.FromSeconds(seconds) - deadline.Elapsed;
                if (_process.HasExited || left <= TimeSpan.Zero || !Monitor.Wait(_lines, left)) break;
            }
        }
        throw new Xunit.Sdk.XunitException("serve never printed the expected line. Output:\n" + Output);
    }

    /// <summary>
    /// Reads the event stream until an event of that name (and, if given, whose data matches) arrives; returns its data.
    /// An editor's save can reach the watcher half written, so a test waits for the event it expects, not the first.
    /// </summary>
    public static async Task<string> NextEvent(StreamReader events, string name, Func<string, bool>? matching = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        string? current = null;
        while (await events.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("event: ")) current = line[7..];
            else if (line.StartsWith("data: ") && current == name && (matching?.Invoke(line[6..]) ?? true)) return line[6..];
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
