using Crosswalk.Config;
using Crosswalk.Content;
using Crosswalk.Criteria;

namespace Crosswalk.Oscal;

/// <summary>
/// Where the exported documents point on the published site: <c>site_url</c> + <c>base_url</c> + the page's path when
/// site.yml sets <c>site_url</c>, else the path under <c>base_url</c> alone (a reference relative to the site's origin).
/// </summary>
internal sealed class SiteLinks(SiteConfig config)
{
    private readonly string _origin = config.SiteUrl is { Length: > 0 } origin ? OscalText.Origin(origin) : "";

    /// <summary>
    /// What names this site in the UUIDs' names: its published address when <c>site_url</c> is set, else its title and
    /// <c>base_url</c>, so two sites' documents at the same path get different UUIDs.
    /// </summary>
    public string Identity { get; } = config.SiteUrl is { Length: > 0 } url ? url + config.BaseUrl : "title:" + config.Title + "\n" + config.BaseUrl;

    /// <summary>
    /// The UUID of the object named by <paramref name="parts"/> (its kind, then what identifies it: a page's URL, a
    /// catalog and a criterion ID…) on this site: the same object gets the same UUID in every export.
    /// </summary>
    public string Uuid(params string[] parts) =>
        NameBasedUuid.V5(NameBasedUuid.Crosswalk, Identity + "\n" + string.Join("\n", parts)).ToString("D");

    /// <summary>A page's address.</summary>
    public string Page(ParsedPage page) => Path(page.Url);

    /// <summary>The address of a claim's statement: its table row on the page holding it, else that page.</summary>
    public string Claim(Claim claim) =>
        claim.RowId is null ? Page(claim.Holder) : Page(claim.Holder) + "#" + OscalText.Fragment(claim.RowId);

    /// <summary>A catalog's page on the site (its coverage matrix): what a control-implementation names as its source.</summary>
    public string Catalog(Catalog catalog) => Path(CriterionUrls.Catalog(catalog));

    private string Path(string url) => _origin + UrlModel.PublicPath(config.BaseUrl, url);
}
