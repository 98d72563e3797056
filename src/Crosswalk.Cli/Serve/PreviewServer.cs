using System.Diagnostics;
using System.Net;
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
    private readonly ChangeQueue _changes;
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _stopLock = new(1, 1);
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
        // Open pages start reloading at the first change and their requests wait for its rebuild, so the browser's
        // part of a reload (ending the old page, starting the navigation) overlaps the quiet period and the rebuild.
        _changes = new ChangeQueue(_options, rebuilt =>
        {
            _requests.Ready = rebuilt;
            _hub.PublishEvent("changing", "{}");
        });
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
            _changes.End();
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

    private void OnChanged(string path) => _changes.Add(path);

    private void OnOverflow(string message)
    {
        _changes.AddEverything();
        _stderr.WriteLine($"warning: file watcher: {message}; rebuilding everything");
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
                    var next = _changes.WaitToReadAsync(token);
                    if (await Task.WhenAny(next, Task.Delay(_options.SettleDelay, token)).ConfigureAwait(false) != next)
                    {
                        settle = false;
                        Settle();
                        continue;
                    }
                }
                if (!await _changes.WaitAsync(token).ConfigureAwait(false))
                {
                    break;
                }
                var batch = _changes.Take();
                try
                {
                    if (batch.IsEmpty)
                    {
                        continue;
                    }
                    var full = batch.Full;
                    if (_watcher.RestartPending)
                    {
                        // A folder deleted or moved may have taken OS watches with it: watch anew, and rebuild everything
                        // since a change made before the new watches were in place would otherwise be missed.
                        WarnUnwatched(_watcher.Restart());
                        full = true;
                    }
                    settle = RunRebuild(full ? null : batch.Paths, batch.Done);
                }
                finally
                {
                    batch.Done?.TrySetResult();
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
            _changes.End();
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
