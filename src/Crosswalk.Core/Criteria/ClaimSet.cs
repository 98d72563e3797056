using Crosswalk.Content;
using Crosswalk.Diagnostics;

namespace Crosswalk.Criteria;

/// <summary>A page's claim to meet a criterion.</summary>
/// <param name="Page">The page that claims it.</param>
/// <param name="Criterion">The criterion (or group) claimed.</param>
/// <param name="Location">Where the claim is written.</param>
/// <param name="Holder">The page in which it is written (a mapping table may claim for the pages its row links).</param>
/// <param name="RowId">The id of the table row that holds it, or null for front matter.</param>
/// <param name="Via">The catalog alias it was written through (<c>All TSC</c>), or null.</param>
public sealed record Claim(ParsedPage Page, Criterion Criterion, SourceLocation Location, ParsedPage Holder, string? RowId, string? Via = null)
{
    /// <summary>
    /// True when this claims <paramref name="criterion"/> itself: not through one of its groups (<c>CC6</c> for CC6.1)
    /// nor through an alias (<c>All TSC</c>), which make an inherited claim.
    /// </summary>
    public bool IsDirectFor(Criterion criterion) => Criterion == criterion && Via is null;

    /// <summary>How this claim covers <paramref name="criterion"/>, in words: "directly", "through CC6", "through 'All TSC'".</summary>
    public string HowFor(Criterion criterion) =>
        Via is not null ? $"through '{Via}'" : Criterion == criterion ? "directly" : $"through {Criterion.Id}";
}

/// <summary>How a criterion is covered.</summary>
public enum Coverage
{
    /// <summary>No document claims it, nor a group or alias that holds it.</summary>
    Gap,
    /// <summary>Claimed only through a group that holds it (<c>CC6</c>) or an alias (<c>All TSC</c>).</summary>
    Inherited,
    /// <summary>Some document claims the criterion itself.</summary>
    Direct,
}

/// <summary>Every claim of the site, indexed by page and by criterion.</summary>
public sealed class ClaimSet
{
    private readonly Dictionary<ParsedPage, List<Claim>> _byPage = [];
    private readonly Dictionary<Criterion, List<Claim>> _byCriterion = [];
    private readonly Dictionary<ParsedPage, IReadOnlyList<Claim>> _byHolder = [];
    // Holders in page order and where each stands, for a set built from holders: what keeps it patchable.
    private readonly List<ParsedPage>? _holders;
    private readonly Dictionary<ParsedPage, int>? _position;
    private IReadOnlyList<Claim>? _all;
    private Lazy<Dictionary<ParsedPage, int>> _titleRanks;

    /// <summary>Indexes <paramref name="claims"/>, kept in the order given.</summary>
    public ClaimSet(IEnumerable<Claim> claims)
    {
        _titleRanks = new(TitleRanks);
        var all = claims.ToList();
        _all = all;
        var held = new Dictionary<ParsedPage, List<Claim>>();
        foreach (var claim in all)
        {
            Add(_byPage, claim.Page, claim);
            Add(_byCriterion, claim.Criterion, claim);
            Add(held, claim.Holder, claim);
        }
        foreach (var (holder, list) in held)
        {
            _byHolder[holder] = list;
        }
    }

    private ClaimSet(IReadOnlyList<ParsedPage> holders, Func<ParsedPage, IReadOnlyList<Claim>> heldBy)
    {
        _titleRanks = new(TitleRanks);
        _holders = [.. holders];
        _position = new Dictionary<ParsedPage, int>(holders.Count);
        for (var i = 0; i < holders.Count; i++)
        {
            var held = heldBy(holders[i]);
            _position[holders[i]] = i;
            _byHolder[holders[i]] = held;
            foreach (var claim in held)
            {
                Add(_byPage, claim.Page, claim);
                Add(_byCriterion, claim.Criterion, claim);
            }
        }
    }

    /// <summary>
    /// The claims written on <paramref name="holders"/>, in their order: each holder's claims are the list
    /// <paramref name="heldBy"/> gives, every claim's <see cref="Claim.Holder"/> being that page. Such a set can be
    /// updated with <see cref="Update"/>.
    /// </summary>
    public static ClaimSet FromHolders(IReadOnlyList<ParsedPage> holders, Func<ParsedPage, IReadOnlyList<Claim>> heldBy) => new(holders, heldBy);

    /// <summary>
    /// This set made to hold what <see cref="FromHolders"/> would build from <paramref name="holders"/>, when they are
    /// this set's holders with a few replaced (or given other claim lists) in place; null when they are not (build
    /// afresh). A preview edit touches one page of thousands: only the index entries its old and new claims fall
    /// under are redone. <paramref name="candidates"/>, when given, are the only places that may have changed. This
    /// set is changed and returned; it is not to be used as it was.
    /// </summary>
    public ClaimSet? Update(IReadOnlyList<ParsedPage> holders, Func<ParsedPage, IReadOnlyList<Claim>> heldBy, IEnumerable<int>? candidates = null, int maxChanged = 64)
    {
        if (_holders is null || _position is null || holders.Count != _holders.Count)
        {
            return null;
        }
        var changed = new SortedSet<int>();
        foreach (var i in candidates ?? Enumerable.Range(0, holders.Count))
        {
            if (!ReferenceEquals(holders[i], _holders[i]) || !ReferenceEquals(heldBy(holders[i]), _byHolder[_holders[i]]))
            {
                if (changed.Count == maxChanged)
                {
                    return null;
                }
                changed.Add(i);
            }
        }
        if (changed.Count == 0)
        {
            return this;
        }
        // Out first, while the old holders still have their places: a holder's claims are one run in each list.
        var removed = changed.SelectMany(i => _byHolder[_holders[i]]).ToList();
        Remove(_byPage, c => c.Page, removed, changed);
        Remove(_byCriterion, c => c.Criterion, removed, changed);
        var added = new List<Claim>();
        foreach (var i in changed)
        {
            _byHolder.Remove(_holders[i]);
            _position.Remove(_holders[i]);
        }
        foreach (var i in changed)
        {
            var holder = holders[i];
            _holders[i] = holder;
            _position[holder] = i;
            var held = heldBy(holder);
            _byHolder[holder] = held;
            added.AddRange(held);
        }
        Insert(_byPage, c => c.Page, added);
        Insert(_byCriterion, c => c.Criterion, added);
        _all = null;
        _titleRanks = new(TitleRanks);
        return this;
    }

    private void Remove<TKey>(Dictionary<TKey, List<Claim>> map, Func<Claim, TKey> key, List<Claim> removed, SortedSet<int> places)
        where TKey : notnull
    {
        foreach (var k in removed.Select(key).Distinct())
        {
            if (!map.TryGetValue(k, out var list))
            {
                continue;
            }
            // From the last place back, so earlier runs keep their indexes.
            foreach (var place in places.Reverse())
            {
                var from = After(list, place - 1);
                list.RemoveRange(from, After(list, place) - from);
            }
            if (list.Count == 0)
            {
                map.Remove(k);
            }
        }
    }

    // Adds each claim after every claim of a holder standing at or before its own (a holder's claims keep their order).
    private void Insert<TKey>(Dictionary<TKey, List<Claim>> map, Func<Claim, TKey> key, List<Claim> added)
        where TKey : notnull
    {
        foreach (var claim in added)
        {
            var k = key(claim);
            if (!map.TryGetValue(k, out var list))
            {
                map[k] = list = [];
            }
            list.Insert(After(list, _position![claim.Holder]), claim);
        }
    }

    // The index of the first claim in list (in holder order) whose holder stands after place.
    private int After(List<Claim> list, int place)
    {
        int lo = 0, hi = list.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_position![list[mid].Holder] <= place)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }

    /// <summary>The pages claims are written on, in page order, for a set built by <see cref="FromHolders"/>; else empty.</summary>
    public IReadOnlyList<ParsedPage> Holders => _holders ?? [];

    /// <summary>Where <paramref name="holder"/> stands among <see cref="Holders"/>.</summary>
    public int PlaceOf(ParsedPage holder) => _position![holder];

    /// <summary>All claims in the order found.</summary>
    public IReadOnlyList<Claim> All => _all ??= _holders!.SelectMany(h => _byHolder[h]).ToList();

    /// <summary>Claims written on <paramref name="page"/> (its front matter and mapping rows), whatever document they are for.</summary>
    public IReadOnlyList<Claim> HeldBy(ParsedPage page) => _byHolder.GetValueOrDefault(page) ?? [];

    /// <summary>Claims for <paramref name="page"/> as the document claiming (wherever they are written).</summary>
    public IReadOnlyList<Claim> Of(ParsedPage page) => _byPage.GetValueOrDefault(page) ?? (IReadOnlyList<Claim>)[];

    /// <summary>Claims naming exactly <paramref name="criterion"/>.</summary>
    public IReadOnlyList<Claim> Direct(Criterion criterion) => _byCriterion.GetValueOrDefault(criterion) ?? (IReadOnlyList<Claim>)[];

    /// <summary>Claims that cover <paramref name="criterion"/>: on it, or on a group or alias that contains it.</summary>
    public IEnumerable<Claim> Covering(Criterion criterion)
    {
        for (Criterion? c = criterion; c is not null; c = c.Parent)
        {
            foreach (var claim in Direct(c))
            {
                yield return claim;
            }
        }
    }

    /// <summary>Pages covering <paramref name="criterion"/>, each once, in title order.</summary>
    public IReadOnlyList<ParsedPage> PagesCovering(Criterion criterion) => Covering(criterion).Select(c => c.Page).Distinct().Order(PageOrder).ToList();

    /// <summary>
    /// How many pages cover <paramref name="criterion"/>, and the first <paramref name="count"/> of them in the order of
    /// <see cref="PagesCovering"/>, without sorting them all: a coverage matrix lists a few per criterion, and at
    /// 100,000 pages sorting every criterion's tens of thousands took seconds on one thread.
    /// </summary>
    public (int Count, IReadOnlyList<ParsedPage> First) FirstPagesCovering(Criterion criterion, int count)
    {
        var seen = new HashSet<ParsedPage>();
        var first = new List<ParsedPage>(count + 1);
        foreach (var claim in Covering(criterion))
        {
            var page = claim.Page;
            if (!seen.Add(page))
            {
                continue;
            }
            var at = first.Count;
            while (at > 0 && PageOrder.Compare(page, first[at - 1]) < 0)
            {
                at--;
            }
            if (at < count)
            {
                first.Insert(at, page);
                if (first.Count > count)
                {
                    first.RemoveAt(count);
                }
            }
        }
        return (seen.Count, first);
    }

    /// <summary>The order pages are listed in: by title rank, then URL (distinct for the pages of a site, so no ties).</summary>
    private Comparer<ParsedPage> PageOrder => field ??= Comparer<ParsedPage>.Create((a, b) =>
        TitleRank(a).CompareTo(TitleRank(b)) is var byTitle and not 0 ? byTitle : string.CompareOrdinal(a.Url, b.Url));

    /// <summary>Pages claiming <paramref name="criterion"/> itself (not through a group or alias), each once, in title order.</summary>
    public IReadOnlyList<ParsedPage> PagesClaimingDirectly(Criterion criterion) =>
        Direct(criterion).Where(c => c.Via is null).Select(c => c.Page).Distinct().Order(PageOrder).ToList();

    /// <summary>How <paramref name="criterion"/> is covered: claimed itself, only through a group or alias, or not at all.</summary>
    public Coverage CoverageOf(Criterion criterion) =>
        Direct(criterion).Any(c => c.Via is null) ? Coverage.Direct : Covering(criterion).Any() ? Coverage.Inherited : Coverage.Gap;

    /// <summary>
    /// Where a claiming page's title falls in case-insensitive order (equal titles share a rank). Criteria pages sort
    /// thousands of claims each by title: comparing ranks instead of strings, the titles are compared once per site.
    /// </summary>
    public int TitleRank(ParsedPage page) => _titleRanks.Value[page];

    private Dictionary<ParsedPage, int> TitleRanks()
    {
        var pages = _byPage.Keys.ToArray();
        Array.Sort(pages, static (a, b) => StringComparer.OrdinalIgnoreCase.Compare(a.Title, b.Title));
        var ranks = new Dictionary<ParsedPage, int>(pages.Length);
        for (var i = 0; i < pages.Length; i++)
        {
            ranks[pages[i]] = i > 0 && StringComparer.OrdinalIgnoreCase.Equals(pages[i].Title, pages[i - 1].Title) ? ranks[pages[i - 1]] : i;
        }
        return ranks;
    }

    /// <summary>
    /// Gives back the room the per-page and per-criterion lists grew into (a quarter of them on average): for a set that
    /// is kept as it is through a build's render. An <see cref="Update"/> still works after it.
    /// </summary>
    public void TrimExcess()
    {
        foreach (var list in _byPage.Values)
        {
            list.TrimExcess();
        }
        foreach (var list in _byCriterion.Values)
        {
            list.TrimExcess();
        }
    }

    private static void Add<TKey>(Dictionary<TKey, List<Claim>> map, TKey key, Claim claim) where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }
        list.Add(claim);
    }
}
