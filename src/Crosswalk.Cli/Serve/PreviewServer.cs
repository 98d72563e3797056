using System.Diagnostics;
using System.Net;
using System.Threading.Channels;
using Crosswalk.Cli.Output;
using Crosswalk.Pipeline;
using Crosswalk.Preview;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Crosswalk.Cli.Serve;

/// <summary>
/// The live preview: builds the site into memory, serves it over Kestrel (GET and HEAD only, no disk access), watches
/// the sources, rebuilds after a quiet period (one build at a time, coalescing changes) and tells open pages to reload
/// through server-sent events. Every HTML response carries the diagnostics overlay and the live-reload script.
/// </summary>
internal sealed class PreviewServer : IAsyncDisposable
{
    public const string Prefix = "/__crosswalk/";
    public const string LiveScriptPath = Prefix + "live.js";
    public const string EventsPath = Prefix + "events";
    public const string DiagnosticsPath = Prefix + "diagnostics";

    private readonly PreviewSite _site;
    private readonly PreviewServerOptions _options;
    private readonly TextWriter _stdout;
    private readonly TextWriter _stderr;
    private readonly EventHub _hub;
    private readonly PreviewRequests _requests;
    private readonly SiteWatcher _watcher;
    private readonly Lock _pendingLock = new();
    private readonly HashSet<string> _pending = new(StringComparer.Ordinal);
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _stopLock = new(1, 1);
    private bool _pendingFull;
    private TaskCompletionSource? _upcoming;
    // Quiet periods up to this long are slept on the rebuild loop's thread, not left to a timer.
    private static readonly TimeSpan PreciseWait = TimeSpan.FromMilliseconds(10);
    private bool _loopEnded;
    private long _firstPending;
    private long _lastPending;
    private WebApplication? _app;
    private Task? _loop;
    private int _rebuilds;
    private IReadOnlyList<Crosswalk.Diagnostics.Diagnostic>? _reported;

    public PreviewServer(BuildOptions options, TextWriter stdout, TextWriter stderr, PreviewServerOptions? serverOptions = null)
    {
        _options = serverOptions ?? new PreviewServerOptions();
        _site = new PreviewSite(options, _options.Incremental);
        _stdout = TextWriter.Synchronized(stdout);
        _stderr = TextWriter.Synchronized(stderr);
        _hub = new EventHub(_options.Heartbeat);
        _watcher = new SiteWatcher(OnChanged, OnOverflow, OnLost, _options.WatchPoll);
        _requests = new PreviewRequests(_site, _hub, _stderr, _stopping.Token);
    }

    /// <summary>The site in memory.</summary>
    public PreviewSite Site => _site;

    /// <summary>Version of the last build (0 before the first).</summary>
    public long Version => _site.Last?.Version ?? 0;

    /// <summary>A change the watcher reported is not rebuilt yet (requests for the site's files wait for it).</summary>
    public bool ChangePending => !_requests.Ready.IsCompleted;

    /// <summary>Rebuilds run since the first build.</summary>
    public int Rebuilds => Volatile.Read(ref _rebuilds);

    /// <summary>The URL the server answers on, once started.</summary>
    public Uri? Url { get; private set; }

    /// <summary>The bound endpoints, once started.</summary>
    public IReadOnlyList<IPEndPoint> Endpoints { get; private set; } = [];

    /// <summary>Open event streams.</summary>
    public int EventClients => _hub.Count;

    /// <summary>Completes when the server has stopped.</summary>
    public Task Completion => _stopped.Task;

    /// <summary>The first, full build; prints its diagnostics. The caller refuses to serve when site.yml is unusable.</summary>
    public PreviewBuild BuildInitial()
    {
        var sw = Stopwatch.StartNew();
        var build = _site.Rebuild();
        sw.Stop();
        Report(build, sw.Elapsed, initial: true);
        return build;
    }

    /// <summary>
    /// Builds (unless <see cref="BuildInitial"/> ran), binds <paramref name="host"/>:<paramref name="port"/> (0: a free port),
    /// starts watching and returns the URL. Cancelling <paramref name="cancellationToken"/> later stops the server.
    /// </summary>
    public async Task<Uri> StartAsync(string host, int port, CancellationToken cancellationToken = default)
    {
        if (!ServeHost.TryParse(host, out var address, out var error))
        {
            throw new ArgumentException(error, nameof(host));
        }
        if (!ServeHost.IsValidPort(port))
        {
            throw new ArgumentOutOfRangeException(nameof(port), port, "--port must be between 0 and 65535");
        }
        if (_app is not null)
        {
            throw new InvalidOperationException("The preview server is already started.");
        }
        if (_site.Last is null)
        {
            BuildInitial();
        }
        _requests.AllowsHost = ServeHost.AllowedHosts(address);
        if (!IPAddress.IsLoopback(address))
        {
            _stderr.WriteLine($"warning: serving on {address}: the preview is reachable from other machines, without authentication. Use the default --host 127.0.0.1 unless you mean it.");
        }

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "crosswalk-serve" });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(address, port);
        });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = _options.ShutdownTimeout);
        var app = builder.Build();
        app.Run(_requests.HandleAsync);
        _app = app;
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        Endpoints = addresses.Select(a => new Uri(a)).Select(u => new IPEndPoint(IPAddress.Parse(u.Host.Trim('[', ']')), u.Port)).ToList();
        var first = new Uri(addresses.First());
        Url = new UriBuilder(first.Scheme, first.Host, first.Port, "/").Uri;

        WarnUnwatched(_watcher.Watch(_site.WatchedPaths));
        _loop = Task.Run(() => RebuildLoopAsync(_stopping.Token), CancellationToken.None);
        cancellationToken.Register(() => _ = StopAsync());
        return Url;
    }

    /// <summary>Stops watching, ends the event streams and stops Kestrel; safe to call more than once.</summary>
    public async Task StopAsync()
    {
        await _stopLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_stopped.Task.IsCompleted)
            {
                return;
            }
            _watcher.Dispose();
            await _stopping.CancelAsync().ConfigureAwait(false);
            lock (_pendingLock)
            {
                // No rebuild is coming: requests waiting for one are answered (or end with the server).
                _loopEnded = true;
                _upcoming?.TrySetResult();
            }
            _hub.Complete();
            if (_app is not null)
            {
                using var timeout = new CancellationTokenSource(_options.ShutdownTimeout);
                try
                {
                    await _app.StopAsync(timeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                }
                await _app.DisposeAsync().ConfigureAwait(false);
            }
            if (_loop is not null)
            {
                try
                {
                    await _loop.WaitAsync(_options.ShutdownTimeout).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
                {
                }
            }
            _stopped.TrySetResult();
        }
        finally
        {
            _stopLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _hub.Dispose();
        _stopping.Dispose();
    }

    // ---------- watching and rebuilding ----------

    private void OnChanged(string path)
    {
        lock (_pendingLock)
        {
            var now = Stopwatch.GetTimestamp();
            if (_pending.Count == 0 && !_pendingFull)
            {
                _firstPending = now;
            }
            _pending.Add(path);
            _lastPending = now;
            Expect();
        }
        _signal.Writer.TryWrite(true);
    }

    // Under _pendingLock, before the rebuild loop is signalled (so that `changing` always comes before the rebuild's
    // `reload`): a change nobody waits for yet makes requests wait for the rebuild that will take it, and open pages
    // start reloading, so the browser's part of a reload (ending the old page, starting the navigation) overlaps the
    // debounce and the rebuild. Once the loop has ended, nothing waits.
    private void Expect()
    {
        if (_upcoming is not null || _loopEnded)
        {
            return;
        }
        _upcoming = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _requests.Ready = _upcoming.Task;
        _hub.PublishEvent("changing", "{}");
    }

    private void OnOverflow(string message)
    {
        lock (_pendingLock)
        {
            if (_pending.Count == 0 && !_pendingFull)
            {
                _firstPending = Stopwatch.GetTimestamp();
            }
            _pendingFull = true;
            _lastPending = Stopwatch.GetTimestamp();
            Expect();
        }
        _stderr.WriteLine($"warning: file watcher: {message}; rebuilding everything");
        _signal.Writer.TryWrite(true);
    }

    // A watched folder went (message) or every one is back (null): said in the terminal and in the pages' overlay.
    private void OnLost(string? message)
    {
        _stderr.WriteLine(message is null ? "file watcher: every watched folder is back; watching again" : $"warning: file watcher: {message}");
        _requests.Notice = message is null ? null : $"serve is not watching: {message}";
        _hub.PublishEvent("reload", $"{{\"version\":{Version}}}");
    }

    private async Task RebuildLoopAsync(CancellationToken token)
    {
        try
        {
            var settle = false;
            while (true)
            {
                if (settle)
                {
                    // The generated files are written once the pages have had time to reload, so that writing them
                    // does not take the processor from the reload; a change coming first is rebuilt first. Still owed
                    // when that change turns out to be nothing to rebuild (its path was taken by the last rebuild).
                    var next = _signal.Reader.WaitToReadAsync(token).AsTask();
                    if (await Task.WhenAny(next, Task.Delay(_options.SettleDelay, token)).ConfigureAwait(false) != next)
                    {
                        settle = false;
                        Settle();
                        continue;
                    }
                }
                if (!await _signal.Reader.WaitToReadAsync(token).ConfigureAwait(false))
                {
                    break;
                }
                _signal.Reader.TryRead(out _);
                // Debounce: wait for a quiet period, but never longer than MaxDelay from the first change.
                while (true)
                {
                    TimeSpan wait;
                    TimeSpan sinceLast;
                    string[] paths;
                    lock (_pendingLock)
                    {
                        sinceLast = Stopwatch.GetElapsedTime(_lastPending);
                        var sinceFirst = Stopwatch.GetElapsedTime(_firstPending);
                        wait = sinceFirst >= _options.MaxDelay ? TimeSpan.Zero : _options.Debounce - sinceLast;
                        paths = wait <= TimeSpan.Zero && sinceFirst < _options.MaxDelay ? [.. _pending] : [];
                    }
                    if (wait <= TimeSpan.Zero && paths.Any(IsEmptyFile))
                    {
                        // A save that truncated the file and has not written it yet: an empty page would be shown
                        // (and the reader's scroll position lost) until the write's own rebuild.
                        wait = _options.TruncateGrace - sinceLast;
                    }
                    if (wait <= TimeSpan.Zero)
                    {
                        break;
                    }
                    if (wait <= PreciseWait)
                    {
                        // A timer's delay of 2 ms took 4-8 ms on a busy machine, longer than the rebuild it held up.
                        Thread.Sleep(wait);
                    }
                    else
                    {
                        await Task.Delay(wait, token).ConfigureAwait(false);
                    }
                }
                string[] changed;
                bool full;
                TaskCompletionSource? taken;
                lock (_pendingLock)
                {
                    changed = [.. _pending];
                    full = _pendingFull;
                    _pending.Clear();
                    _pendingFull = false;
                    taken = _upcoming;
                    _upcoming = null;
                }
                try
                {
                    if (changed.Length == 0 && !full)
                    {
                        continue;
                    }
                    if (_watcher.RestartPending)
                    {
                        // A folder deleted or moved may have taken OS watches with it: watch anew, and rebuild everything
                        // since a change made before the new watches were in place would otherwise be missed.
                        WarnUnwatched(_watcher.Restart());
                        full = true;
                    }
                    settle = RunRebuild(full ? null : changed, taken);
                }
                finally
                {
                    taken?.TrySetResult();
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            _stderr.WriteLine($"crosswalk: internal error in the rebuild loop: {ex.GetType().Name}: {ex.Message}; no more rebuilds until restarted");
        }
        finally
        {
            lock (_pendingLock)
            {
                // No rebuild is coming: requests waiting for one are answered with the site as it is.
                _loopEnded = true;
                _upcoming?.TrySetResult();
            }
        }
    }

    private static bool IsEmptyFile(string path)
    {
        try
        {
            return new FileInfo(path) is { Exists: true, Length: 0 };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return false;
        }
    }

    /// <summary>Rebuilds and announces the reload; true when generated files were left for <see cref="Settle"/>.</summary>
    private bool RunRebuild(IReadOnlyCollection<string>? changed, TaskCompletionSource? waiting)
    {
        if (_options.Verbose)
        {
            _stderr.WriteLine(changed is null ? "changed: (everything)" : "changed: " + string.Join(", ", changed.Select(Display)));
        }
        var sw = Stopwatch.StartNew();
        PreviewBuild build;
        try
        {
            build = _site.Rebuild(changed);
        }
        catch (Exception ex)
        {
            _stderr.WriteLine($"crosswalk: internal error during rebuild: {ex.GetType().Name}: {ex.Message}");
            if (_options.Verbose)
            {
                _stderr.WriteLine(ex.ToString());
            }
            // What an earlier build left for Settle is still owed.
            return _site.HasDeferred;
        }
        sw.Stop();
        Interlocked.Increment(ref _rebuilds);
        // The requests that waited for this build are answered before it is reported.
        waiting?.TrySetResult();
        _hub.PublishEvent("reload", $"{{\"version\":{build.Version}}}");
        Report(build, sw.Elapsed, initial: false);
        if (build.Full && !_stopping.IsCancellationRequested)
        {
            // A new site.yml may name other folders or catalogs.
            WarnUnwatched(_watcher.Watch(_site.WatchedPaths));
        }
        return _site.HasDeferred;
    }

    // Writes the generated files the last rebuild left until after the reload (search index, reviews page); a request
    // for one of them writes them first. What writing them reported is a rebuild of its own for the pages and terminal.
    private void Settle()
    {
        var sw = Stopwatch.StartNew();
        try
        {
            if (_site.Settle().Count > 0 && _site.Last is { } build)
            {
                _hub.PublishEvent("reload", $"{{\"version\":{build.Version}}}");
                Report(build, sw.Elapsed, initial: false);
            }
        }
        catch (Exception ex)
        {
            // As a rebuild that threw: said, and the loop goes on (a request for one of the files tries again).
            _stderr.WriteLine($"crosswalk: internal error writing the generated files: {ex.GetType().Name}: {ex.Message}");
        }
    }

    private void WarnUnwatched(IReadOnlyList<string> failed)
    {
        foreach (var path in failed)
        {
            _stderr.WriteLine($"warning: cannot watch '{path}'; changes to it need a restart");
        }
    }

    private void Report(PreviewBuild build, TimeSpan elapsed, bool initial)
    {
        var result = build.Result;
        var verbosity = _options.Verbose ? Verbosity.Verbose : Verbosity.Normal;
        var ms = (long)elapsed.TotalMilliseconds;
        var totals = $"{ConsoleReport.Count(result.Errors, "error")}, {ConsoleReport.Count(result.Warnings, "warning")}";
        if (initial || _reported is null)
        {
            _stdout.Write(ConsoleReport.Text(result.Diagnostics, verbosity));
            _stderr.WriteLine($"built {ConsoleReport.Count(build.RenderedPages, "page")} in {ms} ms: {totals}");
        }
        else
        {
            // The author is looking at one edit: what it broke or fixed, not the site's whole list again (the overlay has it).
            var changes = DiagnosticChanges.Between(_reported, result.Diagnostics);
            _stdout.Write(DiagnosticFormatter.Text(ConsoleReport.Listed(changes.Added, verbosity)));
            _stderr.WriteLine($"rebuilt {ConsoleReport.Count(build.RenderedPages, "page")} in {ms} ms: {changes.Summary()} (now {totals})");
        }
        _reported = result.Diagnostics;
        if (!initial && !result.ConfigUsable)
        {
            _stderr.WriteLine("site.yml is unusable: still serving the last good build");
        }
    }

    private static string Display(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative.Replace('\\', '/');
    }
}
