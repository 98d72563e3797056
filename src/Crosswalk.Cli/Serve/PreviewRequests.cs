using System.Text;
using Crosswalk.Preview;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Crosswalk.Cli.Serve;

/// <summary>
/// The preview's HTTP side: GET and HEAD only, loopback host names only when bound to loopback, paths normalized and
/// refused when they could leave the site; built files from memory (HTML with the overlay and live-reload script),
/// the live-reload script, the diagnostics as JSON and the reload event stream.
/// </summary>
internal sealed class PreviewRequests(PreviewSite site, EventHub hub, TextWriter stderr, CancellationToken stopping)
{
    private const string Allowed = "GET, HEAD";

    private static readonly byte[] LiveScript = Encoding.UTF8.GetBytes(LiveReloadScript.Source);

    /// <summary>Which Host headers a request may carry (DNS rebinding): the loopback names until the server is bound.</summary>
    public Func<string, bool> AllowsHost { get; set; } = ServeHost.IsLoopbackName;

    /// <summary>
    /// Completes when the rebuild of the last change the watcher reported is done: the site's files are answered only
    /// then (see <see cref="MaxWait"/>), so a page reloading on the <c>changing</c> event gets the edit.
    /// </summary>
    public Task Ready
    {
        get => Volatile.Read(ref _ready);
        set => Volatile.Write(ref _ready, value);
    }

    private Task _ready = Task.CompletedTask;

    /// <summary>Longest a request waits for <see cref="Ready"/> before it is answered from the site as it is.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    /// <summary>What the overlay says above the diagnostics when serve itself has a problem (a watched folder gone), or null.</summary>
    public string? Notice { get; set; }

    /// <summary>Answers one request.</summary>
    public async Task HandleAsync(HttpContext context)
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
            if (!AllowsHost(request.Host.Host ?? ""))
            {
                // A page elsewhere that rebinds its own name to this machine must not read the preview, on any address.
                await PlainAsync(context, StatusCodes.Status403Forbidden, "403 Forbidden: unexpected Host header.\n", head).ConfigureAwait(false);
                return;
            }
            var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value;
            if (!RequestPath.TryNormalize(raw, out var path))
            {
                await PlainAsync(context, StatusCodes.Status400BadRequest, "400 Bad Request: path refused.\n", head).ConfigureAwait(false);
                return;
            }
            if (path is not (PreviewServer.LiveScriptPath or PreviewServer.EventsPath) && Ready is { IsCompleted: false } ready)
            {
                try
                {
                    await ready.WaitAsync(MaxWait, context.RequestAborted).ConfigureAwait(false);
                }
                catch (TimeoutException)
                {
                }
            }
            switch (path)
            {
                case PreviewServer.LiveScriptPath:
                    await RevalidatedAsync(context, "text/javascript; charset=utf-8", LiveScript, head).ConfigureAwait(false);
                    return;
                case PreviewServer.DiagnosticsPath:
                    await BytesAsync(context, StatusCodes.Status200OK, "application/json; charset=utf-8", DiagnosticsJson.Format(site.Last), head).ConfigureAwait(false);
                    return;
                case PreviewServer.EventsPath:
                    await EventsAsync(context, head).ConfigureAwait(false);
                    return;
            }
            if (!path.StartsWith(PreviewServer.Prefix, StringComparison.Ordinal))
            {
                var file = RequestPath.ToFile(path);
                if (site.TryGetFile(file, out var content))
                {
                    await FileAsync(context, StatusCodes.Status200OK, file, content, head).ConfigureAwait(false);
                    return;
                }
                if (!path.EndsWith('/') && site.TryGetFile(path[1..] + "/index.html", out _))
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
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested || stopping.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            stderr.WriteLine($"crosswalk: error serving {request.Path}: {ex.GetType().Name}: {ex.Message}");
            if (!response.HasStarted)
            {
                response.Clear();
                response.Headers.XContentTypeOptions = "nosniff";
                await PlainAsync(context, StatusCodes.Status500InternalServerError, "500 Internal Server Error\n", head: false).ConfigureAwait(false);
            }
        }
    }

    private Task NotFoundAsync(HttpContext context, bool head) =>
        site.TryGetFile("404.html", out var page)
            ? FileAsync(context, StatusCodes.Status404NotFound, "404.html", page, head)
            : PlainAsync(context, StatusCodes.Status404NotFound, "404 Not Found\n", head);

    private Task FileAsync(HttpContext context, int status, string file, byte[] content, bool head)
    {
        if (ContentTypes.IsHtml(file))
        {
            // A page is never reused: it must show the last edit, and carries the build's version and diagnostics.
            var last = site.Last;
            content = HtmlInjector.Inject(content, last?.Version ?? 0, last?.Result.Diagnostics ?? [], Notice,
                html => AssetVersions.Stamp(html, RawPath(context), TagOf));
            return BytesAsync(context, status, ContentTypes.For(file), content, head);
        }
        return status == StatusCodes.Status200OK
            ? RevalidatedAsync(context, ContentTypes.For(file), content, head)
            : BytesAsync(context, status, ContentTypes.For(file), content, head);
    }

    // The entity tag of a stylesheet or script a page names (see AssetVersions), or null for a page, no file, or a
    // generated file that waits for Settle (looking at it would write every generated file before this page).
    private string? TagOf(string path)
    {
        if (path == PreviewServer.LiveScriptPath)
        {
            return EntityTags.Of(LiveScript);
        }
        var file = RequestPath.ToFile(path);
        return !ContentTypes.IsHtml(file) && !site.IsDeferred(file) && site.TryGetFile(file, out var content) ? EntityTags.Of(content) : null;
    }

    // The path as the browser sent it (still percent-encoded), which its relative URLs resolve against.
    private static string RawPath(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "";
        var end = raw.IndexOfAny(['?', '#']);
        return end < 0 ? raw : raw[..end];
    }

    // Any other file may be kept by the browser but not used without asking (no-cache): a 304 while its bytes are the
    // same, the new bytes as soon as they changed (a theme edit), so a reload never shows stale CSS or scripts. Asked
    // for under its current version (AssetVersions), it is kept for good: another version has another URL.
    private static Task RevalidatedAsync(HttpContext context, string contentType, byte[] content, bool head)
    {
        var tag = EntityTags.Of(content);
        var response = context.Response;
        var versioned = context.Request.Query.TryGetValue(AssetVersions.Parameter, out var asked) && asked.Count == 1 && asked[0] == tag.Trim('"');
        response.Headers.CacheControl = versioned ? AssetVersions.Immutable : "no-cache";
        response.Headers.ETag = tag;
        if (EntityTags.Matches(context.Request.Headers.IfNoneMatch, tag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }
        return BytesAsync(context, StatusCodes.Status200OK, contentType, content, head);
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
        using var subscription = hub.Subscribe();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var token = linked.Token;
        try
        {
            await response.StartAsync(token).ConfigureAwait(false);
            await WriteEventAsync(response, $"retry: 1000\nevent: hello\ndata: {{\"version\":{site.Last?.Version ?? 0}}}\n\n", token).ConfigureAwait(false);
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
