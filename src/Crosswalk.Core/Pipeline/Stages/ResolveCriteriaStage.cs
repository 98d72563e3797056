using Crosswalk.Criteria;
using Crosswalk.Diagnostics;

namespace Crosswalk.Pipeline;

/// <summary>
/// Stage <c>ResolveCriteria</c>: reads every claim (front matter and mapping tables, claims pointed through the
/// resolved links of each row) and checks every coverage table against them (CW3004).
/// </summary>
public static class ResolveCriteriaStage
{
    /// <summary>The claims of the site.</summary>
    public static ClaimedSite Run(IndexedSite site, LinkedSite links, SiteInputs inputs, BuildContext context, DiagnosticBag report)
    {
        var criteria = Criteria(site, links, inputs, context, report);
        var claims = criteria.Claims(site.Pages);
        criteria.CheckCoverage(site.Pages, claims);
        if (!context.LiveReload)
        {
            // Nothing reads the mapping cells' references after this in a build or check (the preview reads them again
            // after an edit).
            foreach (var page in site.Pages)
            {
                page.ReleaseTableClaims();
            }
            claims.TrimExcess();
        }
        return new ClaimedSite(inputs.Catalogs, claims);
    }

    /// <summary>The resolver of this site, reading each row's links as the ResolveLinks stage resolved them.</summary>
    public static ResolveCriteria Criteria(IndexedSite site, LinkedSite links, SiteInputs inputs, BuildContext context, DiagnosticBag report) =>
        new(context.Config, inputs.Catalogs, site.Index, report) { ResolvedLinks = page => links.Links.GetValueOrDefault(page)?.Targets };
}
