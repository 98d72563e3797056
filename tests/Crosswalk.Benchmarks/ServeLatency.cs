using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Crosswalk.Benchmarks;

/// <summary>Options of <c>serve-latency</c>.</summary>
internal sealed record ServeOptions(
    int Pages, int Edits, ulong Seed, string WorkDirectory, string? CrosswalkPath, bool NoBuild, bool ReadyToRun, int StartupTimeoutSeconds, string? TracePath);

/// <summary>
/// <c>serve-latency</c>: the preview as an author meets it. Starts <c>crosswalk serve --port 0</c> on a generated corpus,
/// opens the page it will edit in headless Chromium, then <c>Edits</c> times writes an edit into the page's .md file
/// and measures the time from the write to DOMContentLoaded of the page the live-reload script reloaded (both clocks
/// are the machine's real-time clock: the browser's is <c>performance.timeOrigin + performance.now()</c>), split into a
/// timeline: save to navigation start (the page reloads on serve's <c>changing</c> event), to the first byte (the
/// request waits for the rebuild), the HTML and its parse. Beside it, the time to the <c>reload</c> event on
/// <c>/__crosswalk/events</c> says when the rebuild was done (watcher, debounce, rebuild).
/// </summary>
internal sealed partial class ServeLatency(ServeOptions options, TextWriter log)
{
    public const double GoalMs = 50;

    private static readonly TimeSpan EditTimeout = TimeSpan.FromSeconds(30);

    // Records when the document reached DOMContentLoaded, on the real-time clock, before any page script runs.
    private const string RecordDomContentLoaded =
        "document.addEventListener('DOMContentLoaded', function () { window.__benchDcl = performance.timeOrigin + performance.now(); }, { once: true });";

    public async Task<int> ExecuteAsync()
    {
        if (!BenchChromium.Installed(log))
        {
            return 1;
        }
        var crosswalk = Tools.Crosswalk(options.CrosswalkPath, options.NoBuild, options.ReadyToRun, options.WorkDirectory, log);
        var corpus = Tools.Corpus(options.WorkDirectory, "serve", options.Pages, options.Seed);
        var corpusDir = corpus.Directory;
        var edit = PageEdit.Choose(corpusDir);
        log.WriteLine($"crosswalk: {crosswalk.Display}");
        log.WriteLine($"corpus: {corpus.Pages} pages in {corpusDir}; editing {edit.RelativePath}");

        await using var server = await ServeProcess.StartAsync(crosswalk, Path.Combine(corpusDir, "site.yml"), options.StartupTimeoutSeconds, log);
        if (server.Url is null)
        {
            return server.Exited ? 0 : 1;
        }
        try
        {
            using var events = await ReloadEvents.OpenAsync(server.Url);
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await BenchChromium.LaunchAsync(playwright);
            var page = await browser.NewPageAsync();
            var errors = BenchChromium.CollectErrors(page);
            await page.AddInitScriptAsync(RecordDomContentLoaded);
            await page.GotoAsync(server.Url.TrimEnd('/') + edit.Url, new() { WaitUntil = WaitUntilState.Load });
            // The live-reload script's event stream is open once its hello arrived; give it a moment.
            await Task.Delay(500);
            log.WriteLine($"browser: {browser.Version}, {page.Url}");

            var totals = new List<double>();
            var servers = new List<double>();
            // Save to the end of DOMContentLoaded's handlers (what a waiter on the event after the page's own sees).
            var handled = new List<double>();
            var phases = new List<double[]>();
            var failures = 0;
            ChromiumTrace? trace = null;
            // With --trace, one more edit after the measured ones: tracing slows the browser, so it is left out of the medians.
            var last = options.Edits + (options.TracePath is null ? 0 : 1);
            for (var i = 1; i <= last; i++)
            {
                events.Drain();
                var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                void OnLoaded(object? sender, IPage p) => loaded.TrySetResult();
                page.DOMContentLoaded += OnLoaded;
                var tracing = i > options.Edits;
                if (tracing)
                {
                    // This reload as Chromium's performance panel records it (open it in chrome://tracing or Perfetto):
                    // where the renderer's time between the request and DOMContentLoaded went.
                    trace = await ChromiumTrace.StartAsync(page);
                    // Starting a trace makes the open page restyle and paint once: let that frame pass before the save,
                    // or it shows in the trace as work of the reload.
                    await Task.Delay(TimeSpan.FromSeconds(1));
                }
                var bytes = PageEdit.Edited(edit.Original, i);
                var saved = RealTimeMs();
                var stamp = Stopwatch.GetTimestamp();
                await File.WriteAllBytesAsync(edit.CrosswalkFile, bytes);
                var done = await Task.WhenAny(loaded.Task, Task.Delay(EditTimeout));
                page.DOMContentLoaded -= OnLoaded;
                if (done != loaded.Task)
                {
                    failures++;
                    log.WriteLine($"  edit {i,2}: the page did not reload within {EditTimeout.TotalSeconds:F0} s");
                    continue;
                }
                if (tracing)
                {
                    await trace!.StopAsync(options.TracePath!);
                    log.WriteLine($"  edit {i,2}: trace written to {options.TracePath}");
                }
                var dcl = await page.EvaluateAsync<double>("window.__benchDcl || 0");
                // Where the browser's part went: navigation start, first byte, last byte of the HTML, DOMContentLoaded.
                var marks = await page.EvaluateAsync<double[]>(
                    "(() => { const n = performance.getEntriesByType('navigation')[0]; return [performance.timeOrigin, n.responseStart, n.responseEnd, n.domInteractive, n.domContentLoadedEventEnd]; })()");
                var shown = await page.EvaluateAsync<bool>("m => document.body.textContent.includes(m)", PageEdit.Marker(i));
                var total = dcl - saved;
                var toEvent = events.FirstAfter(stamp) is { } at ? Stopwatch.GetElapsedTime(stamp, at).TotalMilliseconds : double.NaN;
                if (!shown)
                {
                    failures++;
                    log.WriteLine($"  edit {i,2}: {total,7:F1} ms, but the reloaded page does not show the edit");
                }
                else
                {
                    var navigation = marks[0] - saved;
                    if (!tracing)
                    {
                        totals.Add(total);
                        servers.Add(toEvent);
                        handled.Add(marks[0] + marks[4] - saved);
                        phases.Add([navigation, marks[1], marks[2] - marks[1], marks[3] - marks[2], dcl - marks[0] - marks[3], marks[0] + marks[4] - dcl, toEvent]);
                    }
                    log.WriteLine($"  edit {i,2}{(tracing ? " (traced, not counted)" : "")}: {total,7:F1} ms (navigation starts {navigation,5:F1}, first byte +{marks[1],5:F1}, " +
                                  $"HTML +{marks[2] - marks[1],5:F1}, parsed +{marks[3] - marks[2],5:F1}, DOMContentLoaded +{dcl - marks[0] - marks[3],5:F1}, its handlers +{marks[0] + marks[4] - dcl,5:F1}; rebuilt at {toEvent,5:F1})");
                }
                // Let the rebuild and the reload settle before the next edit.
                await Task.Delay(300);
            }
            // The last reload's subresources, which the parse may wait for: when each was fetched, after navigation start.
            var resources = await page.EvaluateAsync<string[]>(
                "performance.getEntriesByType('resource').map(r => new URL(r.name).pathname + ' ' + r.startTime.toFixed(1) + '-' + r.responseEnd.toFixed(1) + ' ms')");
            log.WriteLine("  last reload's subresources: " + string.Join(", ", resources));
            foreach (var e in errors.Distinct().Take(5))
            {
                log.WriteLine($"  page error: {e}");
            }
            foreach (var line in server.RebuildLines.TakeLast(3))
            {
                log.WriteLine($"  serve: {line}");
            }
            if (totals.Count == 0)
            {
                log.WriteLine("no edit reloaded the page");
                return 1;
            }
            var median = BenchmarkReport.Median(totals);
            log.WriteLine($"serve save-to-DOMContentLoaded at {corpus.Pages} pages: median {median:F1} ms " +
                          $"(min {totals.Min():F1}, max {totals.Max():F1}, {totals.Count} edits, {failures} failed); " +
                          $"the rebuild's reload event came at a median {BenchmarkReport.Median(servers.Where(double.IsFinite)):F1} ms; " +
                          $"DOMContentLoaded's handlers were done at a median {BenchmarkReport.Median(handled):F1} ms");
            string[] names = ["save to navigation start", "navigation to first byte", "HTML transfer", "HTML parsed", "to DOMContentLoaded", "its handlers", "(save to the reload event)"];
            log.WriteLine("medians of the parts: " + string.Join(", ", names.Select((n, k) => $"{n} {BenchmarkReport.Median(phases.Select(p => p[k]).Where(double.IsFinite)):F1} ms")));
            log.WriteLine($"goal (issue 18): median <= {GoalMs:F0} ms at 10000 pages: {(median <= GoalMs ? "PASS" : "FAIL")}");
            return failures == 0 ? 0 : 1;
        }
        finally
        {
            await File.WriteAllBytesAsync(edit.CrosswalkFile, edit.Original);
        }
    }

    /// <summary>Milliseconds since the Unix epoch on the real-time clock, as the browser's <c>timeOrigin + now()</c>.</summary>
    private static double RealTimeMs() => (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/?")]
    private static partial Regex UrlPattern();

    /// <summary>The <c>crosswalk serve</c> child process: its URL once printed, and its "rebuilt ..." lines.</summary>
    private sealed class ServeProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly List<string> _stderr = [];

        private ServeProcess(Process process) => _process = process;

        public string? Url { get; private set; }

        public bool Exited => _process.HasExited;

        public IReadOnlyList<string> RebuildLines
        {
            get
            {
                lock (_stderr)
                {
                    return _stderr.Where(l => l.StartsWith("rebuilt ", StringComparison.Ordinal)).ToList();
                }
            }
        }

        public static async Task<ServeProcess> StartAsync(Launcher crosswalk, string config, int timeoutSeconds, TextWriter log)
        {
            var psi = new ProcessStartInfo(crosswalk.FileName) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in crosswalk.With("serve", "--config", config, "--port", "0"))
            {
                psi.ArgumentList.Add(a);
            }
            var server = new ServeProcess(new Process { StartInfo = psi });
            var url = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            server._process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is not null && UrlPattern().Match(e.Data) is { Success: true } m)
                {
                    url.TrySetResult(m.Value);
                }
            };
            server._process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is not null)
                {
                    lock (server._stderr)
                    {
                        server._stderr.Add(e.Data);
                    }
                }
            };
            var startup = Stopwatch.StartNew();
            server._process.Start();
            server._process.BeginOutputReadLine();
            server._process.BeginErrorReadLine();
            var exited = server._process.WaitForExitAsync();
            var first = await Task.WhenAny(url.Task, exited, Task.Delay(TimeSpan.FromSeconds(timeoutSeconds)));
            if (first == url.Task)
            {
                server.Url = url.Task.Result;
                log.WriteLine($"serve: {server.Url} (ready after {startup.Elapsed.TotalSeconds:F2} s)");
            }
            else if (exited.IsCompleted)
            {
                log.WriteLine($"serve not available (crosswalk serve exited with {server._process.ExitCode} before printing a URL)");
                lock (server._stderr)
                {
                    foreach (var line in server._stderr.TakeLast(5))
                    {
                        log.WriteLine("  " + line);
                    }
                }
            }
            else
            {
                log.WriteLine($"crosswalk serve printed no http://127.0.0.1:PORT URL within {timeoutSeconds} s");
            }
            return server;
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
            _process.Dispose();
        }
    }
}
