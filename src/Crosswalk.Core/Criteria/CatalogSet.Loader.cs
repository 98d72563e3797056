using System.Text;
using Crosswalk.Diagnostics;

namespace Crosswalk.Criteria;

public sealed partial class CatalogSet
{
    /// <summary>Reads the specs of <c>catalogs:</c> in order, then ties crosswalks to their catalogs.</summary>
    private sealed class Loader(string siteRoot, DiagnosticBag diagnostics)
    {
        private readonly List<CatalogFile> _catalogs = [];
        private readonly List<CrosswalkDraft> _crosswalks = [];
        private readonly HashSet<string> _seenFiles = new(StringComparer.Ordinal);
        private readonly System.Security.Cryptography.IncrementalHash _digest = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);

        // Each part with its length first, so no two sequences of parts hash alike.
        private void Digest(ReadOnlySpan<byte> part)
        {
            Span<byte> length = stackalloc byte[sizeof(int)];
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(length, part.Length);
            _digest.AppendData(length);
            _digest.AppendData(part);
        }

        public void LoadSpec(string? spec, SourceLocation? where = null)
        {
            spec = spec?.Trim();
            Digest(Encoding.UTF8.GetBytes(spec ?? ""));
            if (string.IsNullOrEmpty(spec))
            {
                Report(where, "empty catalog entry; expected a built-in id, a YAML file path or an OSCAL catalog (.json) path");
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
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(full);
                Digest(Encoding.UTF8.GetBytes(full));
                Digest(bytes);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Report(new SourceLocation(relative, 1, 1), $"the catalog file cannot be read: {ex.Message}");
                return;
            }
            // A UTF-8 byte order mark is allowed, and not counted in columns.
            var content = bytes.AsMemory(bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0);
            if (!System.Text.Unicode.Utf8.IsValid(content.Span))
            {
                Report(new SourceLocation(relative, 1, 1), "the catalog file is not valid UTF-8 text");
                return;
            }
            if (IsOscalPath(spec))
            {
                if (OscalCatalogReader.Read(content, relative, diagnostics, where) is { } oscal)
                {
                    AddCatalog(oscal);
                }
                return;
            }
            if (content.Span.Contains((byte)0))
            {
                Report(new SourceLocation(relative, 1, 1), "the catalog file is binary, not YAML text");
                return;
            }
            switch (CatalogFileReader.Read(Encoding.UTF8.GetString(content.Span), relative, relative, diagnostics))
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
            return new CatalogSet(_catalogs.Select(c => c.Catalog).ToList(), mappings, _digest.GetHashAndReset());
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
                var targets = new List<CrosswalkTarget>();
                foreach (var (id, location, relationship) in entry.To)
                {
                    if (target.Find(id) is not { } to)
                    {
                        Report(location, $"unknown criterion '{id}' in target catalog '{target.Id}' of crosswalk '{draft.Id}'",
                            CriterionSuggestions.Help(id, target));
                    }
                    else if (targets.Find(t => t.Criterion == to) is not { } listed)
                    {
                        targets.Add(new CrosswalkTarget(to, relationship));
                    }
                    else if (listed.Relationship != relationship)
                    {
                        // The same target twice is harmless; twice with different relationships contradicts itself.
                        Report(location, $"'{to.Id}' is listed twice for '{entry.From}' in crosswalk '{draft.Id}', "
                            + $"as {Describe(listed.Relationship)} and as {Describe(relationship)}");
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
            // A file of the site may not stand in for a built-in catalog: its criteria would be judged as the standard's.
            if (BuiltIns.ContainsKey(file.Catalog.Id))
            {
                Report(file.IdLocation, $"catalog id '{file.Catalog.Id}' is the id of a built-in catalog; give this catalog an id of its own");
                return;
            }
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
            if (BuiltIns.ContainsKey(draft.Id))
            {
                Report(draft.IdLocation, $"crosswalk id '{draft.Id}' is the id of a built-in crosswalk; give this crosswalk an id of its own");
                return;
            }
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

        private static string Describe(CrosswalkRelationship? relationship) => relationship is { } r ? $"'{r.ToWord()}'" : "unstated";

        private static string Describe(string source) => source == Catalog.BuiltInSource ? "a built-in catalog" : $"'{source}'";

        private static IReadOnlyDictionary<string, object> BuiltIns => s_builtIns.Value;

        private void Report(SourceLocation? location, string message, string? help = null)
            => diagnostics.Report(DiagnosticDescriptors.InvalidCatalog, message, location, help);
    }
}
