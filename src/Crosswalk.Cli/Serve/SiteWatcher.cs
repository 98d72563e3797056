namespace Crosswalk.Cli.Serve;

/// <summary>
/// Watches folders (recursively) and single files (through their folder, so that editors that save by writing a new
/// file and renaming it are seen) and reports each relevant changed path. Noise (editor temp files, hidden folders)
/// is dropped here. A lost-events overflow is reported as well, so the caller can rebuild from scratch.
/// </summary>
/// <remarks>
/// The OS watch of a folder can die without a word: inotify drops the watches of a subfolder moved out of the tree
/// (and .NET can lose track of the rest when another change comes in the same burst), and a watched folder deleted
/// and made again is a new folder nobody watches. So after a delete or rename the watchers are made anew
/// (<see cref="RestartPending"/>), and a timer checks that each watched folder is still the one watched: a folder
/// gone is reported through <c>lost</c>, one back or replaced is watched again and reported as an overflow.
/// </remarks>
internal sealed class SiteWatcher : IDisposable
{
    private readonly Action<string> _changed;
    private readonly Action<string> _overflow;
    private readonly Action<string?> _lost;
    private readonly Lock _lock = new();
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Dictionary<string, DateTime?> _folders = new(StringComparer.Ordinal);
    private readonly Timer? _poll;
    private string[] _paths = [];
    private int _restartPending;
    private bool _disposed;
    private string? _missing;

    /// <param name="changed">A relevant path changed.</param>
    /// <param name="overflow">Events were lost or a folder was replaced: everything must be rebuilt.</param>
    /// <param name="lost">A watched folder is gone (the message), or null once every folder is watched again.</param>
    /// <param name="poll">How often the watched folders are checked (null: never).</param>
    public SiteWatcher(Action<string> changed, Action<string> overflow, Action<string?>? lost = null, TimeSpan? poll = null)
    {
        _changed = changed;
        _overflow = overflow;
        _lost = lost ?? (_ => { });
        if (poll is { } interval)
        {
            _poll = new Timer(_ => Check(), null, interval, interval);
        }
    }

    /// <summary>The paths now watched.</summary>
    public IReadOnlyList<string> Paths => _paths;

    /// <summary>True once a delete or rename was seen since the last <see cref="Restart"/>: the watches may be stale.</summary>
    public bool RestartPending => Volatile.Read(ref _restartPending) != 0;

    /// <summary>Watches exactly <paramref name="paths"/> (absolute folders and files); returns the paths that could not be watched.</summary>
    public IReadOnlyList<string> Watch(IReadOnlyList<string> paths)
    {
        var wanted = paths.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        lock (_lock)
        {
            return wanted.SequenceEqual(_paths) ? [] : Start(wanted);
        }
    }

    /// <summary>Makes every watcher anew on the same paths; returns the paths that could not be watched.</summary>
    public IReadOnlyList<string> Restart()
    {
        lock (_lock)
        {
            return Start(_paths);
        }
    }

    private List<string> Start(string[] wanted)
    {
        Stop();
        if (_disposed)
        {
            return [];
        }
        Volatile.Write(ref _restartPending, 0);
        _paths = wanted;
        var failed = new List<string>();
        var files = new List<string>();
        foreach (var path in wanted)
        {
            // A path that was a folder stays one: while it is gone, the timer waits for it to come back.
            if (Directory.Exists(path) || _folders.ContainsKey(path))
            {
                _folders[path] = Identity(path);
                if (!Directory.Exists(path) || !TryAdd(path, recursive: true, files: null))
                {
                    failed.Add(path);
                }
            }
            else
            {
                files.Add(path);
            }
        }
        foreach (var gone in _folders.Keys.Where(f => !wanted.Contains(f, StringComparer.Ordinal)).ToList())
        {
            _folders.Remove(gone);
        }
        foreach (var group in files.GroupBy(f => Path.GetDirectoryName(f)!, StringComparer.Ordinal))
        {
            var set = group.ToHashSet(StringComparer.Ordinal);
            if (!Directory.Exists(group.Key) || !TryAdd(group.Key, recursive: false, set))
            {
                failed.AddRange(set);
            }
        }
        return failed;
    }

    // Runs on the timer: a watched folder deleted, or deleted and made again, since it was watched.
    private void Check()
    {
        string? missing = null;
        var replaced = new List<string>();
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }
            foreach (var (folder, identity) in _folders)
            {
                if (!Directory.Exists(folder))
                {
                    missing ??= folder;
                }
                else if (Identity(folder) != identity)
                {
                    replaced.Add(folder);
                }
            }
            if (replaced.Count > 0)
            {
                Start(_paths);
            }
        }
        // Said once when a folder goes and once when all are back, not on every tick.
        if (missing != _missing)
        {
            _missing = missing;
            _lost(missing is null ? null : $"'{missing}' is gone: the preview shows the last build until it is back");
        }
        if (replaced.Count > 0)
        {
            _overflow($"'{replaced[0]}' was deleted and made again; watching it again");
        }
    }

    // What tells a folder from one deleted and made again at the same path: missing, or its time of creation.
    private static DateTime? Identity(string folder) => Directory.Exists(folder) ? Directory.GetCreationTimeUtc(folder) : null;

    private bool TryAdd(string folder, bool recursive, HashSet<string>? files)
    {
        try
        {
            var watcher = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = recursive,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
                InternalBufferSize = 64 * 1024,
            };
            void Report(string? path)
            {
                if (path is null)
                {
                    return;
                }
                var relevant = files is null ? !WatchFilter.IsIgnored(path, folder) : files.Contains(path);
                if (relevant)
                {
                    _changed(path);
                }
            }
            watcher.Changed += (_, e) => Report(e.FullPath);
            watcher.Created += (_, e) => Report(e.FullPath);
            watcher.Deleted += (_, e) =>
            {
                Volatile.Write(ref _restartPending, 1);
                Report(e.FullPath);
            };
            watcher.Renamed += (_, e) =>
            {
                Volatile.Write(ref _restartPending, 1);
                Report(e.OldFullPath);
                Report(e.FullPath);
            };
            watcher.Error += (_, e) => _overflow(e.GetException().Message);
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
            return true;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            return false;
        }
    }

    private void Stop()
    {
        foreach (var watcher in _watchers)
        {
            watcher.EnableRaisingEvents = false;
            watcher.Dispose();
        }
        _watchers.Clear();
        _paths = [];
    }

    public void Dispose()
    {
        _poll?.Dispose();
        lock (_lock)
        {
            _disposed = true;
            Stop();
        }
    }
}
