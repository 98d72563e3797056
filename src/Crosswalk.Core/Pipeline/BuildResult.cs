using Crosswalk.Diagnostics;

namespace Crosswalk.Pipeline;

/// <summary>The outcome of a build or check.</summary>
/// <param name="Diagnostics">Every diagnostic, sorted.</param>
/// <param name="PageCount">Content pages processed.</param>
/// <param name="ConfigUsable">False when site.yml could not be used (exit code 2).</param>
/// <param name="Written">The output folder was replaced with the new site.</param>
/// <param name="Timings">Time per pipeline stage, in order.</param>
public sealed record BuildResult(IReadOnlyList<Diagnostic> Diagnostics, int PageCount, bool ConfigUsable, bool Written, IReadOnlyList<StageTiming> Timings)
{
    /// <summary>Errors.</summary>
    public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);
    /// <summary>Warnings.</summary>
    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);
    /// <summary>Infos.</summary>
    public int Infos => Diagnostics.Count(d => d.Severity == Severity.Info);

    /// <summary>
    /// Which docs generator's profile was used and why (<c>profile: mkdocs (mkdocs.yml found)</c>); null for Crosswalk's own,
    /// which a site.yml chose.
    /// </summary>
    public string? ProfileNote { get; init; }

    /// <summary>What a rebuild did to its output folder; null for a first build, <c>check</c> and a build that wrote nothing.</summary>
    public Output.WriteCounts? Output { get; init; }

    /// <summary>What the parse cache did; null when the run used none (not asked for, or the site's inputs are not all covered).</summary>
    public Caching.ParseCacheUse? Cache { get; init; }

    /// <summary>True when the build failed: any error, or with strict any warning.</summary>
    public bool Failed(bool strict) => !ConfigUsable || Errors > 0 || (strict && Warnings > 0);
}

/// <summary>
/// Wall time, processor time (all threads), allocated bytes, garbage collections (of each generation, a collection of a
/// generation including the younger ones) and their pauses of one stage, and the managed heap size after it.
/// </summary>
public sealed record StageTiming(string Stage, TimeSpan Elapsed, TimeSpan Cpu, long AllocatedBytes, long HeapBytesAfter, TimeSpan GcPause,
    int Gen0Collections, int Gen1Collections, int Gen2Collections);
