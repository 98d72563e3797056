using Crosswalk.Content;
using Crosswalk.Diagnostics;

namespace Crosswalk.Criteria;

/// <summary>A page's claim to meet a criterion.</summary>
/// <param name="Page">The page that claims it.</param>
/// <param name="Criterion">The criterion (or group) claimed.</param>
/// <param name="Location">Where the claim is written.</param>
/// <param name="Holder">The page in which it is written (a mapping table may claim for the pages its row links).</param>
/// <param name="RowId">The id of the table row that holds it, or null for front matter.</param>
public sealed record Claim(ParsedPage Page, Criterion Criterion, SourceLocation Location, ParsedPage Holder, string? RowId);

/// <summary>Every claim of the site, indexed by page and by criterion.</summary>
public sealed class ClaimSet
{
    private readonly Dictionary<ParsedPage, List<Claim>> _byPage = [];
    private readonly Dictionary<Criterion, List<Claim>> _byCriterion = [];
    private readonly Dictionary<ParsedPage, List<Claim>> _byHolder = [];

    private readonly Lazy<Dictionary<ParsedPage, int>> _titleRanks;

    /// <summary>Indexes <paramref name="claims"/>.</summary>
    public ClaimSet(IEnumerable<Claim> claims)
    {
        _titleRanks = new(TitleRanks);
        All = claims.ToList();
        foreach (var claim in All)
        {
            Add(_byPage, claim.Page, claim);
            Add(_byCriterion, claim.Criterion, claim);
            Add(_byHolder, claim.Holder, claim);
        }
    }

    /// <summary>All claims in the order found.</summary>
    public IReadOnlyList<Claim> All { get; }

    /// <summary>Claims written on <paramref name="page"/> (its front matter and mapping rows), whatever document they are for.</summary>
    public IReadOnlyList<Claim> HeldBy(ParsedPage page) => _byHolder.GetValueOrDefault(page) ?? (IReadOnlyList<Claim>)[];

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
    public IReadOnlyList<ParsedPage> PagesCovering(Criterion criterion) =>
        Covering(criterion).Select(c => c.Page).Distinct().OrderBy(TitleRank).ThenBy(p => p.Url, StringComparer.Ordinal).ToList();

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

    private static void Add<TKey>(Dictionary<TKey, List<Claim>> map, TKey key, Claim claim) where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }
        list.Add(claim);
    }
}
