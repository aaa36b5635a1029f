using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SiteGen.Serve;

namespace SiteGen.Benchmarks;

/// <summary>
/// From a saved edit to the reloaded page being available: `serve` runs on a copy of a site (the companion site, or
/// another such as the synthetic corpus), the benchmark saves a file, waits for the reload event, fetches the page
/// and checks the new text is there.
/// </summary>
public static class ServeLatency
{
    /// <param name="site">The site to copy (site.yml, content/, templates/).</param>
    /// <param name="pagePath">The English page edited and fetched, relative to content/en/.</param>
    public static async Task<int> RunAsync(string site, int runs, string pagePath = "themes/chips.md")
    {
        var root = Paths.CopySite(site);
        var port = FreePort();
        using var stop = new CancellationTokenSource();
        var log = new LogLines();
        var server = DevServer.RunAsync(new BuildOptions { Root = root }, port, "/", log, stop.Token);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var page = $"http://127.0.0.1:{port}/en/{pagePath[..^".md".Length]}/";
        while (true) { try { await http.GetStringAsync(page); break; } catch (HttpRequestException) { await Task.Delay(50); } }
        // As the page's live-reload script does: it says which page it shows.
        using var events = new StreamReader(await http.GetStreamAsync($"http://127.0.0.1:{port}/{LiveReload.EventsPath}?page={Uri.EscapeDataString(new Uri(page).AbsolutePath)}"));

        var content = Path.Combine(root, "content/en", pagePath);
        var template = Path.Combine(root, "templates/partials/footer.html");
        List<double> contentTimes = [], templateTimes = [], contentCpu = [], templateCpu = [];
        var originalContent = await File.ReadAllTextAsync(content);
        var originalTemplate = await File.ReadAllTextAsync(template);
        for (var i = 0; i < runs; i++)
        {
            // A paragraph added at the end of the page's text: a body edit, as typing in any page is.
            var (wall, cpu) = await Measure(http, events, log, page, content, originalContent.TrimEnd() + $"\n\nEdited {i} times.\n", $"Edited {i} times.");
            contentTimes.Add(wall);
            contentCpu.Add(cpu);
            (wall, cpu) = await Measure(http, events, log, page, template, originalTemplate.Replace("</footer>", $"<p>edit {i}</p></footer>"), $"edit {i}");
            templateTimes.Add(wall);
            templateCpu.Add(cpu);
        }
        await stop.CancelAsync();
        await server;
        Directory.Delete(root, recursive: true);
        Console.WriteLine($"save → reloaded page available, {site}, en/{pagePath}, {runs} runs each, {Environment.ProcessorCount} cores:");
        Console.WriteLine($"  content edit:  median {Median(contentTimes):0} ms, min {contentTimes.Min():0} ms, max {contentTimes.Max():0} ms; CPU time median {Median(contentCpu):0} ms");
        Console.WriteLine($"  template edit: median {Median(templateTimes):0} ms, min {templateTimes.Min():0} ms, max {templateTimes.Max():0} ms; CPU time median {Median(templateCpu):0} ms");
        return 0;
    }

    /// <returns>The wall time, and the CPU time of the whole process (all its threads: a figure that a machine shared with
    /// other work disturbs less than the wall time).</returns>
    private static async Task<(double Wall, double Cpu)> Measure(HttpClient http, StreamReader events, LogLines log, string page, string file, string text, string expect)
    {
        var rebuilt = log.Next(line => line.Contains(": rebuilt in "));
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await File.WriteAllTextAsync(file, text);
        // A save can reach the watcher half written (truncated, then written): a reload for that state may come first.
        string html;
        do
        {
            while (await events.ReadLineAsync() is { } line && !line.StartsWith("event: reload")) { }
            html = await http.GetStringAsync(page);
        } while (!html.Contains(expect));
        clock.Stop();
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        // The next save comes after this one's full build, as an author's next edit usually does: measured while that
        // build still ran, each preview shared the cores with it.
        await rebuilt;
        return (clock.Elapsed.TotalMilliseconds, cpuUsed.TotalMilliseconds);
    }

    private static double Median(List<double> xs)
    {
        var s = xs.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var p = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return p;
    }

    /// <summary>serve's log, line by line, to wait for the line that says a full build has finished.</summary>
    private sealed class LogLines : TextWriter
    {
        private readonly List<(Func<string, bool> Match, TaskCompletionSource Done)> _waiting = new();
        private readonly System.Text.StringBuilder _line = new();
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public Task Next(Func<string, bool> match)
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_waiting) _waiting.Add((match, done));
            return done.Task;
        }

        public override void Write(char value)
        {
            lock (_waiting)
            {
                if (value != '\n') { _line.Append(value); return; }
                var line = _line.ToString();
                _line.Clear();
                foreach (var w in _waiting.Where(w => w.Match(line)).ToList())
                {
                    w.Done.SetResult();
                    _waiting.Remove(w);
                }
            }
        }
    }
}
