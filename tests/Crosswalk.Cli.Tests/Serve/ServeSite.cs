using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Crosswalk.Cli.Serve;
using Crosswalk.Pipeline;

namespace Crosswalk.Cli.Tests.Serve;

/// <summary>A fixture site in a temp folder with a <see cref="PreviewServer"/> on a free loopback port.</summary>
internal sealed class ServeSite : IAsyncDisposable
{
    public const string Secret = "SITE-YML-SECRET-7f3a";

    private ServeSite(string root, PreviewServer server, Uri url, LockedWriter stdout, LockedWriter stderr)
    {
        Root = root;
        Out = stdout;
        Err = stderr;
        Server = server;
        Url = url;
        Http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = url, Timeout = TimeSpan.FromSeconds(15) };
    }

    public string Root { get; }

    internal PreviewServer Server { get; }

    public Uri Url { get; }

    public int Port => Url.Port;

    public HttpClient Http { get; }

    public LockedWriter Out { get; }

    public LockedWriter Err { get; }

    public static Dictionary<string, string> DefaultFiles() => new()
    {
        ["site.yml"] = $"title: Serve Test\n# {Secret}\n",
        ["content/index.md"] = "# Home\n\nSee [A](a.md) and [C](b/c.md).\n",
        ["content/a.md"] = "---\ntitle: Page A\n---\n## Section\n\nOriginal text.\n",
        ["content/b/c.md"] = "# Page C\n\nDeep page.\n",
    };

    public static async Task<ServeSite> StartAsync(Dictionary<string, string>? files = null, string host = "127.0.0.1", PreviewServerOptions? options = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "crosswalk-serve-tests", Guid.NewGuid().ToString("N"));
        foreach (var (path, text) in files ?? DefaultFiles())
        {
            WriteFile(Path.Combine(root, path), text);
        }
        var stdout = new LockedWriter();
        var stderr = new LockedWriter();
        var server = new PreviewServer(new BuildOptions { ConfigPath = Path.Combine(root, "site.yml") }, stdout, stderr, options);
        var url = await server.StartAsync(host, 0);
        if (host != "127.0.0.1")
        {
            url = new UriBuilder(url) { Host = "127.0.0.1" }.Uri;
        }
        return new ServeSite(root, server, url, stdout, stderr);
    }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public void Write(string relative, string text) => WriteFile(PathOf(relative), text);

    private static void WriteFile(string full, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    public async Task<string> GetStringAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Polls <paramref name="path"/> until its body satisfies <paramref name="done"/>; returns the body and the time it took.</summary>
    public async Task<(string Body, TimeSpan Elapsed)> PollAsync(string path, Func<string, bool> done, TimeSpan? timeout = null)
    {
        var sw = Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromSeconds(10);
        var body = "";
        while (sw.Elapsed < limit)
        {
            body = await GetStringAsync(path);
            if (done(body))
            {
                return (body, sw.Elapsed);
            }
            await Task.Delay(10);
        }
        throw new TimeoutException($"'{path}' did not change as expected within {limit}; last body:\n{body}\nstderr:\n{Err}");
    }

    /// <summary>Sends <paramref name="target"/> byte for byte on a raw connection (no client-side normalisation).</summary>
    public Task<RawResponse> RawAsync(string target, string method = "GET", string? host = null) => RawHttp.SendAsync(Port, method, target, host ?? $"127.0.0.1:{Port}");

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

public sealed record RawResponse(int Status, string Headers, string Body);

public static class RawHttp
{
    public static Task<RawResponse> SendAsync(int port, string method, string target, string host) => SendAsync(IPAddress.Loopback, port, method, target, host);

    /// <summary>GET / on <paramref name="address"/> with the Host header <paramref name="host"/>.</summary>
    public static Task<RawResponse> SendAsync(IPAddress address, int port, string host) => SendAsync(address, port, "GET", "/", host);

    public static async Task<RawResponse> SendAsync(IPAddress address, int port, string method, string target, string host)
    {
        using var client = new TcpClient(address.AddressFamily);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await client.ConnectAsync(address, port, cts.Token);
        var stream = client.GetStream();
        var request = $"{method} {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request), cts.Token);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cts.Token);
        var text = Encoding.UTF8.GetString(buffer.ToArray());
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headers = split < 0 ? text : text[..split];
        var body = split < 0 ? "" : text[(split + 4)..];
        var status = int.Parse(headers.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);
        return new RawResponse(status, headers, body);
    }
}

/// <summary>A writer that background threads may write to while a test reads it.</summary>
public sealed class LockedWriter : TextWriter
{
    private readonly StringBuilder _text = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_text)
        {
            _text.Append(value);
        }
    }

    public override void Write(string? value)
    {
        lock (_text)
        {
            _text.Append(value);
        }
    }

    public override void WriteLine(string? value)
    {
        lock (_text)
        {
            _text.Append(value).Append('\n');
        }
    }

    public override string ToString()
    {
        lock (_text)
        {
            return _text.ToString();
        }
    }
}
