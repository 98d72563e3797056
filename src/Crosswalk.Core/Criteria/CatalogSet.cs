using System.Text;
using Crosswalk.Diagnostics;

namespace Crosswalk.Criteria;

/// <summary>
/// The catalogs and crosswalks a site uses, loaded once from site.yml's <c>catalogs:</c> list. Immutable after
/// <see cref="Load(IReadOnlyList{string}, string, DiagnosticBag)"/>; safe to share across threads.
/// </summary>
public sealed partial class CatalogSet
{
    private static readonly string[] s_builtInIds = ["soc2-tsc-2017", "iso27001-2013", "iso27001-2022", "iso27001-2013-to-2022"];
    private static readonly Lazy<IReadOnlyDictionary<string, object>> s_builtIns = new(LoadBuiltIns);
    private static readonly Lazy<CatalogSet> s_allBuiltIn = new(() => Load(s_builtInIds, ".", new DiagnosticBag()));

    private readonly List<Catalog> _catalogs;
    private readonly List<CatalogMapping> _mappings;

    private CatalogSet(List<Catalog> catalogs, List<CatalogMapping> mappings, byte[] sourceDigest)
    {
        _catalogs = catalogs;
        _mappings = mappings;
        SourceDigest = sourceDigest;
        foreach (var catalog in catalogs)
        {
            _byId.TryAdd(catalog.Id, catalog);
        }
        HasCompoundIds = catalogs.Any(c => c.HasCompoundIds);
    }

    /// <summary>
    /// A digest of every catalog file read (path and bytes) and every spec, in order: with the tool's own identity
    /// (which fixes the built-in catalogs) it says whether two loads give the same catalogs (the parse cache's key).
    /// </summary>
    public byte[] SourceDigest { get; }

    /// <summary>The IDs that name a built-in catalog or crosswalk in site.yml's <c>catalogs:</c>.</summary>
    public static IReadOnlyList<string> BuiltInIds => s_builtInIds;

    /// <summary>Every built-in catalog and crosswalk, loaded together.</summary>
    public static CatalogSet BuiltIn => s_allBuiltIn.Value;

    /// <summary>The loaded catalogs: those listed first, then any pulled in as a withdrawn catalog's successor.</summary>
    public IReadOnlyList<Catalog> All => _catalogs;

    /// <summary><paramref name="first"/>, then every other catalog in order: where a mapping column looks for aliases.</summary>
    public IReadOnlyList<Catalog> StartingWith(Catalog first) =>
        _startingWith.GetOrAdd(first, static (f, all) => all.Prepend(f).Distinct().ToList(), _catalogs);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<Catalog, List<Catalog>> _startingWith = new();

    /// <summary>The loaded crosswalks.</summary>
    public IReadOnlyList<CatalogMapping> Mappings => _mappings;

    /// <summary>The catalog with this ID or alias (<see cref="Aliases"/>; ordinal), or <see langword="null"/>.</summary>
    public Catalog? Get(string id) => id is null ? null : _byId.GetValueOrDefault(id) ?? _aliases.GetValueOrDefault(id);

    // Looked up for every claim: the first catalog of each ID, as a scan of the list would find it.
    private readonly Dictionary<string, Catalog> _byId = new(StringComparer.Ordinal);

    /// <summary>The crosswalk with this ID (ordinal), or <see langword="null"/>.</summary>
    public CatalogMapping? GetMapping(string id) => _mappings.FirstOrDefault(m => m.Id == id);

    internal bool HasCompoundIds { get; }

    /// <summary>True when a <c>catalogs:</c> entry names an OSCAL catalog: a path ending in <c>.json</c> (any case).</summary>
    public static bool IsOscalPath(string spec) => spec?.Trim().EndsWith(".json", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>
    /// The catalog id of an OSCAL catalog file: its file name without the extension, lower-cased, every character other
    /// than a-z, 0-9, '.', '_' and '-' made '-' (<c>catalogs/NIST 800-53.json</c> is <c>nist-800-53</c>).
    /// </summary>
    public static string OscalCatalogId(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return OscalCatalogReader.CatalogId(path);
    }

    /// <summary>
    /// Loads catalogs. Each spec is a built-in ID (<see cref="BuiltInIds"/>), a YAML file path relative to
    /// <paramref name="siteRoot"/> holding a catalog or a crosswalk, or the path of an OSCAL catalog in JSON (ending in
    /// <c>.json</c>; its id is the file name, see <see cref="OscalCatalogId"/>). A withdrawn catalog brings its built-in
    /// successor and crosswalk along. Problems are CW3006 diagnostics; this never throws on bad files.
    /// </summary>
    public static CatalogSet Load(IReadOnlyList<string> specs, string siteRoot, DiagnosticBag diagnostics)
        => Load(specs, siteRoot, diagnostics, []);

    /// <summary>As <see cref="Load(IReadOnlyList{string}, string, DiagnosticBag)"/>; <paramref name="specLocations"/> says where each spec is written, so a spec that names nothing is reported there.</summary>
    public static CatalogSet Load(IReadOnlyList<string> specs, string siteRoot, DiagnosticBag diagnostics, IReadOnlyList<SourceLocation> specLocations)
    {
        ArgumentNullException.ThrowIfNull(specs);
        ArgumentNullException.ThrowIfNull(siteRoot);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var loader = new Loader(siteRoot, diagnostics);
        for (var i = 0; i < specs.Count; i++)
        {
            loader.LoadSpec(specs[i], i < specLocations.Count ? specLocations[i] : null);
        }
        return loader.Finish();
    }

    /// <summary>The crosswalk used for hints about <paramref name="catalog"/>: its withdrawal crosswalk, else the first from it.</summary>
    public CatalogMapping? CrosswalkFrom(Catalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var w = catalog.Withdrawn;
        return (w?.CrosswalkId is { } id ? _mappings.FirstOrDefault(m => m.Id == id && m.Source == catalog) : null)
            ?? (w is not null ? _mappings.FirstOrDefault(m => m.Source == catalog && m.Target.Id == w.SuccessorId) : null)
            ?? _mappings.FirstOrDefault(m => m.Source == catalog);
    }

    /// <summary>
    /// What <paramref name="criterion"/> corresponds to in the successor edition: its own crosswalk entry when it has
    /// one (A.18.2.3 gives A.5.36, A.8.8), else the union of its descendants' entries (A.16.1 gives A.5.24 ... A.6.8),
    /// distinct and in the target's catalog order. Empty when there is no crosswalk or no counterpart.
    /// </summary>
    public IReadOnlyList<Criterion> Successors(Criterion criterion)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        if (CrosswalkFrom(criterion.Catalog) is not { } mapping)
        {
            return [];
        }
        if (mapping.Contains(criterion))
        {
            return mapping.Map(criterion);
        }
        var union = new HashSet<Criterion>();
        foreach (var d in criterion.Descendants())
        {
            union.UnionWith(mapping.Map(d));
        }
        return union.OrderBy(c => c.Index).ToList();
    }

    /// <summary>
    /// The counterparts of <paramref name="criterion"/> through every loaded crosswalk, each with its relationship seen
    /// from <paramref name="criterion"/>: where it is a crosswalk's source, its entry's targets as written; where it is a
    /// target, the sources naming it, relationship inverted (<c>subset-of</c> becomes <c>superset-of</c>). In crosswalk
    /// order, then entry order. Only entries naming the criterion itself count (for a group's union of its descendants'
    /// counterparts see <see cref="Successors"/>); targets stated as <c>no-relationship</c> are included, marked so.
    /// </summary>
    public IReadOnlyList<CrosswalkCounterpart> Counterparts(Criterion criterion)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        var list = new List<CrosswalkCounterpart>();
        foreach (var mapping in _mappings)
        {
            if (mapping.Source == criterion.Catalog)
            {
                list.AddRange(mapping.Targets(criterion).Select(t => new CrosswalkCounterpart(mapping, t.Criterion, t.Relationship, IsReverse: false)));
            }
            if (mapping.Target == criterion.Catalog)
            {
                list.AddRange(mapping.SourcesOf(criterion).Select(s => new CrosswalkCounterpart(mapping, s.Source, s.Relationship?.Inverse(), IsReverse: true)));
            }
        }
        return list;
    }

    private static IReadOnlyDictionary<string, object> LoadBuiltIns()
    {
        var result = new Dictionary<string, object>(StringComparer.Ordinal);
        var assembly = typeof(CatalogSet).Assembly;
        foreach (var id in s_builtInIds)
        {
            var resource = $"catalogs/{id}.yaml";
            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"built-in catalog resource '{resource}' is missing");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var bag = new DiagnosticBag();
            var parsed = CatalogFileReader.Read(reader.ReadToEnd(), resource, Catalog.BuiltInSource, bag);
            if (bag.ToSortedList().Count > 0 || parsed is null)
            {
                // A broken built-in is a bug in Crosswalk, not a content problem.
                throw new InvalidOperationException($"built-in catalog '{id}' is invalid: {string.Join("; ", bag.ToSortedList())}");
            }
            result[id] = parsed;
        }
        return result;
    }
}
