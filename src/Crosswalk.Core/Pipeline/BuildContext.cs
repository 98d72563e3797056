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
/// <param name="PackBodies">Parsed pages keep their bodies packed (<see cref="ParsedPage.BodyPacked"/>): a build, which holds the whole site.</param>
public sealed record BuildContext(SiteConfig Config, DiagnosticBag Diagnostics, MarkdownPipeline Markdown, LinkPlaceholders Placeholders,
    bool RendersPages, ArtifactRegistry Artifacts, bool LiveReload = false, DateOnly Today = default, bool PackBodies = false)
{
    /// <summary>From how many pages a site is large: its build spends time to hold less through the render.</summary>
    public const int LargeSiteFromPages = 30_000;

    /// <summary>Whether a site of <paramref name="pages"/> pages is large (see <see cref="LargeSiteFromPages"/>).</summary>
    public static bool IsLargeSite(int pages) => pages >= LargeSiteFromPages;

    /// <summary>
    /// Whether this run, over <paramref name="pages"/> pages, trades time for memory: a build (which holds the whole site)
    /// of a large site packs bodies with Brotli and collects once the claims are made.
    /// </summary>
    public bool SavesMemory(int pages) => PackBodies && IsLargeSite(pages);

    /// <summary>The front-matter keys of this site: the built-in ones and those site.yml declares.</summary>
    public FrontMatterSchema Schema { get; } = FrontMatterSchema.BuiltIn.WithSiteKeys(Config.FrontMatter);
}
