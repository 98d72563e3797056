using Crosswalk.Content;
using Crosswalk.Criteria;
using Crosswalk.Diagnostics;
using Crosswalk.Pipeline;

namespace Crosswalk.Preview.Incremental;

/// <summary>
/// The ResolveCriteria stage for a preview: a page's claims are read again only when it was parsed again, and the last
/// build's claim set is updated at the places of the edited pages (while the site's URLs are as before).
/// </summary>
internal sealed class IncrementalClaims
{
    private readonly Dictionary<ParsedPage, (IReadOnlyList<Claim> Claims, IReadOnlyList<Diagnostic> Diagnostics)> _held = [];
    private readonly PageHashes _hashes = new();
    private ClaimSet? _last;

    public ClaimedSite Run(IndexedSite site, LinkedSite links, SiteInputs inputs, BuildContext context, IReadOnlyList<Replacement>? replaced, DiagnosticBag report)
    {
        if (replaced is null)
        {
            // Claims were resolved against other URLs.
            _held.Clear();
            _hashes.Clear();
            _last = null;
        }
        var criteria = new ResolveCriteria(context.Config, inputs.Catalogs, site.Index, report)
        {
            ResolvedLinks = page => links.Links.GetValueOrDefault(page)?.Targets,
            HeldCache = _held,
            Previous = _last,
            Replaced = replaced?.Select(r => (r.Place, r.Old, r.New)).ToList(),
        };
        _last = criteria.Claims(site.Pages);
        criteria.CheckCoverage(site.Pages, _last);
        return new ClaimedSite(inputs.Catalogs, _last);
    }

    /// <summary>
    /// Everything generated pages and criteria boxes show of the claims: every page's URL and titles, and what each
    /// page's claims say. The latter is hashed once per parse of the page and kept while its claims are.
    /// </summary>
    public ulong Signature(IReadOnlyList<ParsedPage> pages, ClaimSet claims)
    {
        var f = new Fnv();
        foreach (var page in pages)
        {
            f.Add(_hashes.Of(pages, page, (page, h) =>
            {
                h.Add(page.Url).Add(page.Title).Add(page.NavTitle);
                foreach (var c in claims.HeldBy(page))
                {
                    h.Add(c.Page.Url).Add(c.Criterion.Catalog.Id).Add(c.Criterion.Id).Add(c.Location.File).Add(c.Location.Line).Add(c.Location.Column)
                     .Add(c.RowId ?? "");
                }
            }));
        }
        return f.Value;
    }
}
