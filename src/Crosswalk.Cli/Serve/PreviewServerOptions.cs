namespace Crosswalk.Cli.Serve;

/// <summary>Tuning of the preview server; the defaults are what <c>crosswalk serve</c> uses.</summary>
internal sealed record PreviewServerOptions
{
    /// <summary>
    /// Quiet period after the last file event before a rebuild starts: long enough for the events of one save (a
    /// truncate and a write, or a write and a rename, microseconds apart), short against the 50 ms an edit may take to
    /// show (issue 18): the reloading page's request waits for it. A save slower than that gets a second rebuild,
    /// which the page reloads for again.
    /// </summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(2);

    /// <summary>
    /// How long after an edit's reload the generated files every page feeds (search index, reviews page) are written,
    /// unless requested sooner: the reloading pages get the processor first (parsing a 10,000-page site's page took
    /// Chromium 150-600 ms on the loaded 2-core machine, and writing the search index meanwhile slowed it down). A
    /// second: compressing a 10,000-page index alone takes about 170 ms of a core, which should not run into the reload
    /// of an author's next save.
    /// </summary>
    public TimeSpan SettleDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Quiet period instead of <see cref="Debounce"/> while a changed file is empty: most saves truncate, then write,
    /// and the write may come later than the debounce. A file that stays empty is rebuilt as it is after this.
    /// </summary>
    public TimeSpan TruncateGrace { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Longest a stream of events may postpone a rebuild.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Interval of the comment lines that keep event streams open through proxies.</summary>
    public TimeSpan Heartbeat { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long stopping may wait for open requests.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the watched folders are checked for being deleted or replaced (which no file event reports).</summary>
    public TimeSpan WatchPoll { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Also print which files changed before each rebuild.</summary>
    public bool Verbose { get; init; }

    /// <summary>Rebuild only what a change invalidates (false: <c>--no-incremental</c>, every rebuild starts from nothing).</summary>
    public bool Incremental { get; init; } = true;
}
