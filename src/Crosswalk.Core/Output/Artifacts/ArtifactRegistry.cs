using Crosswalk.Content;
using Crosswalk.Pipeline;

namespace Crosswalk.Output;

/// <summary>The registry of outputs: every file of a site comes from one of these artifacts.</summary>
public sealed class ArtifactRegistry(IReadOnlyList<IArtifact> artifacts)
{
    /// <summary>The outputs of every build: reserved paths first come first.</summary>
    public static ArtifactRegistry Default { get; } = new(
    [
        new OutputMarker(),
        new NotFoundPage(),
        new Sitemap(),
        new RobotsTxt(),
        new ThemeAssets(),
        new SearchIndex(),
        new Templates.NavigationScript(),
        new CriteriaPageFiles(),
        new ReviewsPage(),
        new ContentPages(),
        new RedirectPages(),
        new StaticFiles(),
    ]);

    /// <summary>The artifacts, in order.</summary>
    public IReadOnlyList<IArtifact> All => artifacts;

    /// <summary>Every reserved path, in artifact order (the first owner of a path keeps it).</summary>
    public IEnumerable<(string Path, string Owner)> Reserved(BuildContext context, SiteInputs inputs, IReadOnlyList<ParsedPage> pages) => artifacts.SelectMany(a => a.Reserve(context, inputs, pages));

    /// <summary>Every file of the site.</summary>
    public List<OutputFile> Files(RenderModel model) => [.. artifacts.SelectMany(a => a.Files(model))];
}

/// <summary>The file that marks a folder as Crosswalk's output (written by <see cref="SiteWriter"/>): its path is reserved.</summary>
internal sealed class OutputMarker : IArtifact
{
    public IEnumerable<(string Path, string Owner)> Reserve(BuildContext context, SiteInputs inputs, IReadOnlyList<ParsedPage> pages) => [(SiteWriter.MarkerFile, "Crosswalk's output marker")];

    public IEnumerable<OutputFile> Files(RenderModel model) => [];
}
