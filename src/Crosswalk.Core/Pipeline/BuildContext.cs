using Crosswalk.Config;
using Crosswalk.Content;
using Crosswalk.Diagnostics;
using Crosswalk.Markdown;
using Crosswalk.Output;
using Markdig;

namespace Crosswalk.Pipeline;

/// <summary>What every stage of one build shares, passed explicitly (no statics).</summary>
/// <param name="Config">The loaded site.yml.</param>
/// <param name="Diagnostics">The diagnostics of this build.</param>
/// <param name="Markdown">The one Markdig pipeline.</param>
/// <param name="Placeholders">Link placeholders of this build.</param>
/// <param name="RendersPages">Pages will be written (build, serve): every parsed page keeps its body HTML (check keeps only those its layout reads).</param>
/// <param name="Artifacts">The outputs of the site.</param>
/// <param name="LiveReload">Pages get the preview's live-reload script (serve).</param>
/// <param name="Today">The day reviews are judged against.</param>
/// <param name="HoldsSite">A build: every parsed page is held until the site is written, so what each holds is kept small.</param>
/// <param name="Bodies">Where a build keeps parsed pages' bodies (<see cref="ParsedPage.Spilled"/>); null keeps them in memory.</param>
public sealed record BuildContext(SiteConfig Config, DiagnosticBag Diagnostics, MarkdownPipeline Markdown, LinkPlaceholders Placeholders,
    bool RendersPages, ArtifactRegistry Artifacts, bool LiveReload = false, DateOnly Today = default, bool HoldsSite = false, BodySpill? Bodies = null)
{
    /// <summary>The front-matter keys of this site: the built-in ones and those site.yml declares.</summary>
    public FrontMatterSchema Schema { get; } = FrontMatterSchema.BuiltIn.WithSiteKeys(Config.FrontMatter);
}
