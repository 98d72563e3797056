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

    /// <summary>
    /// Writes exported files (OSCAL, an audit bundle) into <paramref name="folder"/>, naming each on stdout; a folder
    /// that cannot be written is said on stderr and is a usage error.
    /// </summary>
    public static int WriteFiles(string folder, IEnumerable<Crosswalk.Output.ExportedFile> files, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            Directory.CreateDirectory(folder);
            foreach (var file in files)
            {
                var path = Path.Combine(folder, file.Name);
                File.WriteAllBytes(path, file.Content);
                stdout.WriteLine($"wrote {SafeText.Terminal(path)}");
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"crosswalk: cannot write to '{SafeText.Terminal(folder)}': {SafeText.Terminal(ex.Message)}");
            return CrosswalkCli.ExitUsage;
        }
        return CrosswalkCli.ExitOk;
    }
}
