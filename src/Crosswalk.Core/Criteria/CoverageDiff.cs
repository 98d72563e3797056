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
/// strengthened, and each document whose claims changed. Only criteria of catalogs in both reports are compared.
/// </summary>
public sealed record CoverageDiff(IReadOnlyList<CoverageChange> Lost, IReadOnlyList<CoverageChange> Gained,
    IReadOnlyList<CoverageChange> Weakened, IReadOnlyList<CoverageChange> Strengthened, IReadOnlyList<DocumentChange> Documents)
{
    /// <summary>True when nothing changed.</summary>
    public bool IsEmpty => Lost.Count + Gained.Count + Weakened.Count + Strengthened.Count + Documents.Count == 0;

    /// <summary>Compares <paramref name="baseline"/> with <paramref name="current"/>.</summary>
    public static CoverageDiff Compare(CoverageSnapshot baseline, CoverageSnapshot current)
    {
        var before = Leaves(baseline);
        var lost = new List<CoverageChange>();
        var gained = new List<CoverageChange>();
        var weakened = new List<CoverageChange>();
        var strengthened = new List<CoverageChange>();
        var shared = baseline.Catalogs.Select(c => c.Id).Intersect(current.Catalogs.Select(c => c.Id)).ToHashSet(StringComparer.Ordinal);
        foreach (var now in current.Catalogs.Where(c => shared.Contains(c.Id)).SelectMany(c => c.Criteria).Where(c => c.Leaf))
        {
            if (!before.TryGetValue((now.Catalog, now.Id), out var then) || then.Coverage == now.Coverage)
            {
                continue;
            }
            var change = (then.Coverage, now.Coverage) switch
            {
                (_, Coverage.Gap) => (lost, then.Pages),
                (Coverage.Gap, _) => (gained, now.Pages),
                (Coverage.Direct, _) => (weakened, then.Pages.Where(p => p.Direct).ToList()),
                _ => (strengthened, now.Pages.Where(p => p.Direct).ToList()),
            };
            change.Item1.Add(new CoverageChange(now.Catalog, now.Id, now.Title, then.Coverage, now.Coverage, change.Item2));
        }
        return new CoverageDiff(lost, gained, weakened, strengthened, ChangedDocuments(baseline, current, shared));
    }

    private static Dictionary<(string, string), CriterionEntry> Leaves(CoverageSnapshot snapshot) =>
        snapshot.Catalogs.SelectMany(c => c.Criteria).Where(c => c.Leaf).GroupBy(c => (c.Catalog, c.Id)).ToDictionary(g => g.Key, g => g.First());

    // A document is known by its source file: a retitled or moved page is the same document while its file stays.
    private static List<DocumentChange> ChangedDocuments(CoverageSnapshot baseline, CoverageSnapshot current, HashSet<string> catalogs)
    {
        static Dictionary<string, (string Title, SortedSet<string> Claims)> ByDocument(CoverageSnapshot snapshot, HashSet<string> catalogs)
        {
            var map = new Dictionary<string, (string, SortedSet<string>)>(StringComparer.Ordinal);
            foreach (var criterion in snapshot.Catalogs.Where(c => catalogs.Contains(c.Id)).SelectMany(c => c.Criteria).Where(c => c.Leaf))
            {
                foreach (var page in criterion.Pages)
                {
                    if (!map.TryGetValue(page.Source, out var entry))
                    {
                        map[page.Source] = entry = (page.Title, new SortedSet<string>(StringComparer.Ordinal));
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
            var added = has.Except(had).ToList();
            var removed = had.Except(has).ToList();
            if (added.Count + removed.Count > 0)
            {
                changes.Add(new DocumentChange(now.ContainsKey(source) ? b.Title : a.Title, source, added, removed));
            }
        }
        return changes;
    }
}
