using Crosswalk.Criteria;

namespace Crosswalk.Oscal;

/// <summary>How a crosswalk relates a source criterion to a target, in OSCAL's relationship vocabulary.</summary>
/// <param name="Value">The OSCAL relationship token (<c>equivalent-to</c>, <c>subset-of</c>, <c>intersects-with</c>, …).</param>
/// <param name="Stated">True when the crosswalk states it; false for <see cref="CrosswalkRelationships.Unstated"/>.</param>
public sealed record MapRelationship(string Value, bool Stated);

/// <summary>
/// The one place the mapping-collection export takes relationships from: what the crosswalk states for a pair
/// (<see cref="CatalogMapping.Targets"/>), else <see cref="Unstated"/>. The provenance, which crosswalk files do not
/// state, is here too.
/// </summary>
public static class CrosswalkRelationships
{
    /// <summary>
    /// What an unstated relationship is exported as. OSCAL requires a relationship on every map entry and its
    /// vocabulary (equal-to, equivalent-to, subset-of, superset-of, intersects-with, no-relationship) has no
    /// "unknown": intersects-with ("some overlap") is the weakest that still says the two are related, as a crosswalk
    /// entry does. Each such entry also gets the property <c>relationship-stated: no</c>.
    /// </summary>
    public const string Unstated = "intersects-with";

    /// <summary>The relationship <paramref name="mapping"/> states from <paramref name="source"/> to <paramref name="target"/>.</summary>
    public static MapRelationship Of(CatalogMapping mapping, Criterion source, Criterion target)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        return mapping.Targets(source).FirstOrDefault(t => t.Criterion == target)?.Relationship is { } stated
            ? new MapRelationship(stated.ToWord(), Stated: true)
            : new MapRelationship(Unstated, Stated: false);
    }

    /// <summary>How the crosswalks were made: by people (crosswalk files are written by hand).</summary>
    public const string Method = "human";

    /// <summary>What they compare: the criteria's meaning.</summary>
    public const string MatchingRationale = "semantic";

    /// <summary>Their status: the crosswalks as the site uses them, not drafts.</summary>
    public const string Status = "complete";
}
