using System.Globalization;
using Crosswalk.Config;
using Crosswalk.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Crosswalk.Criteria;

/// <summary>A catalog read from YAML, with the places later checks need to point at.</summary>
internal sealed record CatalogFile(
    Catalog Catalog,
    SourceLocation? IdLocation,
    SourceLocation? SuccessorLocation,
    SourceLocation? CrosswalkLocation);

/// <summary>A crosswalk read from YAML; its IDs are checked once every catalog is loaded.</summary>
internal sealed record CrosswalkDraft(
    string Id,
    string Name,
    string Source,
    SourceLocation? IdLocation,
    string SourceCatalogId,
    SourceLocation? SourceCatalogLocation,
    string TargetCatalogId,
    SourceLocation? TargetCatalogLocation,
    IReadOnlyList<CrosswalkEntry> Entries);

/// <summary>One <c>from: [to, ...]</c> line of a crosswalk.</summary>
internal sealed record CrosswalkEntry(string From, SourceLocation? FromLocation, IReadOnlyList<(string Id, SourceLocation? Location)> To);

/// <summary>
/// Reads one catalog or crosswalk YAML file into the model. Every problem is a CW3006 diagnostic located with
/// YamlDotNet's marks (already 1-based); nothing here throws on bad input.
/// </summary>
internal static class CatalogFileReader
{
    // Deeper than any sane catalog; checked on the event stream first because the representation model recurses.

    private static readonly string[] s_catalogFileKeys = ["catalog", "aliases", "criteria"];
    private static readonly string[] s_crosswalkFileKeys = ["crosswalk", "map"];
    private static readonly string[] s_catalogKeys = ["id", "name", "withdrawn"];
    private static readonly string[] s_withdrawnKeys = ["date", "successor", "crosswalk", "kinds"];
    private static readonly string[] s_criterionKeys = ["id", "title", "kind", "parent"];
    private static readonly string[] s_aliasKeys = ["name", "criteria"];
    private static readonly string[] s_crosswalkKeys = ["id", "name", "source", "target"];

    /// <summary>Reads <paramref name="text"/>; returns the catalog or crosswalk, or <see langword="null"/> when unusable.</summary>
    public static object? Read(string text, string file, string source, DiagnosticBag diagnostics)
    {
        var r = new Reporter(file, diagnostics);
        var (stream, problem) = SafeYaml.Load(text);
        if (stream is null)
        {
            r.Error(problem!.Line, problem.Column, $"invalid YAML: {problem.Message}");
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" or "~" })
        {
            r.Error(1, 1, "the catalog file is empty; expected a 'catalog:' or 'crosswalk:' section");
            return null;
        }
        if (stream.Documents.Count > 1)
        {
            r.Error(stream.Documents[1].RootNode.Start, "a catalog file holds one YAML document; remove the extra '---' section");
            return null;
        }
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            r.Error(stream.Documents[0].RootNode.Start, "expected a mapping with a 'catalog:' or 'crosswalk:' section");
            return null;
        }

        if (Get(root, "catalog") is not null)
        {
            if (KeyOf(root, "crosswalk") is { } both)
            {
                r.Error(both.Start, "a file holds either a 'catalog:' or a 'crosswalk:' section, not both");
            }
            CheckKeys(root, s_catalogFileKeys, "catalog file", r);
            return ReadCatalog(root, source, r);
        }
        if (Get(root, "crosswalk") is not null)
        {
            CheckKeys(root, s_crosswalkFileKeys, "crosswalk file", r);
            return ReadCrosswalk(root, source, r);
        }
        CheckKeys(root, [.. s_catalogFileKeys, .. s_crosswalkFileKeys], "catalog file", r);
        r.Error(root.Start, "expected a 'catalog:' or 'crosswalk:' section");
        return null;
    }

    private static CatalogFile? ReadCatalog(YamlMappingNode root, string source, Reporter r)
    {
        if (Expect<YamlMappingNode>(Get(root, "catalog")!, "'catalog'", "a mapping with id and name", r) is not { } head)
        {
            return null;
        }
        CheckKeys(head, s_catalogKeys, "'catalog'", r);
        var id = RequiredScalar(head, "id", "catalog", r, out var idNode);
        if (id is null)
        {
            return null;
        }
        if (!IsValidCatalogId(id))
        {
            r.Error(idNode!.Start, $"invalid catalog id '{id}': use letters, digits, '.', '_' and '-'");
            return null;
        }
        var name = OptionalScalar(head, "name", r) ?? id;

        SourceLocation? successorLocation = null, crosswalkLocation = null;
        CatalogWithdrawal? withdrawal = null;
        if (Get(head, "withdrawn") is { } wNode && Expect<YamlMappingNode>(wNode, "'withdrawn'", "a mapping with date and successor", r) is { } w)
        {
            CheckKeys(w, s_withdrawnKeys, "'withdrawn'", r);
            var dateText = RequiredScalar(w, "date", "'withdrawn'", r, out var dateNode);
            var successor = RequiredScalar(w, "successor", "'withdrawn'", r, out var successorNode);
            var crosswalk = OptionalScalar(w, "crosswalk", r);
            var kinds = new List<string>();
            if (Get(w, "kinds") is { } kindsNode && Expect<YamlSequenceNode>(kindsNode, "'kinds'", "a list of kinds", r) is { } kindSeq)
            {
                foreach (var k in kindSeq.Children)
                {
                    if (ScalarValue(k, "a kind", r) is { Length: > 0 } kind)
                    {
                        kinds.Add(kind);
                    }
                }
            }
            DateOnly date = default;
            var dateOk = dateText is not null
                && DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
            if (dateText is not null && !dateOk)
            {
                r.Error(dateNode!.Start, $"invalid withdrawal date '{dateText}': expected YYYY-MM-DD");
            }
            if (dateOk && successor is not null)
            {
                withdrawal = new CatalogWithdrawal(date, successor, crosswalk, kinds);
                successorLocation = r.At(successorNode!.Start);
                crosswalkLocation = Get(w, "crosswalk") is { } cw ? r.At(cw.Start) : null;
            }
        }

        var catalog = new Catalog(id, name, source, withdrawal);
        var criteriaNode = Get(root, "criteria");
        if (criteriaNode is null)
        {
            r.Error(head.Start, $"catalog '{id}' has no 'criteria:' list");
        }
        else if (Expect<YamlSequenceNode>(criteriaNode, "'criteria'", "a list of criteria", r) is { } seq)
        {
            if (seq.Children.Count == 0)
            {
                r.Error(seq.Start, $"catalog '{id}' has no criteria");
            }
            ReadCriteria(catalog, seq, r);
        }

        if (Get(root, "aliases") is { } aliasesNode && Expect<YamlSequenceNode>(aliasesNode, "'aliases'", "a list of aliases", r) is { } aliasSeq)
        {
            ReadAliases(catalog, aliasSeq, r);
        }
        return new CatalogFile(catalog, r.At(idNode!.Start), successorLocation, crosswalkLocation);
    }

    private static void ReadCriteria(Catalog catalog, YamlSequenceNode seq, Reporter r)
    {
        var firstLine = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in seq.Children)
        {
            if (Expect<YamlMappingNode>(item, "a criterion", "a mapping with id and title", r) is not { } entry)
            {
                continue;
            }
            CheckKeys(entry, s_criterionKeys, "a criterion", r);
            var id = RequiredScalar(entry, "id", "a criterion", r, out var idNode);
            if (id is null)
            {
                continue;
            }
            if (!IsValidCriterionId(id))
            {
                r.Error(idNode!.Start, $"invalid criterion id '{id}': use letters, digits, '.', '_' and '-' (no spaces, ',' or ';')");
                continue;
            }
            var title = OptionalScalar(entry, "title", r);
            if (string.IsNullOrWhiteSpace(title))
            {
                r.Error(entry.Start, $"criterion '{id}' has no title");
                continue;
            }
            var kind = OptionalScalar(entry, "kind", r);
            if (Get(entry, "kind") is not null && string.IsNullOrWhiteSpace(kind))
            {
                r.Error(Get(entry, "kind")!.Start, $"criterion '{id}' has an empty kind");
                continue;
            }
            if (firstLine.TryGetValue(id, out var line))
            {
                var first = catalog.FindIgnoreCase(id)!.Id;
                var how = first == id ? "" : $" (same as '{first}' ignoring case)";
                r.Error(idNode!.Start, $"duplicate criterion id '{id}'{how} in catalog '{catalog.Id}'; first defined on line {line}");
                continue;
            }
            Criterion? parent = null;
            var parentId = OptionalScalar(entry, "parent", r);
            if (parentId is not null)
            {
                parent = catalog.Find(parentId);
                if (parent is null)
                {
                    var hint = catalog.FindIgnoreCase(parentId) is { } near ? $" ({DidYouMean.Help([near.Id])})" : "";
                    r.Error(Get(entry, "parent")!.Start,
                        $"unknown parent '{parentId}' of criterion '{id}'{hint}; a parent must be listed before its children");
                    continue;
                }
            }
            firstLine[id] = idNode!.Start.Line > int.MaxValue ? int.MaxValue : (int)idNode.Start.Line;
            catalog.Add(id, title!.Trim(), kind?.Trim() ?? "criterion", parent);
        }
    }

    private static void ReadAliases(Catalog catalog, YamlSequenceNode seq, Reporter r)
    {
        foreach (var item in seq.Children)
        {
            if (Expect<YamlMappingNode>(item, "an alias", "a mapping with name and criteria", r) is not { } entry)
            {
                continue;
            }
            CheckKeys(entry, s_aliasKeys, "an alias", r);
            var name = RequiredScalar(entry, "name", "an alias", r, out var nameNode);
            if (name is null)
            {
                continue;
            }
            if (string.IsNullOrWhiteSpace(name))
            {
                r.Error(nameNode!.Start, "an alias name cannot be empty");
                continue;
            }
            if (catalog.FindAlias(name) is not null)
            {
                r.Error(nameNode!.Start, $"duplicate alias '{name}' in catalog '{catalog.Id}'");
                continue;
            }
            if (catalog.FindIgnoreCase(CatalogAlias.Normalize(name)) is { } clash)
            {
                r.Error(nameNode!.Start, $"alias '{name}' has the same name as criterion '{clash.Id}'");
                continue;
            }
            IReadOnlyList<Criterion> members;
            if (Get(entry, "criteria") is not { } listNode)
            {
                // No list: the alias stands for the whole catalog.
                members = catalog.Roots;
            }
            else if (Expect<YamlSequenceNode>(listNode, "'criteria'", "a list of criterion ids", r) is { } list)
            {
                var found = new List<Criterion>();
                foreach (var idNode in list.Children)
                {
                    if (ScalarValue(idNode, "a criterion id", r) is not { } cid)
                    {
                        continue;
                    }
                    if (catalog.Find(cid) is { } c)
                    {
                        if (!found.Contains(c))
                        {
                            found.Add(c);
                        }
                    }
                    else
                    {
                        r.Error(idNode.Start, $"alias '{name}' refers to unknown criterion '{cid}' in catalog '{catalog.Id}'");
                    }
                }
                found.Sort(static (a, b) => a.Index.CompareTo(b.Index));
                members = found;
            }
            else
            {
                continue;
            }
            catalog.AddAlias(new CatalogAlias(CatalogAlias.Normalize(name), members));
        }
    }

    private static CrosswalkDraft? ReadCrosswalk(YamlMappingNode root, string source, Reporter r)
    {
        if (Expect<YamlMappingNode>(Get(root, "crosswalk")!, "'crosswalk'", "a mapping with id, source and target", r) is not { } head)
        {
            return null;
        }
        CheckKeys(head, s_crosswalkKeys, "'crosswalk'", r);
        var id = RequiredScalar(head, "id", "crosswalk", r, out var idNode);
        var from = RequiredScalar(head, "source", "crosswalk", r, out var fromNode);
        var to = RequiredScalar(head, "target", "crosswalk", r, out var toNode);
        var name = OptionalScalar(head, "name", r);
        if (id is null || from is null || to is null)
        {
            return null;
        }
        if (!IsValidCatalogId(id))
        {
            r.Error(idNode!.Start, $"invalid crosswalk id '{id}': use letters, digits, '.', '_' and '-'");
            return null;
        }
        var entries = new List<CrosswalkEntry>();
        if (Get(root, "map") is not { } mapNode)
        {
            r.Error(head.Start, $"crosswalk '{id}' has no 'map:' section");
        }
        else if (Expect<YamlMappingNode>(mapNode, "'map'", "a mapping from source id to a list of target ids", r) is { } map)
        {
            foreach (var (keyNode, valueNode) in map.Children)
            {
                if (ScalarValue(keyNode, "a source criterion id", r) is not { } key)
                {
                    continue;
                }
                var targets = new List<(string, SourceLocation?)>();
                if (valueNode is YamlScalarNode single && single.Style == ScalarStyle.Plain && single.Value is null or "" or "~")
                {
                    // `A.1: ` with nothing means no counterpart, like `[]`.
                }
                else if (valueNode is YamlScalarNode one)
                {
                    targets.Add((one.Value ?? "", r.At(one.Start)));
                }
                else if (Expect<YamlSequenceNode>(valueNode, $"the entry of '{key}'", "a list of target ids", r) is { } list)
                {
                    foreach (var t in list.Children)
                    {
                        if (ScalarValue(t, "a target criterion id", r) is { } tid)
                        {
                            targets.Add((tid, r.At(t.Start)));
                        }
                    }
                }
                entries.Add(new CrosswalkEntry(key, r.At(keyNode.Start), targets));
            }
        }
        return new CrosswalkDraft(id, name ?? id, source, r.At(idNode!.Start), from, r.At(fromNode!.Start), to, r.At(toNode!.Start), entries);
    }

    internal static bool IsValidCatalogId(string id) => id.Length > 0 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    /// <summary>
    /// Criterion IDs must survive the reference grammar: letters, digits, '.', '_' and inner '-', no whitespace,
    /// no ',' or ';', not starting or ending with '.' or '-'.
    /// </summary>
    internal static bool IsValidCriterionId(string id)
    {
        if (id.Length == 0 || id.Length > 100)
        {
            return false;
        }
        foreach (var c in id)
        {
            if (!(char.IsLetterOrDigit(c) || c is '.' or '_' or '-'))
            {
                return false;
            }
        }
        return id[0] is not ('.' or '-') && id[^1] is not ('.' or '-') && !id.Contains("..", StringComparison.Ordinal)
            && !string.Equals(id, "and", StringComparison.OrdinalIgnoreCase);
    }

    private static YamlNode? Get(YamlMappingNode map, string key)
    {
        foreach (var (k, v) in map.Children)
        {
            if (k is YamlScalarNode s && s.Value == key)
            {
                return v;
            }
        }
        return null;
    }

    private static YamlNode? KeyOf(YamlMappingNode map, string key)
        => map.Children.Keys.FirstOrDefault(k => k is YamlScalarNode s && s.Value == key);

    private static void CheckKeys(YamlMappingNode map, string[] allowed, string what, Reporter r)
    {
        foreach (var key in map.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? key.ToString();
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                r.Error(key.Start, $"unknown key '{name}' in {what}; expected {string.Join(", ", allowed)}");
            }
        }
    }

    private static T? Expect<T>(YamlNode node, string what, string expected, Reporter r) where T : YamlNode
    {
        if (node is T t)
        {
            return t;
        }
        r.Error(node.Start, $"{what} must be {expected}");
        return null;
    }

    private static string? ScalarValue(YamlNode node, string what, Reporter r)
    {
        if (node is YamlScalarNode s)
        {
            return (s.Value ?? "").Trim();
        }
        r.Error(node.Start, $"{what} must be a single value, not a list or mapping");
        return null;
    }

    private static string? OptionalScalar(YamlMappingNode map, string key, Reporter r)
    {
        if (Get(map, key) is not { } node)
        {
            return null;
        }
        if (node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" })
        {
            return "";
        }
        return ScalarValue(node, $"'{key}'", r);
    }

    private static string? RequiredScalar(YamlMappingNode map, string key, string owner, Reporter r, out YamlNode? node)
    {
        node = Get(map, key);
        if (node is null)
        {
            r.Error(map.Start, $"{owner} has no '{key}'");
            return null;
        }
        var value = OptionalScalar(map, key, r);
        if (value is null)
        {
            return null;
        }
        if (value.Length == 0)
        {
            r.Error(node.Start, $"{owner} has an empty '{key}'");
            return null;
        }
        return value;
    }

    private sealed class Reporter(string file, DiagnosticBag diagnostics)
    {
        public SourceLocation At(Mark mark) => new(file, Clamp(mark.Line), Clamp(mark.Column));

        public void Error(Mark mark, string message) => Error(Clamp(mark.Line), Clamp(mark.Column), message);

        public void Error(int line, int column, string message)
            => diagnostics.Report(DiagnosticDescriptors.InvalidCatalog, message, new SourceLocation(file, line, column));

        // YamlDotNet marks are 1-based; Mark.Empty is 0, which we show as the file's start.
        private static int Clamp(long value) => value < 1 ? 1 : value > int.MaxValue ? int.MaxValue : (int)value;
    }
}
