namespace Crosswalk.Criteria;

/// <summary>
/// How a crosswalk's source criterion relates to one of its targets: the relationship words of OSCAL's mapping model
/// (v1.2), read as "source <i>relationship</i> target". A crosswalk entry that states none has <see langword="null"/>.
/// </summary>
public enum CrosswalkRelationship
{
    /// <summary><c>equivalent-to</c>: similar requirements, worded differently, with the same effect.</summary>
    EquivalentTo,

    /// <summary><c>equal-to</c>: the same requirements.</summary>
    EqualTo,

    /// <summary><c>subset-of</c>: the target holds all of the source's requirements and more.</summary>
    SubsetOf,

    /// <summary><c>superset-of</c>: the source holds all of the target's requirements and more.</summary>
    SupersetOf,

    /// <summary><c>intersects-with</c>: some overlap; each has requirements the other lacks.</summary>
    IntersectsWith,

    /// <summary><c>no-relationship</c>: stated as unrelated; such a target is no counterpart (<see cref="CatalogMapping.Map(Criterion)"/> leaves it out).</summary>
    NoRelationship,
}

/// <summary>The words of <see cref="CrosswalkRelationship"/> as crosswalk files and OSCAL write them.</summary>
public static class CrosswalkRelationshipWords
{
    private static readonly string[] s_words = ["equivalent-to", "equal-to", "subset-of", "superset-of", "intersects-with", "no-relationship"];

    /// <summary>Every word, in the order of <see cref="CrosswalkRelationship"/>.</summary>
    public static IReadOnlyList<string> Words => s_words;

    /// <summary>The word of <paramref name="relationship"/> (<c>subset-of</c>).</summary>
    public static string ToWord(this CrosswalkRelationship relationship) => s_words[(int)relationship];

    /// <summary>The relationship written <paramref name="word"/>, exactly (OSCAL tokens are case-sensitive); null for any other word.</summary>
    public static CrosswalkRelationship? Parse(string word)
    {
        var i = Array.IndexOf(s_words, word);
        return i < 0 ? null : (CrosswalkRelationship)i;
    }

    /// <summary>The same statement read from the target's side: <c>subset-of</c> and <c>superset-of</c> swap; the others are symmetric.</summary>
    public static CrosswalkRelationship Inverse(this CrosswalkRelationship relationship) => relationship switch
    {
        CrosswalkRelationship.SubsetOf => CrosswalkRelationship.SupersetOf,
        CrosswalkRelationship.SupersetOf => CrosswalkRelationship.SubsetOf,
        _ => relationship,
    };
}

/// <summary>One target of a crosswalk entry.</summary>
/// <param name="Criterion">The target criterion.</param>
/// <param name="Relationship">How the source relates to it; <see langword="null"/> when the crosswalk does not say.</param>
public sealed record CrosswalkTarget(Criterion Criterion, CrosswalkRelationship? Relationship);

/// <summary>A criterion's counterpart through one crosswalk, seen from that criterion (<see cref="CatalogSet.Counterparts"/>).</summary>
/// <param name="Mapping">The crosswalk stating it.</param>
/// <param name="Criterion">The counterpart, in the crosswalk's other catalog.</param>
/// <param name="Relationship">
/// How the asked criterion relates to the counterpart ("asked <i>relationship</i> counterpart"): as written when the asked
/// criterion is the source, inverted (<see cref="CrosswalkRelationshipWords.Inverse"/>) when it is the target; null when unstated.
/// </param>
/// <param name="IsReverse">True when the asked criterion is the crosswalk's target and the counterpart its source.</param>
public sealed record CrosswalkCounterpart(CatalogMapping Mapping, Criterion Criterion, CrosswalkRelationship? Relationship, bool IsReverse);
