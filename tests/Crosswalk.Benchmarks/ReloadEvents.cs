using System.Diagnostics;

namespace Crosswalk.Benchmarks;

/// <summary>
/// A listener on serve's <c>/__crosswalk/events</c>: the <see cref="Stopwatch"/> timestamp of every <c>event: reload</c>,
/// so that the time to the event (the server's part of an edit's reload) can be told from the rest.
/// </summary>
internal sealed class ReloadEvents : IDisposable
{
    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<long> _stamps = [];
    private readonly Task _reader;

    private ReloadEvents(HttpClient http, Stream stream)
    {
        _http = http;
        _reader = Task.Run(() => ReadAsync(stream));
    }

    public static async Task<ReloadEvents> OpenAsync(string baseUrl)
    {
        var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        try
        {
            var response = await http.GetAsync(baseUrl.TrimEnd('/') + "/__crosswalk/events", HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            return new ReloadEvents(http, await response.Content.ReadAsStreamAsync());
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    /// <summary>Forgets the events seen so far.</summary>
    public void Drain()
    {
        lock (_stamps)
        {
            _stamps.Clear();
        }
    }

    /// <summary>The first reload event at or after <paramref name="timestamp"/>, or null.</summary>
    public long? FirstAfter(long timestamp)
    {
        lock (_stamps)
        {
            return _stamps.Where(s => s >= timestamp).Select(s => (long?)s).FirstOrDefault();
        }
    }

    private async Task ReadAsync(Stream stream)
    {
        try
        {
            using var lines = new StreamReader(stream);
            while (await lines.ReadLineAsync(_stop.Token) is { } line)
            {
                if (line.Trim() == "event: reload")
                {
                    var now = Stopwatch.GetTimestamp();
                    lock (_stamps)
                    {
                        _stamps.Add(now);
                    }
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or HttpRequestException)
        {
            // The server stopped or the benchmark is done.
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _http.Dispose();
        _reader.Wait(TimeSpan.FromSeconds(2));
        _stop.Dispose();
    }
}
