namespace Crosswalk.Criteria;

/// <summary>
/// A crosswalk between two catalogs: each mapped source criterion corresponds to zero or more target criteria
/// (<c>iso27001-2013-to-2022</c> maps A.18.2.3 to A.5.36 and A.8.8), each with an optional relationship
/// (<see cref="CrosswalkRelationship"/>: <c>subset-of</c>, ...). An empty list states "no counterpart".
/// </summary>
public sealed class CatalogMapping
{
    private readonly Dictionary<Criterion, IReadOnlyList<CrosswalkTarget>> _targets = [];
    // Map() is asked for every CW3005 hint: the counterparts are listed once per entry.
    private readonly Dictionary<Criterion, IReadOnlyList<Criterion>> _map = [];
    private readonly Dictionary<Criterion, List<(Criterion Source, CrosswalkRelationship? Relationship)>> _bySource = [];
    private readonly List<Criterion> _sources = [];

    internal CatalogMapping(string id, string name, string source, Catalog sourceCatalog, Catalog targetCatalog)
    {
        Id = id;
        Name = name;
        SourceFile = source;
        Source = sourceCatalog;
        Target = targetCatalog;
    }

    /// <summary>The crosswalk's ID (<c>iso27001-2013-to-2022</c>).</summary>
    public string Id { get; }

    /// <summary>The human name.</summary>
    public string Name { get; }

    /// <summary>Where it came from: <c>built-in</c>, or the YAML file relative to the site root.</summary>
    public string SourceFile { get; }

    /// <summary>The catalog mapped from.</summary>
    public Catalog Source { get; }

    /// <summary>The catalog mapped to.</summary>
    public Catalog Target { get; }

    /// <summary>The source criteria that have an entry, in the crosswalk's order.</summary>
    public IReadOnlyList<Criterion> MappedSources => _sources;

    /// <summary>True when <paramref name="source"/> has an entry (possibly an empty one).</summary>
    public bool Contains(Criterion source) => _map.ContainsKey(source);

    /// <summary>
    /// The target criteria for a source criterion, in the entry's order; empty when it has no entry or no counterpart.
    /// Targets stated as <see cref="CrosswalkRelationship.NoRelationship"/> are not counterparts and are left out.
    /// </summary>
    public IReadOnlyList<Criterion> Map(Criterion source) => _map.GetValueOrDefault(source) ?? [];

    /// <summary>Every target of a source criterion's entry with its stated relationship (null when unstated), in the entry's order.</summary>
    public IReadOnlyList<CrosswalkTarget> Targets(Criterion source) => _targets.GetValueOrDefault(source) ?? [];

    /// <summary>The source criteria whose entries name <paramref name="target"/>, with the relationship as written (source to target), in crosswalk order.</summary>
    internal IReadOnlyList<(Criterion Source, CrosswalkRelationship? Relationship)> SourcesOf(Criterion target)
        => _bySource.GetValueOrDefault(target) ?? (IReadOnlyList<(Criterion, CrosswalkRelationship?)>)[];

    /// <summary>The target criteria for a source ID (exact); empty when the ID is unknown or unmapped.</summary>
    public IReadOnlyList<Criterion> Map(string sourceId) => Source.Find(sourceId) is { } c ? Map(c) : [];

    /// <inheritdoc />
    public override string ToString() => Id;

    internal bool TryAdd(Criterion source, IReadOnlyList<CrosswalkTarget> targets)
    {
        if (!_targets.TryAdd(source, targets))
        {
            return false;
        }
        _map.Add(source, [.. targets.Where(t => t.Relationship != CrosswalkRelationship.NoRelationship).Select(t => t.Criterion)]);
        foreach (var t in targets)
        {
            if (!_bySource.TryGetValue(t.Criterion, out var list))
            {
                _bySource[t.Criterion] = list = [];
            }
            list.Add((source, t.Relationship));
        }
        _sources.Add(source);
        return true;
    }
}
