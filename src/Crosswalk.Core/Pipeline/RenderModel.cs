using Crosswalk.Config;
using Crosswalk.Content;
using Crosswalk.Criteria;
using Crosswalk.Templates;

namespace Crosswalk.Pipeline;

/// <summary>
/// Fingerprints of what every page shows of the rest of the site, for a preview deciding what to render again: the
/// site's structure (URLs, titles, sidebar places, static files, redirects) and every claim. Zero outside a preview.
/// </summary>
public readonly record struct SiteSignatures(ulong Structure, ulong Claims);

/// <summary>Everything stage <c>Render</c> reads: the earlier stages' records, the renderer and the criteria pages.</summary>
/// <param name="context">The build's shared settings (site.yml, placeholders, today).</param>
/// <param name="inputs">Theme and catalogs.</param>
/// <param name="site">The indexed site.</param>
/// <param name="links">The resolved links.</param>
/// <param name="claims">The claims.</param>
/// <param name="discardsOutput">Rendered files are thrown away (check): what cannot change a verdict need not be made.</param>
/// <param name="criteriaPageCounts">The preview's counts of each criterion's pages of claims, kept while the claims are the same (see <see cref="CriteriaPages.PageCounts"/>); null in a build.</param>
public sealed class RenderModel(BuildContext context, SiteInputs inputs, IndexedSite site, LinkedSite links, ClaimedSite claims, bool discardsOutput = false,
    System.Collections.Concurrent.ConcurrentDictionary<Criterion, int>? criteriaPageCounts = null)
{

    /// <summary>site.yml.</summary>
    public SiteConfig Config => context.Config;
    /// <summary>Theme and catalogs.</summary>
    public SiteInputs Inputs => inputs;
    /// <summary>Rendered files are thrown away (check).</summary>
    public bool DiscardsOutput => discardsOutput;
    /// <summary>The placed pages and files, index and sidebar.</summary>
    public IndexedSite Site => site;
    /// <summary>The resolved links.</summary>
    public LinkedSite Links => links;
    /// <summary>The claims.</summary>
    public ClaimedSite Claims => claims;

    /// <summary>Each source file's revisions.</summary>
    public SiteHistory History { get; init; } = SiteHistory.None;

    /// <summary>Pages include a live-reload script (serve).</summary>
    public bool LiveReload { get; init; }

    /// <summary>Pages whose template-added ids a later stage reads; null: every page's.</summary>
    public IReadOnlySet<ParsedPage>? TemplateIdsNeeded { get; init; }

    /// <summary>
    /// The content pages to write, when a preview writes only what an edit changed (the other files of those pages
    /// are as the last build left them); null: every page. Artifacts with a file per content page honour it.
    /// </summary>
    public IReadOnlyCollection<ParsedPage>? OnlyPages { get; init; }

    /// <summary>What a preview compares between builds (see <see cref="SiteSignatures"/>).</summary>
    public SiteSignatures Signatures { get; init; }

    /// <summary>The layout renderer, made once per build.</summary>
    public PageRenderer Renderer { get; } = new(context.Config, inputs.Theme, site.Navigation, discardsOutput) { Today = context.Today };

    /// <summary>Makes a page's site URLs relative (<c>relative_urls</c>).</summary>
    public Output.RelativeUrls RelativeUrls { get; } = new(context.Config.BaseUrl);

    /// <summary>The generated criteria pages and each page's criteria box.</summary>
    /// <remarks>When the output is discarded and the layout only prints the body, their bodies are not made.</remarks>
    public CriteriaPages CriteriaPages { get; } = new(claims.Catalogs, claims.Claims, context.Config.BaseUrl, site.Navigation.Home?.NavTitle, site.Navigation.Home?.Url,
        withContent: !discardsOutput || !inputs.Theme.PrintsContentVerbatim(Theme.LayoutPath(null)))
    {
        PageCounts = criteriaPageCounts,
    };

    /// <summary>The view a content page is rendered from, with the criteria box <paramref name="criteria"/> (<see cref="CriteriaPages"/>' links for it).</summary>
    public PageView ViewFor(ParsedPage page, IReadOnlyList<CriterionLink> criteria) => new()
    {
        Title = page.Title,
        Url = page.Url,
        Body = new PageBody(page.BodyUtf8, context.Placeholders, links.Links[page].Hrefs, page.TitleEnd),
        Layout = page.Meta.Layout ?? Theme.DefaultLayout,
        Page = page,
        Summary = page.Meta.Summary,
        HasH1 = page.HasH1,
        Headings = page.Headings,
        Criteria = criteria,
        Revisions = History.Of(page.Source),
    };
}
