using Crosswalk.Criteria;

namespace Crosswalk.Oscal;

/// <summary>How a crosswalk relates a source criterion to a target, in OSCAL's relationship vocabulary.</summary>
/// <param name="Value">The OSCAL relationship token (<c>equivalent-to</c>, <c>subset-of</c>, <c>intersects-with</c>, …).</param>
/// <param name="Stated">True when the crosswalk states it; false for <see cref="CrosswalkRelationships.Unstated"/>.</param>
public sealed record MapRelationship(string Value, bool Stated);

/// <summary>
/// The one place the mapping-collection export takes relationships from. Crosswalk files do not state them yet, so every
/// pair is <see cref="Unstated"/>; when <see cref="CatalogMapping"/> carries typed relationships, <see cref="Of"/> is
/// where they are read. The provenance, which crosswalk files do not state either, is here too.
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
        return new MapRelationship(Unstated, Stated: false);
    }

    /// <summary>How the crosswalks were made: by people (crosswalk files are written by hand).</summary>
    public const string Method = "human";

    /// <summary>What they compare: the criteria's meaning.</summary>
    public const string MatchingRationale = "semantic";

    /// <summary>Their status: the crosswalks as the site uses them, not drafts.</summary>
    public const string Status = "complete";
}
