namespace Crosswalk.Pipeline;

/// <summary>What the caller asks of a build.</summary>
public sealed record BuildOptions
{
    /// <summary>Path of site.yml.</summary>
    public string ConfigPath { get; init; } = "site.yml";
    /// <summary>A missing site.yml means defaults (true when the user did not name one).</summary>
    public bool AllowMissingConfig { get; init; }
    /// <summary>Overrides <c>output</c> from site.yml.</summary>
    public string? OutputDirectory { get; init; }
    /// <summary>Warnings fail the build.</summary>
    public bool Strict { get; init; }
    /// <summary>The day reviews are judged against (default: today's date on the local clock).</summary>
    public DateOnly? Today { get; init; }
    /// <summary><see cref="Today"/>, else the local clock's date.</summary>
    public DateOnly Day => Today ?? DateOnly.FromDateTime(DateTime.Now);
    /// <summary>
    /// Read each page's revision history from git (one <c>git log</c> process). Off unless asked for, so the library
    /// starts no process of its own accord; the command line asks for it unless given <c>--no-history</c>.
    /// </summary>
    public bool History { get; init; }
    /// <summary>
    /// The folder of the parse cache (<see cref="Caching.ParseCache"/>): pages unchanged since a run with the same inputs
    /// are not parsed again. Null (the default) reads and writes no cache; the command line names the user's cache
    /// folder unless given <c>--no-cache</c>.
    /// </summary>
    public string? CacheFolder { get; init; }
}
