using Crosswalk.Config;
using Crosswalk.Criteria;
using Crosswalk.Diagnostics;
using Crosswalk.Markdown;
using Crosswalk.Output;

namespace Crosswalk.Pipeline;

/// <summary>
/// Runs the pipeline: LoadConfig → Discover → ReadFrontMatter/ParseMarkdown → Index → Resolve → Render → Verify → Write.
/// </summary>
public static class SiteBuilder
{
    /// <summary>Builds the site and swaps it into the output folder when there are no errors (nor warnings with strict).</summary>
    public static BuildResult Build(BuildOptions options) => Run(options, write: true, sink: null);

    /// <summary>Runs every stage and every check, writing nothing.</summary>
    public static BuildResult Check(BuildOptions options) => Run(options, write: false, sink: null);

    /// <summary>Loads, parses and resolves the site (no rendering): the catalogs, pages and claims, for reports.</summary>
    public static SiteAnalysis Analyze(BuildOptions options)
    {
        var diagnostics = new DiagnosticBag();
        var timings = new List<StageTiming>();
        var config = ConfigLoader.Load(options.ConfigPath, diagnostics, options.AllowMissingConfig);
        if (config is null)
        {
            return new SiteAnalysis(new BuildResult(diagnostics.ToSortedList(), 0, false, false, timings), null, [], new ClaimSet([]), []);
        }
        diagnostics.SetOverrides(config.Severity);
        var site = new SiteModel(new BuildContext(options, config, diagnostics, MarkdownPipelineFactory.Create(), LinkPlaceholders.CreateRandom(), RendersPages: false));
        site.Load(new StageClock(timings));
        var (catalogs, claims) = site.Criteria;
        var configured = config.Catalogs.Select(catalogs.Get).Where(c => c is not null).Select(c => c!).ToList();
        return new SiteAnalysis(new BuildResult(diagnostics.ToSortedList(), site.SourcePageCount, true, false, timings), catalogs, configured, claims, site.Pages);
    }

    /// <summary>A preview build: reuses <paramref name="state"/> and renders into <paramref name="sink"/>; returns the output paths of this build.</summary>
    internal static (BuildResult Result, IReadOnlySet<string> Outputs, SiteConfig? Config) Preview(BuildOptions options, IncrementalState state, IOutputSink sink) =>
        Run(options, write: false, sink, state);

    private static BuildResult Run(BuildOptions options, bool write, IOutputSink? sink) => Run(options, write, sink, null).Result;

    private static (BuildResult Result, IReadOnlySet<string> Outputs, SiteConfig? Config) Run(BuildOptions options, bool write, IOutputSink? sink, IncrementalState? state)
    {
        var diagnostics = new DiagnosticBag();
        var timings = new List<StageTiming>();
        var clock = new StageClock(timings);

        var config = clock.Time("LoadConfig", () => ConfigLoader.Load(options.ConfigPath, diagnostics, options.AllowMissingConfig));
        if (config is null)
        {
            return (new BuildResult(diagnostics.ToSortedList(), 0, ConfigUsable: false, Written: false, timings), new HashSet<string>(), null);
        }
        if (options.OutputDirectory is { } output)
        {
            config = config with { OutputDirectory = Path.GetFullPath(output) };
        }
        diagnostics.SetOverrides(config.Severity);
        var protectedFolders = new List<string> { config.RootDirectory, config.SourceDirectory };
        if (config.TemplatesDirectory is not null)
        {
            protectedFolders.Add(config.TemplatesDirectory);
        }
        // Checked up front, so a refused output folder costs nothing and deletes nothing.
        if (write && SiteWriter.Validate(config.OutputDirectory, protectedFolders) is { } refusal)
        {
            diagnostics.Report(DiagnosticCodes.OutputError, Severity.Error, refusal, null);
            return (new BuildResult(diagnostics.ToSortedList(), 0, ConfigUsable: false, Written: false, timings), new HashSet<string>(), config);
        }

        var context = new BuildContext(options, config, diagnostics, MarkdownPipelineFactory.Create(), state?.Placeholders ?? LinkPlaceholders.CreateRandom(),
            RendersPages: write || sink is not null);
        var site = new SiteModel(context, state);
        site.Load(clock);

        // A build that already failed still renders (to nowhere), so it reports what check would.
        SiteWriter? writer = null;
        if (write && !diagnostics.HasErrors)
        {
            writer = SiteWriter.Open(config.OutputDirectory, protectedFolders, diagnostics);
        }
        var target = writer ?? sink;
        var written = false;
        try
        {
            // With nowhere to write (check, or a build that already failed), render samples only: every template is
            // exercised and its ids are known, at a fraction of the cost.
            clock.Time("Render", () =>
            {
                if (target is null)
                {
                    site.RenderSamples();
                }
                else
                {
                    site.Render(target, liveReload: state is not null);
                }
            });

            clock.Time("Verify", site.Verify);
            var failed = diagnostics.HasErrors || (options.Strict && diagnostics.ToSortedList().Any(d => d.Severity == Severity.Warning));
            if (writer is not null && !failed)
            {
                clock.Time("Write", writer.Commit);
                written = true;
            }
        }
        finally
        {
            writer?.Dispose();
        }
        return (new BuildResult(diagnostics.ToSortedList(), site.SourcePageCount, ConfigUsable: true, written, timings), site.OutputPaths, config);
    }
}
