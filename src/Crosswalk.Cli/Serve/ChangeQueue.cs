using System.Diagnostics;
using System.Threading.Channels;

namespace Crosswalk.Cli.Serve;

/// <summary>One batch of changes for a rebuild: the paths, whether everything is to be rebuilt, and what the requests waiting for it wait on.</summary>
internal sealed record ChangeBatch(string[] Paths, bool Full, TaskCompletionSource? Done)
{
    public bool IsEmpty => Paths.Length == 0 && !Full;
}

/// <summary>
/// The changes the watcher reported and no rebuild has taken yet, collected until a quiet period has passed and taken
/// by the rebuild loop one batch at a time. The first change of a batch is announced (<paramref name="announce"/>,
/// under the queue's lock and before the loop is signalled, so that the announcement always comes before the
/// rebuild's own event) with the task the batch's rebuild completes.
/// </summary>
internal sealed class ChangeQueue(PreviewServerOptions options, Action<Task> announce)
{
    // Quiet periods up to this long are slept on the rebuild loop's thread, not left to a timer.
    private static readonly TimeSpan PreciseWait = TimeSpan.FromMilliseconds(10);

    private readonly Lock _lock = new();
    private readonly HashSet<string> _paths = new(StringComparer.Ordinal);
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private bool _full;
    private long _first;
    private long _last;
    private TaskCompletionSource? _upcoming;
    private bool _ended;

    /// <summary>A file changed.</summary>
    public void Add(string path) => Note(() => _paths.Add(path));

    /// <summary>Changes were lost (the watcher overflowed): everything is rebuilt.</summary>
    public void AddEverything() => Note(() => _full = true);

    /// <summary>Completes when a change is waiting (false if the queue can never have one).</summary>
    public Task<bool> WaitToReadAsync(CancellationToken token) => _signal.Reader.WaitToReadAsync(token).AsTask();

    /// <summary>Waits for a change, then for the quiet period after the last one (never longer than MaxDelay from the first).</summary>
    public async Task<bool> WaitAsync(CancellationToken token)
    {
        if (!await _signal.Reader.WaitToReadAsync(token).ConfigureAwait(false))
        {
            return false;
        }
        _signal.Reader.TryRead(out _);
        while (QuietFor() is var wait && wait > TimeSpan.Zero)
        {
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
        return true;
    }

    /// <summary>Takes every change collected so far.</summary>
    public ChangeBatch Take()
    {
        lock (_lock)
        {
            var batch = new ChangeBatch([.. _paths], _full, _upcoming);
            _paths.Clear();
            _full = false;
            _upcoming = null;
            return batch;
        }
    }

    /// <summary>No rebuild is coming any more: requests waiting for one are answered with the site as it is.</summary>
    public void End()
    {
        lock (_lock)
        {
            _ended = true;
            _upcoming?.TrySetResult();
        }
    }

    private void Note(Action add)
    {
        lock (_lock)
        {
            var now = Stopwatch.GetTimestamp();
            if (_paths.Count == 0 && !_full)
            {
                _first = now;
            }
            add();
            _last = now;
            if (_upcoming is null && !_ended)
            {
                _upcoming = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                announce(_upcoming.Task);
            }
        }
        _signal.Writer.TryWrite(true);
    }

    // How much longer to wait before the collected changes are rebuilt.
    private TimeSpan QuietFor()
    {
        TimeSpan wait, sinceLast;
        string[] paths;
        lock (_lock)
        {
            sinceLast = Stopwatch.GetElapsedTime(_last);
            var sinceFirst = Stopwatch.GetElapsedTime(_first);
            wait = sinceFirst >= options.MaxDelay ? TimeSpan.Zero : options.Debounce - sinceLast;
            paths = wait <= TimeSpan.Zero && sinceFirst < options.MaxDelay ? [.. _paths] : [];
        }
        // A save that truncated the file and has not written it yet: an empty page would be shown (and the reader's
        // scroll position lost) until the write's own rebuild.
        return wait <= TimeSpan.Zero && paths.Any(IsEmptyFile) ? options.TruncateGrace - sinceLast : wait;
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
}
