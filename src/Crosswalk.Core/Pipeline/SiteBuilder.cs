using Crosswalk.Content;
using Crosswalk.Criteria;
using Crosswalk.Output;

namespace Crosswalk.Pipeline;

/// <summary>The pipeline's entry points: build, check and the reports' analysis (serve's is <see cref="Preview.PreviewSite"/>).</summary>
public static class SiteBuilder
{
    /// <summary>Builds the site and swaps it into the output folder when there are no errors (nor warnings with strict).</summary>
    public static BuildResult Build(BuildOptions options)
    {
        using var cache = OpenCache(options);
        return PipelineRunner.Run(options, RunMode.Build, new SiteStages(cache)).Result with { Cache = cache?.Use };
    }

    /// <summary>Runs every stage a build runs, writing nothing: the same diagnostics and verdict as <see cref="Build"/>.</summary>
    public static BuildResult Check(BuildOptions options)
    {
        using var cache = OpenCache(options);
        return PipelineRunner.Run(options, RunMode.Check, new SiteStages(cache)).Result with { Cache = cache?.Use };
    }

    /// <summary>Loads, parses and resolves the site (no rendering): the catalogs, pages and claims, for reports.</summary>
    public static SiteAnalysis Analyze(BuildOptions options)
    {
        // One reading of the clock for the diagnostics and the rows.
        options = options with { Today = options.Day };
        using var cache = OpenCache(options);
        var run = PipelineRunner.Run(options, RunMode.Analyze, new SiteStages(cache));
        if (run.Claims is not { } claims || run.Config is not { } config)
        {
            return new SiteAnalysis(run.Result, null, [], new ClaimSet([]), []);
        }
        var configured = config.Catalogs.Select(claims.Catalogs.Get).Where(c => c is not null).Select(c => c!).ToList();
        var today = options.Day;
        return new SiteAnalysis(run.Result, claims.Catalogs, configured, claims.Claims, run.Site!.Pages)
        {
            Reviews = ReviewsReport.Rows(run.Site.Pages, today, config.Reviews.WarnDays),
            Today = today,
            Config = config,
        };
    }

    private static Caching.ParseCache? OpenCache(BuildOptions options) =>
        options.CacheFolder is { } folder ? Caching.ParseCache.Open(Caching.ParseCache.PathFor(folder, options.ConfigPath)) : null;

    /// <summary>A build into <paramref name="sink"/> with the caller's stages (a preview's).</summary>
    internal static PipelineRun Preview(BuildOptions options, ISiteStages stages, IOutputSink sink) => PipelineRunner.Run(options, RunMode.Preview, stages, sink);
}
