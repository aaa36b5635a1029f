using System.Runtime.InteropServices;
using SiteGen.Serve;

namespace SiteGen.Commands;

/// <summary>`SiteGen serve`: the preview server until Ctrl+C or `kill`.</summary>
public static class ServeCommand
{
    public static int Run(BuildOptions options, int port, string basePath, TextWriter stdout)
    {
        using var stop = new CancellationTokenSource();
        // Ctrl+C or `kill` stops the server cleanly ("Stopped.", exit 0); Kestrel runs without the hosting defaults that
        // would otherwise listen for them.
        using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        void Stop(PosixSignalContext signal)
        {
            signal.Cancel = true;
            stop.Cancel();
        }
        return DevServer.RunAsync(options, port, basePath, stdout, stop.Token).GetAwaiter().GetResult();
    }
}
