using Crosswalk.Content;
using Crosswalk.Criteria;

namespace Crosswalk.Oscal;

/// <summary>A document that claims at least one criterion: what becomes one OSCAL component.</summary>
/// <param name="Page">The document.</param>
/// <param name="Catalogs">The catalogs it claims in, in the site's catalog order, each with its criteria.</param>
public sealed record DocumentClaims(ParsedPage Page, IReadOnlyList<CatalogClaims> Catalogs)
{
    /// <summary>OSCAL's component type: <c>process-procedure</c> for a page whose front matter says it is a procedure, else <c>policy</c>.</summary>
    public string ComponentType => Page.Meta.DocumentType == DocumentType.Procedure ? "process-procedure" : "policy";

    /// <summary>
    /// The documents of a site that claim criteria, in page order; each leaf criterion a page covers once, with every
    /// claim that covers it (on the leaf itself, or on a group or alias containing it: <see cref="ClaimSet.Covering"/>).
    /// </summary>
    public static IReadOnlyList<DocumentClaims> Of(IReadOnlyList<ParsedPage> pages, ClaimSet claims, CatalogSet catalogs)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(catalogs);
        var order = catalogs.All.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        var result = new List<DocumentClaims>();
        foreach (var page in pages)
        {
            var own = claims.Of(page);
            if (own.Count == 0)
            {
                continue;
            }
            var byCatalog = own.GroupBy(c => c.Criterion.Catalog)
                .OrderBy(g => order.GetValueOrDefault(g.Key, int.MaxValue)).ThenBy(g => g.Key.Id, StringComparer.Ordinal)
                .Select(g => new CatalogClaims(g.Key, Leaves(g.ToList())))
                .ToList();
            result.Add(new DocumentClaims(page, byCatalog));
        }
        return result;
    }

    private static List<LeafClaim> Leaves(List<Claim> claims)
    {
        var leaves = claims.SelectMany(c => c.Criterion.LeafDescendants()).Distinct().OrderBy(c => c.Index);
        return leaves.Select(leaf => new LeafClaim(leaf, claims.Where(c => leaf.IsWithin(c.Criterion)).ToList())).ToList();
    }
}

/// <summary>The criteria a document claims in one catalog.</summary>
/// <param name="Catalog">The catalog.</param>
/// <param name="Leaves">The leaf criteria covered, in catalog order.</param>
public sealed record CatalogClaims(Catalog Catalog, IReadOnlyList<LeafClaim> Leaves);

/// <summary>A leaf criterion a document covers, with the claims that cover it (in the order found).</summary>
/// <param name="Criterion">The leaf.</param>
/// <param name="Claims">Each claim naming it or a group or alias containing it.</param>
public sealed record LeafClaim(Criterion Criterion, IReadOnlyList<Claim> Claims)
{
    /// <summary>True when a claim names the leaf itself; false when it is only inherited through a group or alias.</summary>
    public bool Direct => Claims.Any(c => c.IsDirectFor(Criterion));

    /// <summary>The groups (an alias claims its groups) whose claim covers the leaf, in catalog order.</summary>
    public IReadOnlyList<Criterion> InheritedFrom => Claims.Select(c => c.Criterion).Where(c => c != Criterion).Distinct().OrderBy(c => c.Index).ToList();
}
