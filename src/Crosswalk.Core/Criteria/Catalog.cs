namespace Crosswalk.Criteria;

/// <summary>
/// A framework's criteria as a tree (SOC 2 TSC, ISO/IEC 27001 Annex A and clauses, or a user catalog).
/// Built-in catalogs come from embedded YAML; user catalogs from YAML files of the same shape or from OSCAL catalog JSON.
/// </summary>
public sealed class Catalog
{
    private readonly List<Criterion> _criteria = [];
    private readonly List<Criterion> _roots = [];
    private readonly List<CatalogAlias> _aliases = [];
    private readonly Dictionary<string, Criterion> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Criterion> _byIdIgnoreCase = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Criterion>.AlternateLookup<ReadOnlySpan<char>> _bySpanIgnoreCase;
    private readonly Dictionary<string, WithdrawnCriterion> _withdrawn = new(StringComparer.OrdinalIgnoreCase);

    internal Catalog(string id, string name, string source, CatalogWithdrawal? withdrawn)
    {
        Id = id;
        Name = name;
        Source = source;
        Withdrawn = withdrawn;
        _bySpanIgnoreCase = _byIdIgnoreCase.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The catalog ID used in site.yml, front matter and mapping rules (<c>soc2-tsc-2017</c>).</summary>
    public string Id { get; }

    /// <summary>The human name (<c>ISO/IEC 27001:2013</c>).</summary>
    public string Name { get; }

    /// <summary>Where it came from: <c>built-in</c>, or the YAML or OSCAL JSON file relative to the site root.</summary>
    public string Source { get; }

    /// <summary>True for the catalogs shipped with Crosswalk.</summary>
    public bool IsBuiltIn => Source == BuiltInSource;

    /// <summary>Every criterion (groups included) in document order.</summary>
    public IReadOnlyList<Criterion> Criteria => _criteria;

    /// <summary>The criteria without a parent, in document order.</summary>
    public IReadOnlyList<Criterion> Roots => _roots;

    /// <summary>Names that stand for one or more criteria (<c>All TSC</c>), in document order.</summary>
    public IReadOnlyList<CatalogAlias> Aliases => _aliases;

    /// <summary>Set when the catalog is a withdrawn edition; references to it then get a CW3005 hint.</summary>
    public CatalogWithdrawal? Withdrawn { get; }

    /// <summary>True when <see cref="Withdrawn"/> is set.</summary>
    public bool IsWithdrawn => Withdrawn is not null;

    /// <summary>
    /// The criterion with exactly this ID or alternate ID (ordinal comparison), or <see langword="null"/>: in an OSCAL
    /// catalog both <c>AC-2(1)</c> and <c>ac-2.1</c> find the same criterion.
    /// </summary>
    public Criterion? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The criterion whose ID or alternate ID equals <paramref name="id"/> ignoring case (<c>cc6.1</c> finds <c>CC6.1</c>).</summary>
    public Criterion? FindIgnoreCase(string id) => _byId.GetValueOrDefault(id) ?? _byIdIgnoreCase.GetValueOrDefault(id);

    /// <summary>As <see cref="FindIgnoreCase(string)"/> without making a string: the lexer asks this of every joined word.</summary>
    internal Criterion? FindIgnoreCase(ReadOnlySpan<char> id) => _bySpanIgnoreCase.TryGetValue(id, out var c) ? c : null;

    /// <summary>True when some ID or alternate ID holds a '-' or '(' (<c>OPS-1</c>, <c>AC-2(1)</c>), which the lexer must join.</summary>
    internal bool HasCompoundIds { get; private set; }

    /// <summary>A criterion the catalog lists as withdrawn (OSCAL <c>status: withdrawn</c>), by any of its names ignoring case.</summary>
    internal WithdrawnCriterion? FindWithdrawn(string id) => _withdrawn.GetValueOrDefault(id);

    /// <summary>The criterion with exactly this ID; throws <see cref="KeyNotFoundException"/> when there is none.</summary>
    public Criterion this[string id] => Find(id) ?? throw new KeyNotFoundException($"no criterion '{id}' in catalog '{Id}'");

    /// <summary>The alias with this name, ignoring case and runs of whitespace, or <see langword="null"/>.</summary>
    public CatalogAlias? FindAlias(string name)
    {
        var key = CatalogAlias.Normalize(name);
        return _aliases.FirstOrDefault(a => string.Equals(CatalogAlias.Normalize(a.Name), key, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The criteria of one kind (<c>control</c>, <c>clause</c>, ...) in document order.</summary>
    public IReadOnlyList<Criterion> OfKind(string kind) => _criteria.Where(c => c.Kind == kind).ToList();

    /// <inheritdoc />
    public override string ToString() => Id;

    internal const string BuiltInSource = "built-in";

    internal Criterion Add(string id, string title, string kind, Criterion? parent, string? oscalId = null, IReadOnlyList<string>? alternateIds = null)
    {
        var c = new Criterion(this, id, title, kind, parent, _criteria.Count, oscalId, alternateIds);
        _criteria.Add(c);
        Register(id, c);
        foreach (var other in c.AlternateIds)
        {
            Register(other, c);
        }
        if (parent is null)
        {
            _roots.Add(c);
        }
        return c;
    }

    private void Register(string name, Criterion c)
    {
        _byId.Add(name, c);
        _byIdIgnoreCase.TryAdd(name, c);
        HasCompoundIds |= name.AsSpan().IndexOfAny('-', '(') >= 0;
    }

    internal void AddWithdrawn(WithdrawnCriterion withdrawn, IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            _withdrawn.TryAdd(name, withdrawn);
        }
    }

    internal void AddAlias(CatalogAlias alias) => _aliases.Add(alias);
}

/// <summary>
/// A name standing for one or more criteria of its catalog; <c>All TSC</c> stands for every root group of the TSC.
/// In a reference expression the name is matched ignoring case and runs of whitespace.
/// </summary>
/// <param name="Name">The name as written in the catalog.</param>
/// <param name="Criteria">What it stands for, in catalog order.</param>
public sealed record CatalogAlias(string Name, IReadOnlyList<Criterion> Criteria)
{
    internal static string Normalize(string name) => string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>A criterion an OSCAL catalog keeps only as withdrawn: not in the tree, but named in the CW3001 about it.</summary>
/// <param name="Id">Its canonical ID (the label when it has one: <c>AC-2(10)</c>).</param>
/// <param name="IncorporatedInto">Where its requirements went (OSCAL links <c>incorporated-into</c> and <c>moved-to</c>), in link order.</param>
internal sealed record WithdrawnCriterion(string Id, IReadOnlyList<Criterion> IncorporatedInto);

/// <summary>Why and since when a catalog should no longer be referenced, and what replaces it.</summary>
/// <param name="Date">The withdrawal date.</param>
/// <param name="SuccessorId">The catalog that replaces it (<c>iso27001-2022</c>).</param>
/// <param name="CrosswalkId">The crosswalk from this catalog to the successor, if any (<c>iso27001-2013-to-2022</c>).</param>
/// <param name="Kinds">Which kinds of criteria the warning is about; empty means every kind.</param>
public sealed record CatalogWithdrawal(DateOnly Date, string SuccessorId, string? CrosswalkId, IReadOnlyList<string> Kinds)
{
    /// <summary>True when a reference to <paramref name="criterion"/> deserves the withdrawal warning.</summary>
    public bool AppliesTo(Criterion criterion)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        return Kinds.Count == 0 || Kinds.Contains(criterion.Kind, StringComparer.Ordinal);
    }
}
