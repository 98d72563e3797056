using Crosswalk.Config;
using Crosswalk.Diagnostics;
using Crosswalk.Output;
using Crosswalk.Pipeline;
using Crosswalk.Preview.Incremental;

namespace Crosswalk.Preview;

/// <summary>The outcome of one preview build.</summary>
/// <param name="Result">Diagnostics of the whole site.</param>
/// <param name="Version">Increases with every build.</param>
/// <param name="RenderedPages">Content pages rendered by this build; the others were reused.</param>
/// <param name="Full">The build started from nothing (first build, or a config, template or catalog change).</param>
public sealed record PreviewBuild(BuildResult Result, long Version, int RenderedPages, bool Full);

/// <summary>
/// The site held in memory for <c>serve</c>: rebuilt on change, re-parsing only changed files and re-rendering only
/// what a change invalidates. A configuration, template or catalog change starts afresh. When site.yml becomes
/// unusable, the last good site stays available. Thread-safe: one build at a time, reads at any time.
/// </summary>
public sealed class PreviewSite
{
    private readonly BuildOptions _options;
    private readonly bool _incremental;
    private readonly Lock _buildLock = new();
    private IncrementalStages _stages = new();
    private MemoryOutput _output = new();
    private long _version;
    // The generated files the last build left for Settle (read without the lock by requests), and the site's paths.
    private volatile IReadOnlySet<string> _deferred = new HashSet<string>();
    private IReadOnlySet<string> _paths = new HashSet<string>();
    private bool _swept;

    /// <summary>Creates the preview; call <see cref="Rebuild"/> to build.</summary>
    /// <param name="options">The site to preview.</param>
    /// <param name="incremental">False: every rebuild starts from nothing (<c>serve --no-incremental</c>).</param>
    public PreviewSite(BuildOptions options, bool incremental = true)
    {
        _options = options with { OutputDirectory = null };
        _incremental = incremental;
    }

    /// <summary>The configuration of the last usable build.</summary>
    public SiteConfig? Config { get; private set; }

    /// <summary>The last build.</summary>
    public PreviewBuild? Last { get; private set; }

    /// <summary>
    /// Folders and files whose changes matter: the source, templates, site.yml, catalog files, and a docs generator's
    /// configuration files and static folders.
    /// </summary>
    public IReadOnlyList<string> WatchedPaths => Config is null
        ? [Path.GetFullPath(_options.ConfigPath)]
        : new[] { Config.ConfigPath, Config.SourceDirectory }
            .Concat(Config.TemplatesDirectory is { } t ? [t] : [])
            .Concat(CatalogFiles(Config))
            .Concat(Config.Profile.Files)
            .Concat(Config.StaticDirectories)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// Rebuilds. <paramref name="changed"/> lists absolute paths that changed (null: unknown, start afresh). A change
    /// to site.yml, the templates or a catalog file discards what was cached.
    /// </summary>
    public PreviewBuild Rebuild(IReadOnlyCollection<string>? changed = null)
    {
        lock (_buildLock)
        {
            // Cleared until this build is done: after a build that threw, the next one starts afresh (some stages' records
            // may be ahead of others) and sweeps every file.
            var swept = _swept;
            _swept = false;
            var full = !_incremental || changed is null || Last is null || Config is null || !swept || changed.Any(p => InvalidatesEverything(Config, p));
            if (full && _incremental)
            {
                _stages = new IncrementalStages();
            }
            else if (!full)
            {
                _stages.Changed = changed!.Select(Path.GetFullPath).ToHashSet(StringComparer.Ordinal);
            }
            // A full build renders into a fresh store, swapped in only when usable: the last good site keeps being served.
            var target = full ? new MemoryOutput() : _output;
            // Without incremental rebuilds, the build's own stages run: nothing of the preview's reuse is involved.
            var run = SiteBuilder.Preview(_options, _incremental ? _stages : new SiteStages(), target);
            var result = run.Result;
            if (result.ConfigUsable && run.Config is { } config)
            {
                Config = config;
                _paths = run.Rendered?.OutputPaths ?? new HashSet<string>();
                // An edit that left the site's paths as they were drops only the files it failed to write: forgetting
                // those is enough, where a sweep would hash the path of every file of the site before the reload.
                if (!full && run.Rendered is not null && _stages.Dropped is { } dropped)
                {
                    target.Remove(dropped);
                }
                else
                {
                    target.RemoveExcept(_paths);
                }
                _output = target;
            }
            _swept = true;
            _deferred = _incremental ? _stages.Deferred : new HashSet<string>();
            var build = new PreviewBuild(result, Interlocked.Increment(ref _version), run.Rendered?.PagesWritten ?? 0, full);
            Last = build;
            return build;
        }
    }

    /// <summary>True while generated files the last build left are not written yet (see <see cref="Settle"/>).</summary>
    public bool HasDeferred => _deferred.Count > 0;

    /// <summary>
    /// Brings the generated files that the last build left until after the reload (the search index, the reviews page
    /// and others that every page feeds) up to date; returns the diagnostics writing them reported, which are added to
    /// <see cref="Last"/> under a new version. Runs at most once per build; a request for one of those files runs it first.
    /// </summary>
    public IReadOnlyList<Diagnostic> Settle()
    {
        lock (_buildLock)
        {
            if (_deferred.Count == 0)
            {
                return [];
            }
            _deferred = new HashSet<string>();
            var reported = _stages.Settle();
            if (reported.Count > 0 && Last is { } last)
            {
                // A file that failed is no longer part of the site: no earlier version stands for it.
                _output.RemoveExcept(_paths);
                var all = new DiagnosticBag();
                all.AddRange(last.Result.Diagnostics);
                all.AddRange(reported);
                // A new version: pages loaded since the reload lack these in their overlay and reload again.
                Last = last with { Result = last.Result with { Diagnostics = all.ToSortedList() }, Version = Interlocked.Increment(ref _version) };
            }
            return reported;
        }
    }

    /// <summary>Every built file, by relative path.</summary>
    internal IReadOnlyDictionary<string, byte[]> Files
    {
        get
        {
            Settle();
            return _output.Files;
        }
    }

    /// <summary>Whether the file at <paramref name="relativePath"/> waits for <see cref="Settle"/> (<see cref="TryGetFile"/> would write it first).</summary>
    public bool IsDeferred(string relativePath) => _deferred.Contains(relativePath);

    /// <summary>The built file at <paramref name="relativePath"/> (with <c>/</c>, no leading slash), if any.</summary>
    public bool TryGetFile(string relativePath, out byte[] content)
    {
        if (_deferred.Contains(relativePath))
        {
            Settle();
        }
        return _output.Files.TryGetValue(relativePath, out content!);
    }

    private static bool InvalidatesEverything(SiteConfig config, string path)
    {
        var full = Path.GetFullPath(path);
        return full == config.ConfigPath
            || (config.TemplatesDirectory is { } t && (full == t || full.StartsWith(t + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
            || CatalogFiles(config).Contains(full)
            // A generator's configuration can change the source, navigation and redirects; a static folder, the files.
            || config.Profile.Files.Contains(full)
            || config.StaticDirectories.Any(s => full == s || full.StartsWith(s + Path.DirectorySeparatorChar, StringComparison.Ordinal));
    }

    private static IEnumerable<string> CatalogFiles(SiteConfig config) => config.Catalogs
        .Where(c => c.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || c.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || Criteria.CatalogSet.IsOscalPath(c))
        .Select(c => Path.GetFullPath(Path.Combine(config.RootDirectory, c)));
}
