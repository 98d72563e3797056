namespace Crosswalk.Cli.Serve;

/// <summary>
/// Watches folders (recursively) and single files (through their folder, so that editors that save by writing a new
/// file and renaming it are seen) and reports each relevant changed path. Noise (editor temp files, hidden folders)
/// is dropped here. A lost-events overflow is reported as well, so the caller can rebuild from scratch.
/// </summary>
internal sealed class SiteWatcher : IDisposable
{
    private readonly Action<string> _changed;
    private readonly Action<string> _overflow;
    private readonly List<FileSystemWatcher> _watchers = [];
    private string[] _paths = [];

    public SiteWatcher(Action<string> changed, Action<string> overflow)
    {
        _changed = changed;
        _overflow = overflow;
    }

    /// <summary>The paths now watched.</summary>
    public IReadOnlyList<string> Paths => _paths;

    /// <summary>Watches exactly <paramref name="paths"/> (absolute folders and files); returns the paths that could not be watched.</summary>
    public IReadOnlyList<string> Watch(IReadOnlyList<string> paths)
    {
        var wanted = paths.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (wanted.SequenceEqual(_paths))
        {
            return [];
        }
        Stop();
        _paths = wanted;
        var failed = new List<string>();
        var files = new List<string>();
        foreach (var path in wanted)
        {
            if (Directory.Exists(path))
            {
                if (!TryAdd(path, recursive: true, files: null))
                {
                    failed.Add(path);
                }
            }
            else
            {
                files.Add(path);
            }
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
            watcher.Deleted += (_, e) => Report(e.FullPath);
            watcher.Renamed += (_, e) =>
            {
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

    public void Dispose() => Stop();
}
