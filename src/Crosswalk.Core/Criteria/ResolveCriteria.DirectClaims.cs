using Crosswalk.Diagnostics;

namespace Crosswalk.Criteria;

/// <summary>The <c>direct_claims:</c> rules: criteria a claim through a group or alias does not satisfy (CW3009).</summary>
public sealed partial class ResolveCriteria
{
    private void CheckDirectClaims(ClaimSet claims)
    {
        foreach (var rule in config.DirectClaims)
        {
            if (catalogs.Get(rule.Catalog) is not { } catalog)
            {
                continue; // CW3007, reported by CheckRules
            }
            var chosen = new List<Criterion>();
            foreach (var (id, at) in rule.Criteria ?? [(catalog.Id, rule.Location)])
            {
                if (rule.Criteria is null)
                {
                    chosen.AddRange(catalog.Criteria);
                }
                else if (catalog.FindIgnoreCase(id) is { } criterion)
                {
                    chosen.Add(criterion);
                    chosen.AddRange(criterion.Descendants());
                }
                else
                {
                    diagnostics.Report(DiagnosticDescriptors.UnknownCriterion, $"unknown criterion '{id}' of '{catalog.Id}' in 'direct_claims'", at,
                        DidYouMean.Help(id, catalog.Criteria.Select(c => c.Id)));
                }
            }
            foreach (var criterion in chosen.Where(c => c.IsLeaf).Distinct())
            {
                if (claims.CoverageOf(criterion) != Coverage.Inherited)
                {
                    continue;
                }
                // Reported where the claim that covers it is written: that is where a direct claim would go.
                var claim = claims.Covering(criterion).OrderBy(c => c.Location.File, StringComparer.Ordinal).ThenBy(c => c.Location.Line).First();
                diagnostics.Report(DiagnosticDescriptors.OnlyInherited,
                    $"{criterion.Id} is claimed only {claim.HowFor(criterion)} ('{claim.Page.Title}'), and site.yml asks for a direct claim",
                    claim.Location, $"claim {criterion.Id} itself in the document that meets it");
            }
        }
    }
}
