using Crosswalk.Config;
using Crosswalk.Content;
using Crosswalk.Diagnostics;
using Crosswalk.Markdown;
using Crosswalk.Output;

namespace Crosswalk.Pipeline;

/// <summary>What the runner is asked to do.</summary>
internal enum RunMode
{
    /// <summary>Every stage, then Write into the output folder when the verdict allows.</summary>
    Build,
    /// <summary>Every stage a build runs, rendering to nowhere: the verdict of a build, nothing written.</summary>
    Check,
    /// <summary>Every stage, rendering into a sink of the caller's (serve).</summary>
    Preview,
    /// <summary>The stages up to ResolveCriteria: for the reports of <c>criteria</c> and <c>coverage</c>.</summary>
    Analyze,
}

/// <summary>Everything one run produced (the records are null when site.yml was unusable or the run stopped early).</summary>
internal sealed record PipelineRun(BuildResult Result, SiteConfig? Config, IndexedSite? Site, ClaimedSite? Claims, RenderedSite? Rendered);

/// <summary>
/// Runs the pipeline: LoadConfig → Discover → LoadTheme → LoadCatalogs → Parse → Index → ResolveLinks →
/// ResolveCriteria → Render → Verify → Write. Check, build and serve run the same stages; they differ only in where
/// Render writes and whether Write runs.
/// </summary>
internal static class PipelineRunner
{
    public static PipelineRun Run(BuildOptions options, RunMode mode, ISiteStages stages, IOutputSink? sink = null, ArtifactRegistry? artifacts = null)
    {
        var diagnostics = new DiagnosticBag();
        var timings = new List<StageTiming>();
        var clock = new StageClock(timings);
        string? note = null;
        BuildResult Result(int pages, bool usable, bool written) => new(diagnostics.ToSortedList(), pages, usable, written, timings) { ProfileNote = note };

        var config = clock.Time("LoadConfig", () => ConfigLoader.Load(options.ConfigPath, diagnostics, options.AllowMissingConfig));
        if (config is null)
        {
            return new PipelineRun(Result(0, usable: false, written: false), null, null, null, null);
        }
        if (options.OutputDirectory is { } output)
        {
            config = config with { OutputDirectory = Path.GetFullPath(output) };
        }
        note = config.Profile.Reason is { } reason ? $"profile: {config.Profile.Name} ({reason})" : null;
        diagnostics.SetOverrides(config.Severity);
        var protectedFolders = new List<string> { config.RootDirectory, config.SourceDirectory };
        if (config.TemplatesDirectory is not null)
        {
            protectedFolders.Add(config.TemplatesDirectory);
        }
        // Checked up front, so a refused output folder costs nothing and deletes nothing.
        if (mode == RunMode.Build && SiteWriter.Validate(config.OutputDirectory, protectedFolders) is { } refusal)
        {
            diagnostics.Report(DiagnosticDescriptors.OutputError, refusal, null);
            return new PipelineRun(Result(0, usable: false, written: false), config, null, null, null);
        }
        // Held for the whole build: a second build into the folder is refused at once instead of racing this one.
        using var held = mode == RunMode.Build ? SiteWriter.Lock(config.OutputDirectory, diagnostics) : null;
        if (mode == RunMode.Build && held is null)
        {
            return new PipelineRun(Result(0, usable: true, written: false), config, null, null, null);
        }

        // Bodies wait for the render in a file beside the output folder, which the build may write beside anyway.
        using var bodies = mode == RunMode.Build ? BodySpill.Open(config.OutputDirectory) : null;
        var context = new BuildContext(config, diagnostics, MarkdownPipelineFactory.Create(config.Slugs), stages.Placeholders,
            RendersPages: mode is RunMode.Build or RunMode.Preview, artifacts ?? ArtifactRegistry.Default, LiveReload: mode == RunMode.Preview,
            Today: options.Day, HoldsSite: mode == RunMode.Build, Bodies: bodies);
        var files = clock.Time("Discover", () => stages.Discover(context));
        var theme = clock.Time("LoadTheme", () => stages.LoadTheme(context));
        var inputs = new SiteInputs(theme, clock.Time("LoadCatalogs", () => stages.LoadCatalogs(context)));
        // Read beside Parse and the stages after it: only Render needs it.
        var history = mode == RunMode.Analyze ? null : stages.LoadHistory(context, enabled: options.History);
        var parsed = clock.Time("ParseMarkdown", () => stages.Parse(context, files, inputs));
        var site = clock.Time("Index", () => stages.Index(context, parsed, files, inputs));
        var links = clock.Time("ResolveLinks", () => stages.ResolveLinks(context, site));
        var claims = clock.Time("ResolveCriteria", () => stages.ResolveCriteria(context, site, links, inputs));
        var pages = files.PageFiles.Count;
        if (mode == RunMode.Analyze)
        {
            return new PipelineRun(Result(pages, usable: true, written: false), config, site, claims, null);
        }

        // A build that already failed still renders (to nowhere), so it reports all that check reports.
        using var writer = mode == RunMode.Build && !diagnostics.HasErrors ? SiteWriter.Open(config.OutputDirectory, protectedFolders, diagnostics, held) : null;
        IOutputSink target = writer ?? sink ?? new NullOutput();
        var revisions = clock.Time("LoadHistory", () => LoadHistoryStage.Finish(history!, diagnostics));
        var model = stages.Prepare(context, inputs, site, links, claims, revisions, discardsOutput: target is NullOutput);
        var rendered = clock.Time("Render", () => stages.Render(context, model, target));
        clock.Time("Verify", () => stages.Verify(context, site, links, rendered));
        var result = Result(pages, usable: true, written: false);
        if (writer is not null && !result.Failed(options.Strict))
        {
            var committed = clock.Time("Write", () => writer.Commit(diagnostics));
            result = committed ? result with { Written = true, Output = writer.Counts } : Result(pages, usable: true, written: false);
        }
        return new PipelineRun(result, config, site, claims, rendered);
    }
}
