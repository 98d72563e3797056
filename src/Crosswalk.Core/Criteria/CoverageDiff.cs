namespace Crosswalk.Criteria;

/// <summary>A criterion whose coverage changed between a baseline and now.</summary>
/// <param name="Catalog">The catalog's id.</param>
/// <param name="Id">The criterion's id.</param>
/// <param name="Title">Its title.</param>
/// <param name="Before">Its coverage in the baseline.</param>
/// <param name="After">Its coverage now.</param>
/// <param name="Pages">The pages that covered it before (lost, weakened) or cover it now (gained, strengthened).</param>
public sealed record CoverageChange(string Catalog, string Id, string Title, Coverage Before, Coverage After, IReadOnlyList<CoveringPage> Pages);

/// <summary>A document whose claims changed: the criteria it claims now and did not, and those it no longer claims.</summary>
/// <param name="Title">The page's title (now, else in the baseline).</param>
/// <param name="Source">Its source file as reported.</param>
/// <param name="Added">Criteria it covers now and did not (catalog id and criterion id).</param>
/// <param name="Removed">Criteria it covered and no longer does.</param>
public sealed record DocumentChange(string Title, string Source, IReadOnlyList<string> Added, IReadOnlyList<string> Removed);

/// <summary>
/// What changed in coverage between a baseline report (the base branch's <c>coverage --format json</c>) and now:
/// criteria lost (covered before, a gap now), gained, weakened (claimed directly before, only inherited now) and
/// strengthened, criteria covered before that the report no longer holds (their catalog removed, or the criterion
/// gone from it), and each document whose claims changed. A baseline that does not say how pages claim (an older
/// report) gives no weakened or strengthened criteria.
/// </summary>
public sealed record CoverageDiff(IReadOnlyList<CoverageChange> Lost, IReadOnlyList<CoverageChange> Gained,
    IReadOnlyList<CoverageChange> Weakened, IReadOnlyList<CoverageChange> Strengthened, IReadOnlyList<DocumentChange> Documents)
{
    /// <summary>Criteria covered in the baseline that the current report does not hold at all.</summary>
    public IReadOnlyList<CoverageChange> Dropped { get; init; } = [];

    /// <summary>True when nothing changed.</summary>
    public bool IsEmpty => Lost.Count + Gained.Count + Weakened.Count + Strengthened.Count + Documents.Count + Dropped.Count == 0;

    /// <summary>Compares <paramref name="baseline"/> with <paramref name="current"/>.</summary>
    public static CoverageDiff Compare(CoverageSnapshot baseline, CoverageSnapshot current)
    {
        var before = Leaves(baseline);
        var now = Leaves(current);
        var lost = new List<CoverageChange>();
        var gained = new List<CoverageChange>();
        var weakened = new List<CoverageChange>();
        var strengthened = new List<CoverageChange>();
        var shared = baseline.Catalogs.Select(c => c.Id).Intersect(current.Catalogs.Select(c => c.Id)).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in current.Catalogs.Where(c => shared.Contains(c.Id)).SelectMany(c => c.Criteria).Where(c => c.Leaf))
        {
            if (!before.TryGetValue((entry.Catalog, entry.Id), out var then))
            {
                continue;
            }
            // Without how pages claimed, a covered criterion is only covered.
            var was = baseline.KnowsDirect || then.Coverage == Coverage.Gap ? then.Coverage : entry.Coverage == Coverage.Gap ? Coverage.Direct : entry.Coverage;
            if (was == entry.Coverage)
            {
                continue;
            }
            var change = (was, entry.Coverage) switch
            {
                (_, Coverage.Gap) => (lost, then.Pages),
                (Coverage.Gap, _) => (gained, entry.Pages),
                (Coverage.Direct, _) => (weakened, then.Pages.Where(p => p.Direct).ToList()),
                _ => (strengthened, entry.Pages.Where(p => p.Direct).ToList()),
            };
            change.Item1.Add(new CoverageChange(entry.Catalog, entry.Id, entry.Title, was, entry.Coverage, change.Item2));
        }
        var dropped = baseline.Catalogs.SelectMany(c => c.Criteria).Where(c => c.Leaf && c.Coverage != Coverage.Gap && !now.ContainsKey((c.Catalog, c.Id)))
            .Select(c => new CoverageChange(c.Catalog, c.Id, c.Title, c.Coverage, Coverage.Gap, c.Pages)).ToList();
        return new CoverageDiff(lost, gained, weakened, strengthened, ChangedDocuments(baseline, current, shared)) { Dropped = dropped };
    }

    private static Dictionary<(string, string), CriterionEntry> Leaves(CoverageSnapshot snapshot) =>
        snapshot.Catalogs.SelectMany(c => c.Criteria).Where(c => c.Leaf).GroupBy(c => (c.Catalog, c.Id)).ToDictionary(g => g.Key, g => g.First());

    // A document is known by its source file: a retitled or moved page is the same document while its file stays.
    private static List<DocumentChange> ChangedDocuments(CoverageSnapshot baseline, CoverageSnapshot current, HashSet<string> catalogs)
    {
        // Criteria keep the report's (catalog) order: A.8.2 before A.8.10.
        static Dictionary<string, (string Title, List<string> Claims)> ByDocument(CoverageSnapshot snapshot, HashSet<string> catalogs)
        {
            var map = new Dictionary<string, (string, List<string>)>(StringComparer.Ordinal);
            foreach (var criterion in snapshot.Catalogs.Where(c => catalogs.Contains(c.Id)).SelectMany(c => c.Criteria).Where(c => c.Leaf))
            {
                foreach (var page in criterion.Pages)
                {
                    if (!map.TryGetValue(page.Source, out var entry))
                    {
                        map[page.Source] = entry = (page.Title, []);
                    }
                    entry.Item2.Add($"{criterion.Catalog} {criterion.Id}");
                }
            }
            return map;
        }
        var then = ByDocument(baseline, catalogs);
        var now = ByDocument(current, catalogs);
        var changes = new List<DocumentChange>();
        foreach (var source in then.Keys.Union(now.Keys).Order(StringComparer.Ordinal))
        {
            var had = then.TryGetValue(source, out var a) ? a.Claims : [];
            var has = now.TryGetValue(source, out var b) ? b.Claims : [];
            var added = has.Except(had, StringComparer.Ordinal).ToList();
            var removed = had.Except(has, StringComparer.Ordinal).ToList();
            if (added.Count + removed.Count > 0)
            {
                changes.Add(new DocumentChange(now.ContainsKey(source) ? b.Title : a.Title, source, added, removed));
            }
        }
        return changes;
    }
}
