using System.Text.Json;
using Microsoft.Playwright;

namespace Crosswalk.Benchmarks;

/// <summary>
/// A Chromium performance trace over the DevTools protocol (Playwright for .NET has no browser tracing of its own):
/// the events arrive in <c>Tracing.dataCollected</c> batches and are written as a trace file that Perfetto or
/// chrome://tracing open.
/// </summary>
internal sealed class ChromiumTrace
{
    private const string Categories =
        "devtools.timeline,disabled-by-default-devtools.timeline,blink,loading,navigation,toplevel,v8.execute,netlog,benchmark";

    private readonly ICDPSession _session;
    private readonly List<JsonElement> _events = [];
    private readonly TaskCompletionSource _complete = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChromiumTrace(ICDPSession session)
    {
        _session = session;
        _session.Event("Tracing.dataCollected").OnEvent += (_, e) =>
        {
            if (e is { } data && data.TryGetProperty("value", out var value))
            {
                lock (_events)
                {
                    _events.AddRange(value.EnumerateArray().Select(v => v.Clone()));
                }
            }
        };
        _session.Event("Tracing.tracingComplete").OnEvent += (_, _) => _complete.TrySetResult();
    }

    public static async Task<ChromiumTrace> StartAsync(IPage page)
    {
        var session = await page.Context.NewCDPSessionAsync(page);
        var trace = new ChromiumTrace(session);
        await session.SendAsync("Tracing.start", new Dictionary<string, object>
        {
            ["categories"] = Categories,
            ["transferMode"] = "ReportEvents",
        });
        return trace;
    }

    public async Task StopAsync(string path)
    {
        await _session.SendAsync("Tracing.end");
        await _complete.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await using var file = File.Create(path);
        lock (_events)
        {
            JsonSerializer.Serialize(file, new Dictionary<string, object> { ["traceEvents"] = _events });
        }
        await _session.DetachAsync();
    }
}
