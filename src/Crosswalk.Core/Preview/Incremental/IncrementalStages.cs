using Crosswalk.Criteria;
using Crosswalk.Diagnostics;
using Crosswalk.Markdown;
using Crosswalk.Output;
using Crosswalk.Pipeline;
using Crosswalk.Templates;

namespace Crosswalk.Preview.Incremental;

/// <summary>
/// The stages of a preview, wrapped from outside: each keeps what the last build made and reuses what the files the
/// watcher reported cannot have changed. While the site's structure is the same, pages keep their places from build
/// to build and every later stage updates the last results at the places of the pages parsed again, so an edit costs
/// about as much on a site of 10,000 pages as on one of 100. A change to site.yml, a template or a catalog file starts
/// a new instance.
/// </summary>
internal sealed class IncrementalStages : ISiteStages
{
    private (SourceSet Files, HashSet<string> Paths, IReadOnlyList<Diagnostic> Diagnostics)? _files;
    private (Theme Theme, IReadOnlyList<Diagnostic> Diagnostics)? _theme;
    private (CatalogSet Catalogs, IReadOnlyList<Diagnostic> Diagnostics)? _catalogs;
    private readonly IncrementalParse _parse = new();
    private readonly IncrementalIndex _index = new();
    private readonly IncrementalLinks _links = new();
    private readonly IncrementalClaims _claims = new();
    private readonly IncrementalRender _render = new();
    private readonly CriterionPageCounts _pageCounts = new();

    /// <summary>The placeholders the cached bodies were written with: kept, so cached pages stay valid.</summary>
    public LinkPlaceholders Placeholders { get; } = LinkPlaceholders.CreateRandom();

    /// <summary>
    /// The absolute paths the watcher reported since the last build, or null when that is not known (everything is
    /// then looked at again). Other files are taken as they were, without listing folders or reading file stamps.
    /// </summary>
    public IReadOnlySet<string>? Changed { get; set; }

    public SourceSet Discover(BuildContext context)
    {
        // Told which files changed, all of them known, still there and not (now) links: the same files as before.
        // Discover would have to judge a new link.
        if (Changed is { } changed && _files is var (known, paths, reported)
            && changed.All(p => paths.Contains(p) && File.Exists(p) && new FileInfo(p).LinkTarget is null))
        {
            context.Diagnostics.AddRange(reported);
            return known;
        }
        var files = Reporting(context.Diagnostics, bag => DiscoverStage.Run(context, bag), out var diagnostics);
        _files = (files, files.Files.Select(f => f.FullPath).ToHashSet(StringComparer.Ordinal), diagnostics);
        return files;
    }

    // The theme and the catalogs stay for the life of the preview: editing one starts a new one.
    public Theme LoadTheme(BuildContext context) => Kept(context, ref _theme, bag => LoadThemeStage.Run(context, bag));

    public CatalogSet LoadCatalogs(BuildContext context) => Kept(context, ref _catalogs, bag => LoadCatalogsStage.Run(context, bag));

    public ParsedSite Parse(BuildContext context, SourceSet files, SiteInputs inputs) =>
        _parse.Run(new ParseStage(context, inputs), files, Changed, context.Diagnostics);

    public IndexedSite Index(BuildContext context, ParsedSite parsed, SourceSet files, SiteInputs inputs) =>
        _index.Run(context, parsed, files, inputs, context.Diagnostics);

    public LinkedSite ResolveLinks(BuildContext context, IndexedSite site) =>
        _links.Run(site, context.Config.BaseUrl, _index.Replaced, context.Diagnostics);

    public ClaimedSite ResolveCriteria(BuildContext context, IndexedSite site, LinkedSite links, SiteInputs inputs) =>
        _claims.Run(site, links, inputs, context, _index.Replaced, context.Diagnostics);

    // Every page's template ids are kept: a later edit may link to any page without rendering it again.
    // History changes only with a commit: read once per preview session.
    private Task<History.GitHistoryResult?>? _history;

    public Task<History.GitHistoryResult?> LoadHistory(BuildContext context, bool enabled) => _history ??= LoadHistoryStage.Start(context, enabled);

    public RenderModel Prepare(BuildContext context, SiteInputs inputs, IndexedSite site, LinkedSite links, ClaimedSite claims, SiteHistory history, bool discardsOutput)
    {
        var signatures = new SiteSignatures(_index.Structure, _claims.Signature(site.Pages, claims.Claims));
        return new(context, inputs, site, links, claims, discardsOutput, _pageCounts.For(signatures.Claims))
        {
            History = history,
            LiveReload = context.LiveReload,
            Signatures = signatures,
            OnlyPages = _render.Plan(signatures, _index.Replaced),
        };
    }

    public RenderedSite Render(BuildContext context, RenderModel model, IOutputSink sink) => _render.Render(model, sink, context, Changed);

    /// <summary>On an unchanged site, the paths this build's Render took out of the site; null when it listed them anew (see <see cref="IncrementalRender.Dropped"/>).</summary>
    public IReadOnlySet<string>? Dropped => _render.Dropped;

    /// <summary>The paths of the generated files the last Render left for <see cref="Settle"/>.</summary>
    public IReadOnlySet<string> Deferred => _render.Deferred;

    /// <summary>Writes what the last Render left; returns what that reported.</summary>
    public IReadOnlyList<Diagnostic> Settle() => _render.Settle();

    public void Verify(BuildContext context, IndexedSite site, LinkedSite links, RenderedSite rendered) =>
        _render.Verify(site, links, rendered, _index.Replaced, _links.Relinked, context.Diagnostics);

    private static T Kept<T>(BuildContext context, ref (T Value, IReadOnlyList<Diagnostic> Diagnostics)? kept, Func<DiagnosticBag, T> load)
    {
        if (kept is var (value, reported))
        {
            context.Diagnostics.AddRange(reported);
            return value;
        }
        value = Reporting(context.Diagnostics, load, out var diagnostics);
        kept = (value, diagnostics);
        return value;
    }

    // Runs work against a bag of its own and adds what it reported to the build's; the list is kept for replaying.
    internal static T Reporting<T>(DiagnosticBag report, Func<DiagnosticBag, T> work, out IReadOnlyList<Diagnostic> reported)
    {
        var bag = new DiagnosticBag();
        var result = work(bag);
        reported = bag.ToSortedList();
        report.AddRange(reported);
        return result;
    }
}
