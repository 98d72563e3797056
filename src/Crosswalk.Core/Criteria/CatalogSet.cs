using System.Text;
using Crosswalk.Diagnostics;

namespace Crosswalk.Criteria;

/// <summary>
/// The catalogs and crosswalks a site uses, loaded once from site.yml's <c>catalogs:</c> list. Immutable after
/// <see cref="Load(IReadOnlyList{string}, string, DiagnosticBag)"/>; safe to share across threads.
/// </summary>
public sealed class CatalogSet
{
    private static readonly string[] s_builtInIds = ["soc2-tsc-2017", "iso27001-2013", "iso27001-2022", "iso27001-2013-to-2022"];
    private static readonly Lazy<IReadOnlyDictionary<string, object>> s_builtIns = new(LoadBuiltIns);
    private static readonly Lazy<CatalogSet> s_allBuiltIn = new(() => Load(s_builtInIds, ".", new DiagnosticBag()));

    private readonly List<Catalog> _catalogs;
    private readonly List<CatalogMapping> _mappings;

    private CatalogSet(List<Catalog> catalogs, List<CatalogMapping> mappings)
    {
        _catalogs = catalogs;
        _mappings = mappings;
        foreach (var catalog in catalogs)
        {
            _byId.TryAdd(catalog.Id, catalog);
        }
        HasHyphenatedIds = catalogs.Any(c => c.Criteria.Any(x => x.Id.Contains('-', StringComparison.Ordinal)));
    }

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

    /// <summary>The catalog with this ID (ordinal), or <see langword="null"/>.</summary>
    public Catalog? Get(string id) => id is null ? null : _byId.GetValueOrDefault(id);

    // Looked up for every claim: the first catalog of each ID, as a scan of the list would find it.
    private readonly Dictionary<string, Catalog> _byId = new(StringComparer.Ordinal);

    /// <summary>The crosswalk with this ID (ordinal), or <see langword="null"/>.</summary>
    public CatalogMapping? GetMapping(string id) => _mappings.FirstOrDefault(m => m.Id == id);

    internal bool HasHyphenatedIds { get; }

    /// <summary>
    /// Loads catalogs. Each spec is a built-in ID (<see cref="BuiltInIds"/>) or a YAML file path relative to
    /// <paramref name="siteRoot"/> holding a catalog or a crosswalk. A withdrawn catalog brings its built-in
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

    private sealed class Loader(string siteRoot, DiagnosticBag diagnostics)
    {
        private readonly List<CatalogFile> _catalogs = [];
        private readonly List<CrosswalkDraft> _crosswalks = [];
        private readonly HashSet<string> _seenFiles = new(StringComparer.Ordinal);

        public void LoadSpec(string? spec, SourceLocation? where = null)
        {
            spec = spec?.Trim();
            if (string.IsNullOrEmpty(spec))
            {
                Report(where, "empty catalog entry; expected a built-in id or a YAML file path");
                return;
            }
            if (s_builtInIds.Contains(spec, StringComparer.Ordinal))
            {
                AddBuiltIn(spec);
                return;
            }
            string full, relative;
            try
            {
                full = Path.GetFullPath(spec, Path.GetFullPath(siteRoot));
                relative = Content.Discover.Relative(Path.GetFullPath(siteRoot), full);
            }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
            {
                Report(where, $"catalog '{spec}' is not a built-in id and not a valid path");
                return;
            }
            if (!File.Exists(full))
            {
                var builtIns = string.Join(", ", s_builtInIds);
                Report(where, $"catalog '{spec}' is not a built-in catalog ({builtIns}) and the file '{relative}' does not exist",
                    DidYouMean.Help(spec, s_builtInIds));
                return;
            }
            if (!_seenFiles.Add(full))
            {
                return;
            }
            string text;
            try
            {
                var bytes = File.ReadAllBytes(full);
                text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
                if (text.Length > 0 && text[0] == '\uFEFF')
                {
                    text = text[1..];
                }
            }
            catch (DecoderFallbackException)
            {
                Report(new SourceLocation(relative, 1, 1), "the catalog file is not valid UTF-8 text");
                return;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Report(new SourceLocation(relative, 1, 1), $"the catalog file cannot be read: {ex.Message}");
                return;
            }
            if (text.Contains('\0', StringComparison.Ordinal))
            {
                Report(new SourceLocation(relative, 1, 1), "the catalog file is binary, not YAML text");
                return;
            }
            switch (CatalogFileReader.Read(text, relative, relative, diagnostics))
            {
                case CatalogFile file:
                    AddCatalog(file);
                    break;
                case CrosswalkDraft draft:
                    AddCrosswalk(draft);
                    break;
            }
        }

        public CatalogSet Finish()
        {
            // A withdrawn catalog pulls in its successor and crosswalk so CW3005 hints can name the new controls.
            for (var i = 0; i < _catalogs.Count; i++)
            {
                var file = _catalogs[i];
                if (file.Catalog.Withdrawn is not { } w)
                {
                    continue;
                }
                if (!_catalogs.Any(c => c.Catalog.Id == w.SuccessorId))
                {
                    if (s_builtInIds.Contains(w.SuccessorId, StringComparer.Ordinal))
                    {
                        AddBuiltIn(w.SuccessorId);
                    }
                    else
                    {
                        Report(file.SuccessorLocation,
                            $"successor catalog '{w.SuccessorId}' of withdrawn catalog '{file.Catalog.Id}' is not loaded; add it to 'catalogs:'");
                    }
                }
                if (w.CrosswalkId is { } cw && !_crosswalks.Any(c => c.Id == cw))
                {
                    if (s_builtInIds.Contains(cw, StringComparer.Ordinal))
                    {
                        AddBuiltIn(cw);
                    }
                    else
                    {
                        Report(file.CrosswalkLocation,
                            $"crosswalk '{cw}' of withdrawn catalog '{file.Catalog.Id}' is not loaded; add it to 'catalogs:'");
                    }
                }
            }

            var mappings = new List<CatalogMapping>();
            foreach (var draft in _crosswalks.ToList())
            {
                var source = CatalogFor(draft.SourceCatalogId, draft.SourceCatalogLocation, draft.Id, "source");
                var target = CatalogFor(draft.TargetCatalogId, draft.TargetCatalogLocation, draft.Id, "target");
                if (source is not null && target is not null)
                {
                    mappings.Add(Build(draft, source, target));
                }
            }
            return new CatalogSet(_catalogs.Select(c => c.Catalog).ToList(), mappings);
        }

        private Catalog? CatalogFor(string id, SourceLocation? location, string crosswalkId, string role)
        {
            if (_catalogs.FirstOrDefault(c => c.Catalog.Id == id) is { } found)
            {
                return found.Catalog;
            }
            if (s_builtInIds.Contains(id, StringComparer.Ordinal) && BuiltIns[id] is CatalogFile)
            {
                AddBuiltIn(id);
                return _catalogs.First(c => c.Catalog.Id == id).Catalog;
            }
            Report(location, $"{role} catalog '{id}' of crosswalk '{crosswalkId}' is not loaded; add it to 'catalogs:'");
            return null;
        }

        private CatalogMapping Build(CrosswalkDraft draft, Catalog source, Catalog target)
        {
            var mapping = new CatalogMapping(draft.Id, draft.Name, draft.Source, source, target);
            foreach (var entry in draft.Entries)
            {
                if (source.Find(entry.From) is not { } from)
                {
                    Report(entry.FromLocation, $"unknown criterion '{entry.From}' in source catalog '{source.Id}' of crosswalk '{draft.Id}'",
                        CriterionSuggestions.Help(entry.From, source));
                    continue;
                }
                var targets = new List<Criterion>();
                foreach (var (id, location) in entry.To)
                {
                    if (target.Find(id) is { } to)
                    {
                        if (!targets.Contains(to))
                        {
                            targets.Add(to);
                        }
                    }
                    else
                    {
                        Report(location, $"unknown criterion '{id}' in target catalog '{target.Id}' of crosswalk '{draft.Id}'",
                            CriterionSuggestions.Help(id, target));
                    }
                }
                if (!mapping.TryAdd(from, targets))
                {
                    Report(entry.FromLocation, $"duplicate entry for '{entry.From}' in crosswalk '{draft.Id}'");
                }
            }
            return mapping;
        }

        private void AddBuiltIn(string id)
        {
            switch (BuiltIns[id])
            {
                case CatalogFile file when !_catalogs.Any(c => c.Catalog.Id == id):
                    _catalogs.Add(file);
                    break;
                case CrosswalkDraft draft when !_crosswalks.Any(c => c.Id == id):
                    _crosswalks.Add(draft);
                    break;
            }
        }

        private void AddCatalog(CatalogFile file)
        {
            if (_catalogs.FirstOrDefault(c => c.Catalog.Id == file.Catalog.Id) is { } existing)
            {
                Report(file.IdLocation, $"catalog id '{file.Catalog.Id}' is already used by {Describe(existing.Catalog.Source)}");
                return;
            }
            if (_crosswalks.Any(c => c.Id == file.Catalog.Id))
            {
                Report(file.IdLocation, $"catalog id '{file.Catalog.Id}' is already used by a crosswalk");
                return;
            }
            _catalogs.Add(file);
        }

        private void AddCrosswalk(CrosswalkDraft draft)
        {
            if (_crosswalks.FirstOrDefault(c => c.Id == draft.Id) is { } existing)
            {
                Report(draft.IdLocation, $"crosswalk id '{draft.Id}' is already used by {Describe(existing.Source)}");
                return;
            }
            if (_catalogs.Any(c => c.Catalog.Id == draft.Id))
            {
                Report(draft.IdLocation, $"crosswalk id '{draft.Id}' is already used by a catalog");
                return;
            }
            _crosswalks.Add(draft);
        }

        private static string Describe(string source) => source == Catalog.BuiltInSource ? "a built-in catalog" : $"'{source}'";

        private static IReadOnlyDictionary<string, object> BuiltIns => s_builtIns.Value;

        private void Report(SourceLocation? location, string message, string? help = null)
            => diagnostics.Report(DiagnosticDescriptors.InvalidCatalog, message, location, help);
    }
}
