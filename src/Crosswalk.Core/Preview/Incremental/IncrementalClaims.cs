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
        var criteria = ResolveCriteriaStage.Criteria(site, links, inputs, context, report);
        var pages = site.Pages;
        var candidates = _last is { } last && replaced is not null ? Candidates(last, replaced) : null;
        foreach (var page in candidates is null ? pages : candidates.Select(i => pages[i]))
        {
            if (!_held.ContainsKey(page))
            {
                _held[page] = criteria.Held(page);
            }
        }
        if (_held.Count > pages.Count)
        {
            var live = pages.ToHashSet();
            foreach (var gone in _held.Keys.Where(p => !live.Contains(p)).ToList())
            {
                _held.Remove(gone);
            }
        }
        foreach (var (_, entry) in _held)
        {
            if (entry.Diagnostics.Count > 0)
            {
                report.AddRange(entry.Diagnostics);
            }
        }
        _last = _last?.Update(pages, page => _held[page].Claims, candidates) ?? ClaimSet.FromHolders(pages, page => _held[page].Claims);
        criteria.CheckCoverage(pages, _last);
        return new ClaimedSite(inputs.Catalogs, _last);
    }

    // The places that may hold other claims than in the last build: the edited pages, and the pages whose mapping
    // rows claim for an edited page (their claims are pointed at its new parse; the URLs are the same).
    private List<int> Candidates(ClaimSet last, IReadOnlyList<Replacement> replaced)
    {
        var candidates = new List<int>();
        foreach (var (place, stale, now) in replaced)
        {
            candidates.Add(place);
            foreach (var holder in last.Of(stale).Select(c => c.Holder).Distinct().ToList())
            {
                if (holder != stale && _held.TryGetValue(holder, out var entry))
                {
                    _held[holder] = (entry.Claims.Select(c => c.Page == stale ? c with { Page = now } : c).ToList(), entry.Diagnostics);
                    candidates.Add(last.PlaceOf(holder));
                }
            }
            _held.Remove(stale);
        }
        return candidates;
    }

    /// <summary>
    /// Everything generated pages and criteria boxes show of the claims: every page's URL and titles, and what each
    /// page's claims say. The latter is hashed once per parse of the page and kept while its claims are.
    /// </summary>
    public ulong Signature(IReadOnlyList<ParsedPage> pages, ClaimSet claims)
    {
        // One delegate for the whole site, not one per page.
        Action<ParsedPage, Fnv> hash = (page, h) =>
        {
            h.Add(page.Url).Add(page.Title).Add(page.NavTitle);
            foreach (var c in claims.HeldBy(page))
            {
                h.Add(c.Page.Url).Add(c.Criterion.Catalog.Id).Add(c.Criterion.Id).Add(c.Location.File).Add(c.Location.Line).Add(c.Location.Column)
                 .Add(c.RowId ?? "").Add(c.Via ?? "\0");
            }
        };
        var f = new Fnv();
        _hashes.AddTo(f, pages, hash);
        return f.Value;
    }
}
