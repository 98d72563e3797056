namespace Crosswalk.Criteria;

/// <summary>
/// One node of a <see cref="Catalog"/> tree: a group (<c>CC7</c>, <c>A.9</c>, clause <c>9</c>) or a leaf criterion
/// (<c>CC7.2</c>, <c>A.9.1.1</c>). Instances are immutable once their catalog is built and compare by reference.
/// </summary>
public sealed class Criterion
{
    private readonly List<Criterion> _children = [];

    internal Criterion(Catalog catalog, string id, string title, string kind, Criterion? parent, int index,
        string? oscalId = null, IReadOnlyList<string>? alternateIds = null)
    {
        Catalog = catalog;
        Id = id;
        OscalId = oscalId;
        AlternateIds = alternateIds ?? [];
        Title = title;
        Kind = kind;
        Parent = parent;
        Index = index;
        Depth = parent is null ? 0 : parent.Depth + 1;
        parent?._children.Add(this);
    }

    /// <summary>
    /// The canonical ID, exactly as the catalog spells it (<c>CC6.1</c>, <c>A.9.1</c>, <c>"9.1"</c>); for an OSCAL
    /// catalog the control's label (<c>AC-2(1)</c>) when it has one, else its OSCAL id.
    /// </summary>
    public string Id { get; }

    /// <summary>The id in the OSCAL catalog this criterion was read from (<c>ac-2.1</c>); <see langword="null"/> for a YAML catalog.</summary>
    public string? OscalId { get; }

    /// <summary>
    /// Other names that find this criterion in references, besides <see cref="Id"/>: an OSCAL control's id
    /// (<c>ac-2.1</c>) and its other labels (<c>AC-02(01)</c>). Empty for YAML catalogs.
    /// </summary>
    public IReadOnlyList<string> AlternateIds { get; }

    /// <summary>A short title (a control name or a paraphrase, never the standard's text).</summary>
    public string Title { get; }

    /// <summary>
    /// What the node is: <c>group</c>, <c>criterion</c>, <c>domain</c>, <c>objective</c>, <c>control</c>,
    /// <c>theme</c>, <c>clause</c>, or any word a user catalog chooses.
    /// </summary>
    public string Kind { get; }

    /// <summary>The catalog this criterion belongs to.</summary>
    public Catalog Catalog { get; }

    /// <summary>The enclosing group, or <see langword="null"/> for a root.</summary>
    public Criterion? Parent { get; }

    /// <summary>Direct children in document order.</summary>
    public IReadOnlyList<Criterion> Children => _children;

    /// <summary>Position in the catalog's document order (0-based); sorting by it gives catalog order.</summary>
    public int Index { get; }

    /// <summary>0 for a root, 1 for its children, and so on.</summary>
    public int Depth { get; }

    /// <summary>True when the criterion has no children.</summary>
    public bool IsLeaf => _children.Count == 0;

    /// <summary>The parent, the parent's parent, ... up to the root (nearest first).</summary>
    public IReadOnlyList<Criterion> Ancestors
    {
        get
        {
            var list = new List<Criterion>(Depth);
            for (var p = Parent; p is not null; p = p.Parent)
            {
                list.Add(p);
            }
            return list;
        }
    }

    /// <summary>The criteria sharing this one's parent (the catalog's roots for a root), this one included, in order.</summary>
    public IReadOnlyList<Criterion> Siblings => Parent?.Children ?? Catalog.Roots;

    /// <summary>True when this criterion is <paramref name="other"/> or lies anywhere below it.</summary>
    public bool IsWithin(Criterion other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var c = this; c is not null; c = c.Parent)
        {
            if (ReferenceEquals(c, other))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Every criterion below this one (not itself), in catalog order.</summary>
    public IReadOnlyList<Criterion> Descendants()
    {
        var list = new List<Criterion>();
        Collect(this, list, leavesOnly: false);
        list.Sort(static (a, b) => a.Index.CompareTo(b.Index));
        return list;
    }

    /// <summary>The leaves below this criterion in catalog order; a leaf returns itself.</summary>
    public IReadOnlyList<Criterion> LeafDescendants()
    {
        if (IsLeaf)
        {
            return [this];
        }
        var list = new List<Criterion>();
        Collect(this, list, leavesOnly: true);
        list.Sort(static (a, b) => a.Index.CompareTo(b.Index));
        return list;
    }

    /// <inheritdoc />
    public override string ToString() => Id;

    private static void Collect(Criterion node, List<Criterion> into, bool leavesOnly)
    {
        // Iterative: a user catalog may be deep, and parents always precede children so there are no cycles.
        var stack = new Stack<Criterion>(node._children);
        while (stack.Count > 0)
        {
            var c = stack.Pop();
            if (!leavesOnly || c.IsLeaf)
            {
                into.Add(c);
            }
            foreach (var child in c._children)
            {
                stack.Push(child);
            }
        }
    }
}
