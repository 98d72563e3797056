using Crosswalk.Cli.Output;
using Crosswalk.Pipeline;

namespace Crosswalk.Cli.Commands;

/// <summary>What every report command (criteria, coverage, reviews, export) does around the analysis of the site.</summary>
internal static class SiteReport
{
    /// <summary>The analysed site, or null after printing why site.yml cannot be used.</summary>
    public static SiteAnalysis? Analyze(string? configPath, TextWriter stdout, TextWriter stderr, DateOnly? today = null)
    {
        var analysis = SiteBuilder.Analyze(new BuildOptions
        {
            ConfigPath = configPath ?? "site.yml",
            AllowMissingConfig = configPath is null,
            Today = today,
        });
        if (analysis.Result.ConfigUsable && analysis.Catalogs is not null && analysis.Config is not null)
        {
            return analysis;
        }
        stdout.Write(DiagnosticFormatter.Text(analysis.Result.Diagnostics));
        stderr.WriteLine("crosswalk: site.yml cannot be used");
        return null;
    }

    /// <summary>A report of a site with errors still prints; this says so, and where to see them.</summary>
    public static void NoteErrors(SiteAnalysis analysis, TextWriter stderr)
    {
        if (analysis.Result.Errors > 0)
        {
            stderr.WriteLine($"note: the site has {analysis.Result.Errors} errors; run 'crosswalk check' to see them");
        }
    }
}
