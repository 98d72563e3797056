using System.Diagnostics;
using System.Net;
using System.Text;
using System.Threading.Channels;
using Crosswalk.Cli.Output;
using Crosswalk.Pipeline;
using Crosswalk.Preview;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
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
    private const string Allowed = "GET, HEAD";

    private static readonly byte[] LiveScript = Encoding.UTF8.GetBytes(LiveReloadScript.Source);

    private readonly PreviewSite _site;
    private readonly PreviewServerOptions _options;
    private readonly TextWriter _stdout;
    private readonly TextWriter _stderr;
    private readonly EventHub _hub;
    private readonly SiteWatcher _watcher;
    private readonly Lock _pendingLock = new();
    private readonly HashSet<string> _pending = new(StringComparer.Ordinal);
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _stopLock = new(1, 1);
    private bool _pendingFull;
    private long _firstPending;
    private long _lastPending;
    private WebApplication? _app;
    private Task? _loop;
    private bool _loopbackOnly = true;
    private int _rebuilds;

    public PreviewServer(BuildOptions options, TextWriter stdout, TextWriter stderr, PreviewServerOptions? serverOptions = null)
    {
        _options = serverOptions ?? new PreviewServerOptions();
        _site = new PreviewSite(options, _options.Incremental);
        _stdout = TextWriter.Synchronized(stdout);
        _stderr = TextWriter.Synchronized(stderr);
        _hub = new EventHub(_options.Heartbeat);
        _watcher = new SiteWatcher(OnChanged, OnOverflow);
    }

    /// <summary>The site in memory.</summary>
    public PreviewSite Site => _site;

    /// <summary>Version of the last build (0 before the first).</summary>
    public long Version => _site.Last?.Version ?? 0;

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
        _loopbackOnly = IPAddress.IsLoopback(address);
        if (!_loopbackOnly)
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
        app.Run(HandleAsync);
        _app = app;
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        Endpoints = addresses.Select(a => new Uri(a)).Select(u => new IPEndPoint(IPAddress.Parse(u.Host.Trim('[', ']')), u.Port)).ToList();
        var first = new Uri(addresses.First());
        Url = new UriBuilder(first.Scheme, first.Host, first.Port, "/").Uri;

        foreach (var failed in _watcher.Watch(_site.WatchedPaths))
        {
            _stderr.WriteLine($"warning: cannot watch '{failed}'; changes to it need a restart");
        }
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
        }
        _signal.Writer.TryWrite(true);
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
        }
        _stderr.WriteLine($"warning: file watcher: {message}; rebuilding everything");
        _signal.Writer.TryWrite(true);
    }

    private async Task RebuildLoopAsync(CancellationToken token)
    {
        try
        {
            while (await _signal.Reader.WaitToReadAsync(token).ConfigureAwait(false))
            {
                _signal.Reader.TryRead(out _);
                // Debounce: wait for a quiet period, but never longer than MaxDelay from the first change.
                while (true)
                {
                    TimeSpan wait;
                    lock (_pendingLock)
                    {
                        var sinceLast = Stopwatch.GetElapsedTime(_lastPending);
                        var sinceFirst = Stopwatch.GetElapsedTime(_firstPending);
                        wait = sinceFirst >= _options.MaxDelay ? TimeSpan.Zero : _options.Debounce - sinceLast;
                    }
                    if (wait <= TimeSpan.Zero)
                    {
                        break;
                    }
                    await Task.Delay(wait, token).ConfigureAwait(false);
                }
                string[] changed;
                bool full;
                lock (_pendingLock)
                {
                    changed = [.. _pending];
                    full = _pendingFull;
                    _pending.Clear();
                    _pendingFull = false;
                }
                if (changed.Length == 0 && !full)
                {
                    continue;
                }
                RunRebuild(full ? null : changed);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
    }

    private void RunRebuild(IReadOnlyCollection<string>? changed)
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
            return;
        }
        sw.Stop();
        Interlocked.Increment(ref _rebuilds);
        _hub.PublishEvent("reload", $"{{\"version\":{build.Version}}}");
        Report(build, sw.Elapsed, initial: false);
        if (build.Full && !_stopping.IsCancellationRequested)
        {
            // A new site.yml may name other folders or catalogs.
            foreach (var failed in _watcher.Watch(_site.WatchedPaths))
            {
                _stderr.WriteLine($"warning: cannot watch '{failed}'; changes to it need a restart");
            }
        }
    }

    private void Report(PreviewBuild build, TimeSpan elapsed, bool initial)
    {
        var result = build.Result;
        var text = DiagnosticFormatter.Text(result.Diagnostics);
        if (text.Length > 0)
        {
            _stdout.Write(text);
        }
        var ms = (long)elapsed.TotalMilliseconds;
        _stderr.WriteLine(initial
            ? $"built in {ms} ms: {build.RenderedPages} pages rendered, {result.Errors} errors, {result.Warnings} warnings"
            : $"rebuilt in {ms} ms: {build.RenderedPages} pages re-rendered, {result.Errors} errors, {result.Warnings} warnings");
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

    // ---------- HTTP ----------

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "no-store";
        response.Headers["Referrer-Policy"] = "no-referrer";
        try
        {
            var head = HttpMethods.IsHead(request.Method);
            if (!head && !HttpMethods.IsGet(request.Method))
            {
                response.Headers.Allow = Allowed;
                await PlainAsync(context, StatusCodes.Status405MethodNotAllowed, "405 Method Not Allowed: the preview answers only GET and HEAD.\n", head: false).ConfigureAwait(false);
                return;
            }
            if (_loopbackOnly && !ServeHost.IsLoopbackName(request.Host.Host ?? ""))
            {
                // A page elsewhere that rebinds its own name to 127.0.0.1 must not read the preview.
                await PlainAsync(context, StatusCodes.Status403Forbidden, "403 Forbidden: unexpected Host header.\n", head).ConfigureAwait(false);
                return;
            }
            var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value;
            if (!RequestPath.TryNormalize(raw, out var path))
            {
                await PlainAsync(context, StatusCodes.Status400BadRequest, "400 Bad Request: path refused.\n", head).ConfigureAwait(false);
                return;
            }
            switch (path)
            {
                case LiveScriptPath:
                    await BytesAsync(context, StatusCodes.Status200OK, "text/javascript; charset=utf-8", LiveScript, head).ConfigureAwait(false);
                    return;
                case DiagnosticsPath:
                    await BytesAsync(context, StatusCodes.Status200OK, "application/json; charset=utf-8", DiagnosticsJson.Format(_site.Last), head).ConfigureAwait(false);
                    return;
                case EventsPath:
                    await EventsAsync(context, head).ConfigureAwait(false);
                    return;
            }
            if (!path.StartsWith(Prefix, StringComparison.Ordinal))
            {
                var file = RequestPath.ToFile(path);
                if (_site.TryGetFile(file, out var content))
                {
                    await FileAsync(context, StatusCodes.Status200OK, file, content, head).ConfigureAwait(false);
                    return;
                }
                if (!path.EndsWith('/') && _site.TryGetFile(path[1..] + "/index.html", out _))
                {
                    // As a static host does: /a/b -> /a/b/ (relative links on the page resolve against the folder).
                    var location = string.Join('/', path.Split('/').Select(Uri.EscapeDataString)) + "/" + request.QueryString.ToUriComponent();
                    response.Headers.Location = location;
                    await PlainAsync(context, StatusCodes.Status301MovedPermanently, $"Moved to {location}\n", head).ConfigureAwait(false);
                    return;
                }
            }
            await NotFoundAsync(context, head).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested || _stopping.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _stderr.WriteLine($"crosswalk: error serving {request.Path}: {ex.GetType().Name}: {ex.Message}");
            if (!response.HasStarted)
            {
                response.Clear();
                response.Headers.XContentTypeOptions = "nosniff";
                await PlainAsync(context, StatusCodes.Status500InternalServerError, "500 Internal Server Error\n", head: false).ConfigureAwait(false);
            }
        }
    }

    private Task NotFoundAsync(HttpContext context, bool head) =>
        _site.TryGetFile("404.html", out var page)
            ? FileAsync(context, StatusCodes.Status404NotFound, "404.html", page, head)
            : PlainAsync(context, StatusCodes.Status404NotFound, "404 Not Found\n", head);

    private Task FileAsync(HttpContext context, int status, string file, byte[] content, bool head)
    {
        if (ContentTypes.IsHtml(file))
        {
            var last = _site.Last;
            content = HtmlInjector.Inject(content, last?.Version ?? 0, last?.Result.Diagnostics ?? []);
        }
        return BytesAsync(context, status, ContentTypes.For(file), content, head);
    }

    private static Task PlainAsync(HttpContext context, int status, string text, bool head) =>
        BytesAsync(context, status, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(text), head);

    private static async Task BytesAsync(HttpContext context, int status, string contentType, byte[] content, bool head)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength = content.Length;
        if (!head)
        {
            await response.Body.WriteAsync(content, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private async Task EventsAsync(HttpContext context, bool head)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        if (head)
        {
            return;
        }
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        using var subscription = _hub.Subscribe();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        var token = linked.Token;
        try
        {
            await response.StartAsync(token).ConfigureAwait(false);
            await WriteEventAsync(response, $"retry: 1000\nevent: hello\ndata: {{\"version\":{Version}}}\n\n", token).ConfigureAwait(false);
            await foreach (var message in subscription.Reader.ReadAllAsync(token).ConfigureAwait(false))
            {
                await WriteEventAsync(response, message, token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Client gone or server stopping: the stream just ends.
        }
        catch (IOException)
        {
        }
    }

    private static async Task WriteEventAsync(HttpResponse response, string message, CancellationToken token)
    {
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(message), token).ConfigureAwait(false);
        await response.Body.FlushAsync(token).ConfigureAwait(false);
    }
}
