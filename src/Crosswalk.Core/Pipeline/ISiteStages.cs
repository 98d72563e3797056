using Crosswalk.Caching;
using Crosswalk.Criteria;
using Crosswalk.Markdown;
using Crosswalk.Output;
using Crosswalk.Templates;

namespace Crosswalk.Pipeline;

/// <summary>
/// The stages as the runner calls them. <see cref="SiteStages"/> runs each stage in full; a preview wraps them from
/// outside (Preview/Incremental) to reuse what an edit left as it was. Diagnostics go to the context's bag.
/// </summary>
internal interface ISiteStages
{
    /// <summary>The placeholders page bodies are parsed with (a preview keeps its own: cached bodies hold them).</summary>
    LinkPlaceholders Placeholders { get; }

    SourceSet Discover(BuildContext context);

    Theme LoadTheme(BuildContext context);

    CatalogSet LoadCatalogs(BuildContext context);

    /// <summary>Starts reading the revision history (a preview reads it once per session).</summary>
    Task<History.GitHistoryResult?> LoadHistory(BuildContext context, bool enabled);

    ParsedSite Parse(BuildContext context, SourceSet files, SiteInputs inputs);

    IndexedSite Index(BuildContext context, ParsedSite parsed, SourceSet files, SiteInputs inputs);

    LinkedSite ResolveLinks(BuildContext context, IndexedSite site);

    ClaimedSite ResolveCriteria(BuildContext context, IndexedSite site, LinkedSite links, SiteInputs inputs);

    /// <summary>What the Render stage reads, made from the earlier stages' records.</summary>
    RenderModel Prepare(BuildContext context, SiteInputs inputs, IndexedSite site, LinkedSite links, ClaimedSite claims, SiteHistory history, bool discardsOutput);

    RenderedSite Render(BuildContext context, RenderModel model, IOutputSink sink);

    void Verify(BuildContext context, IndexedSite site, LinkedSite links, RenderedSite rendered);
}

/// <summary>Every stage in full: what build and check run, reading pages parsed before from <paramref name="cache"/> when given.</summary>
internal sealed class SiteStages(ParseCache? cache = null) : ISiteStages
{
    // The cached bodies hold the cache's placeholders, so every page of the run is parsed with them.
    public LinkPlaceholders Placeholders { get; } = cache is not null ? new LinkPlaceholders(cache.Nonce) : LinkPlaceholders.CreateRandom();

    public SourceSet Discover(BuildContext context) => DiscoverStage.Run(context, context.Diagnostics);

    public Theme LoadTheme(BuildContext context) => LoadThemeStage.Run(context, context.Diagnostics);

    public CatalogSet LoadCatalogs(BuildContext context) => LoadCatalogsStage.Run(context, context.Diagnostics);

    public Task<History.GitHistoryResult?> LoadHistory(BuildContext context, bool enabled) => LoadHistoryStage.Start(context, enabled);

    public ParsedSite Parse(BuildContext context, SourceSet files, SiteInputs inputs) => new ParseStage(context, inputs, cache).Run(files, context.Diagnostics);

    public IndexedSite Index(BuildContext context, ParsedSite parsed, SourceSet files, SiteInputs inputs) =>
        IndexStage.Run(parsed, files, inputs, context, context.Diagnostics);

    public LinkedSite ResolveLinks(BuildContext context, IndexedSite site) => new ResolveLinksStage(site, context.Config.BaseUrl).Run(context.Diagnostics);

    public ClaimedSite ResolveCriteria(BuildContext context, IndexedSite site, LinkedSite links, SiteInputs inputs) =>
        ResolveCriteriaStage.Run(site, links, inputs, context, context.Diagnostics);

    // A build records template ids only for the pages whose anchors Verify looks for there.
    public RenderModel Prepare(BuildContext context, SiteInputs inputs, IndexedSite site, LinkedSite links, ClaimedSite claims, SiteHistory history, bool discardsOutput) =>
        new(context, inputs, site, links, claims, discardsOutput)
        {
            History = history,
            TemplateIdsNeeded = VerifyStage.TemplateIdsNeeded(site, links),
            LiveReload = context.LiveReload,
        };

    public RenderedSite Render(BuildContext context, RenderModel model, IOutputSink sink) => RenderStage.Run(model, sink, context, context.Diagnostics);

    public void Verify(BuildContext context, IndexedSite site, LinkedSite links, RenderedSite rendered) =>
        VerifyStage.Run(site, links, rendered, context.Diagnostics);
}
