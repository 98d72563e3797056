using Crosswalk.Content;
using Crosswalk.Diagnostics;
using Crosswalk.Pipeline;

namespace Crosswalk.Preview.Incremental;

/// <summary>
/// The ResolveLinks stage for a preview: while the structure is as before, every link resolves as in the last build,
/// so only the edited pages are resolved again, and links to them are pointed at their new parse. The tables are the
/// preview's own, updated in place.
/// </summary>
internal sealed class IncrementalLinks
{
    private Dictionary<ParsedPage, ResolvedLinks> _links = [];
    private Dictionary<ParsedPage, HashSet<ParsedPage>> _referrers = [];
    private HashSet<ParsedPage> _orphans = [];
    // The pages whose links reported something: an edit reports those instead of looking at every page's links.
    private HashSet<ParsedPage> _reporting = [];

    /// <summary>The pages whose links were resolved or pointed anew by the last update; null after a full resolve.</summary>
    public List<ParsedPage>? Relinked { get; private set; }

    public LinkedSite Run(IndexedSite site, string baseUrl, IReadOnlyList<Replacement>? replaced, DiagnosticBag report)
    {
        var stage = new ResolveLinksStage(site, baseUrl);
        if (replaced is null)
        {
            Relinked = null;
            var full = stage.Run(report);
            _links = new Dictionary<ParsedPage, ResolvedLinks>(full.Links);
            _referrers = full.Referrers.ToDictionary(e => e.Key, e => e.Value);
            _orphans = [.. full.Orphans];
            _reporting = [.. full.Links.Where(e => e.Value.Diagnostics.Count > 0).Select(e => e.Key)];
            return full;
        }
        var recounted = Update(stage, replaced);
        // Only the pages whose count of linking pages changed can have become, or stopped being, orphans.
        foreach (var r in replaced)
        {
            _orphans.Remove(r.Old);
        }
        foreach (var page in recounted)
        {
            if (ResolveLinksStage.IsOrphan(site, _referrers, page))
            {
                _orphans.Add(page);
            }
            else
            {
                _orphans.Remove(page);
            }
        }
        var linked = new LinkedSite(_links, _referrers, _orphans);
        foreach (var page in _reporting)
        {
            report.AddRange(_links[page].Diagnostics);
        }
        ResolveLinksStage.ReportOrphans(linked, report);
        return linked;
    }

    // Each edited page (a new parse where the old one stood) is resolved again, and the links of other pages to it are
    // pointed at the new parse. Returns the pages whose set of linking pages changed.
    private HashSet<ParsedPage> Update(ResolveLinksStage stage, IReadOnlyList<Replacement> replaced)
    {
        var recounted = new HashSet<ParsedPage>();
        Relinked = [];
        if (replaced.Count == 0)
        {
            return recounted;
        }
        foreach (var (_, old, _) in replaced)
        {
            ResolveLinksStage.Refer(_referrers, old, _links[old], add: false, recounted);
            _links.Remove(old);
            _reporting.Remove(old);
        }
        var moved = replaced.ToDictionary(r => r.Old, r => r.New);
        // What still links to an edited page's old parse: pages that were not edited. Their links and the sets of pages
        // linking to it move to the new parse.
        var stale = replaced.SelectMany(r => _referrers.GetValueOrDefault(r.Old) ?? []).Distinct().ToList();
        foreach (var page in stale)
        {
            _links[page] = _links[page] with { Targets = Array.ConvertAll(_links[page].Targets, t => t.Page is { } p && moved.TryGetValue(p, out var now) ? t with { Page = now } : t) };
        }
        foreach (var (_, old, now) in replaced)
        {
            if (_referrers.Remove(old, out var set))
            {
                _referrers[now] = set;
            }
            recounted.Add(now);
        }
        foreach (var (_, _, now) in replaced)
        {
            ResolveLinksStage.Refer(_referrers, now, _links[now] = stage.Resolve(now), add: true, recounted);
            if (_links[now].Diagnostics.Count > 0)
            {
                _reporting.Add(now);
            }
        }
        Relinked = [.. replaced.Select(r => r.New), .. stale];
        recounted.ExceptWith(moved.Keys);
        return recounted;
    }
}
