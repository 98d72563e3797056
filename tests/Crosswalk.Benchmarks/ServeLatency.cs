using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Threading.Channels;

namespace Crosswalk.Benchmarks;

/// <summary>Options of <c>serve-latency</c>.</summary>
internal sealed record ServeOptions(int Pages, int Edits, ulong Seed, string WorkDirectory, string? CrosswalkPath, bool NoBuild, bool ReadyToRun, int StartupTimeoutSeconds);

/// <summary>
/// <c>serve-latency</c>: starts <c>crosswalk serve --port 0</c> on a generated corpus, listens to the
/// server-sent events at <c>/__crosswalk/events</c>, appends a line to one page <c>Edits</c> times and
/// measures the time from each write to the next <c>event: reload</c>.
/// </summary>
internal sealed partial class ServeLatency(ServeOptions options, TextWriter log)
{
    private static readonly TimeSpan EditTimeout = TimeSpan.FromSeconds(30);

    public async Task<int> ExecuteAsync()
    {
        var work = Path.GetFullPath(options.WorkDirectory);
        Directory.CreateDirectory(work);
        var crosswalk = Tools.Crosswalk(options.CrosswalkPath, options.NoBuild, options.ReadyToRun, options.WorkDirectory, log);
        var corpusDir = Path.Combine(work, string.Create(CultureInfo.InvariantCulture, $"serve-corpus-{options.Pages}"));
        var corpus = CorpusGenerator.Generate(options.Pages, options.Seed, corpusDir);
        log.WriteLine($"corpus: {corpus.Pages} pages in {corpusDir}");

        // A leaf page in the middle of the site: rebuilding it touches its links and the pages linking to it.
        var page = Directory.EnumerateFiles(Path.Combine(corpusDir, "content"), "*.md", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "index.md")
            .Order(StringComparer.Ordinal)
            .ElementAtOrDefault(corpus.Pages / 2)
            ?? Path.Combine(corpusDir, "content", "index.md");
        var original = await File.ReadAllBytesAsync(page);

        var psi = new ProcessStartInfo(crosswalk.FileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in crosswalk.With("serve", "--config", Path.Combine(corpusDir, "site.yml"), "--port", "0"))
        {
            psi.ArgumentList.Add(a);
        }

        using var server = new Process { StartInfo = psi };
        var url = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stderrTail = new List<string>();
        server.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null && UrlPattern().Match(e.Data) is { Success: true } m)
            {
                url.TrySetResult(m.Value);
            }
        };
        server.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (stderrTail)
                {
                    stderrTail.Add(e.Data);
                }
            }
        };
        var startup = Stopwatch.StartNew();
        server.Start();
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            var exited = server.WaitForExitAsync();
            var first = await Task.WhenAny(url.Task, exited, Task.Delay(TimeSpan.FromSeconds(options.StartupTimeoutSeconds)));
            if (first != url.Task)
            {
                if (exited.IsCompleted)
                {
                    log.WriteLine($"serve not available (crosswalk serve exited with {server.ExitCode} before printing a URL)");
                    lock (stderrTail)
                    {
                        foreach (var line in stderrTail.TakeLast(5))
                        {
                            log.WriteLine("  " + line);
                        }
                    }
                    return 0;
                }
                log.WriteLine($"crosswalk serve printed no http://127.0.0.1:PORT URL within {options.StartupTimeoutSeconds} s");
                return 1;
            }
            var baseUrl = url.Task.Result;
            log.WriteLine($"serve: {baseUrl} (ready after {startup.Elapsed.TotalSeconds:F2} s); editing {Path.GetRelativePath(corpusDir, page)}");

            using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            using var cts = new CancellationTokenSource();
            using var response = await http.GetAsync(baseUrl.TrimEnd('/') + "/__crosswalk/events", HttpCompletionOption.ResponseHeadersRead, cts.Token);
            if (!response.IsSuccessStatusCode)
            {
                log.WriteLine($"serve not available (GET /__crosswalk/events answered {(int)response.StatusCode})");
                return 0;
            }
            var events = Channel.CreateUnbounded<long>();
            var reader = ReadEventsAsync(await response.Content.ReadAsStreamAsync(cts.Token), events.Writer, cts.Token);

            var latencies = new List<double>();
            var timeouts = 0;
            for (var i = 1; i <= options.Edits; i++)
            {
                while (events.Reader.TryRead(out _))
                {
                    // Drop reloads that belong to an earlier edit.
                }
                var stamp = string.Create(CultureInfo.InvariantCulture, $"\nBenchmark edit {i}.\n");
                var before = Stopwatch.GetTimestamp();
                await File.AppendAllTextAsync(page, stamp, cts.Token);
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cts.Token);
                wait.CancelAfter(EditTimeout);
                try
                {
                    var arrived = await events.Reader.ReadAsync(wait.Token);
                    var ms = Stopwatch.GetElapsedTime(before, arrived).TotalMilliseconds;
                    latencies.Add(ms);
                    log.WriteLine($"  edit {i,2}: {ms,8:F1} ms");
                }
                catch (OperationCanceledException) when (!cts.IsCancellationRequested)
                {
                    timeouts++;
                    log.WriteLine($"  edit {i,2}: no 'event: reload' within {EditTimeout.TotalSeconds:F0} s");
                }
                catch (ChannelClosedException)
                {
                    log.WriteLine("  the event stream closed");
                    break;
                }
                // Let debouncing and the rebuild settle before the next edit.
                await Task.Delay(250, cts.Token);
            }
            await cts.CancelAsync();
            try
            {
                await reader;
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or HttpRequestException)
            {
            }

            if (latencies.Count == 0)
            {
                log.WriteLine("no reload events arrived");
                return 1;
            }
            log.WriteLine($"serve edit-to-reload at {corpus.Pages} pages: median {BenchmarkRunner.Median(latencies):F1} ms " +
                          $"(min {latencies.Min():F1}, max {latencies.Max():F1}, {latencies.Count} edits, {timeouts} timeouts)");
            return timeouts == 0 ? 0 : 1;
        }
        finally
        {
            await File.WriteAllBytesAsync(page, original);
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }
        }
    }

    /// <summary>Writes the timestamp of every <c>event: reload</c> line of the SSE stream.</summary>
    private static async Task ReadEventsAsync(Stream stream, ChannelWriter<long> writer, CancellationToken token)
    {
        using var lines = new StreamReader(stream);
        while (!token.IsCancellationRequested && await lines.ReadLineAsync(token) is { } line)
        {
            if (line.Trim() == "event: reload")
            {
                writer.TryWrite(Stopwatch.GetTimestamp());
            }
        }
        writer.TryComplete();
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/?")]
    private static partial Regex UrlPattern();
}
