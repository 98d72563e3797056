using System.Globalization;
using Crosswalk.Config;
using Crosswalk.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Crosswalk.Criteria;

/// <summary>A catalog read from YAML, with the places later checks need to point at.</summary>
internal sealed record CatalogFile(
    Catalog Catalog,
    SourceLocation? IdLocation,
    SourceLocation? SuccessorLocation,
    SourceLocation? CrosswalkLocation);

/// <summary>
/// Reads one catalog or crosswalk YAML file (or a comply standard, <see cref="ComplyStandardReader"/>) into the model. Every problem is a CW3006 diagnostic located with
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

    /// <summary>Reads <paramref name="text"/>; returns the catalog or crosswalk, or <see langword="null"/> when unusable.</summary>
    public static object? Read(string text, string file, string source, DiagnosticBag diagnostics)
    {
        var r = new CatalogYaml.Reporter(file, diagnostics);
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

        if (CatalogYaml.Get(root, "catalog") is not null)
        {
            if (CatalogYaml.KeyOf(root, "crosswalk") is { } both)
            {
                r.Error(both.Start, "a file holds either a 'catalog:' or a 'crosswalk:' section, not both");
            }
            CatalogYaml.CheckKeys(root, s_catalogFileKeys, "catalog file", r);
            return ReadCatalog(root, source, r);
        }
        if (CatalogYaml.Get(root, "crosswalk") is not null)
        {
            CatalogYaml.CheckKeys(root, s_crosswalkFileKeys, "crosswalk file", r);
            return CrosswalkFileReader.Read(root, source, r);
        }
        // No section of ours: a comply standard, by its shape (a name and one key per criterion).
        if (ComplyStandardReader.Is(root))
        {
            return ComplyStandardReader.Read(root, source, r);
        }
        CatalogYaml.CheckKeys(root, [.. s_catalogFileKeys, .. s_crosswalkFileKeys], "catalog file", r);
        r.Error(root.Start, "expected a 'catalog:' or 'crosswalk:' section", "or, for a comply standard, a 'name:' and one key per criterion");
        return null;
    }

    private static CatalogFile? ReadCatalog(YamlMappingNode root, string source, CatalogYaml.Reporter r)
    {
        if (CatalogYaml.Expect<YamlMappingNode>(CatalogYaml.Get(root, "catalog")!, "'catalog'", "a mapping with id and name", r) is not { } head)
        {
            return null;
        }
        CatalogYaml.CheckKeys(head, s_catalogKeys, "'catalog'", r);
        var id = CatalogYaml.RequiredScalar(head, "id", "catalog", r, out var idNode);
        if (id is null)
        {
            return null;
        }
        if (!IsValidCatalogId(id))
        {
            r.Error(idNode!.Start, $"invalid catalog id '{id}': use letters, digits, '.', '_' and '-'");
            return null;
        }
        var name = CatalogYaml.OptionalScalar(head, "name", r) ?? id;

        SourceLocation? successorLocation = null, crosswalkLocation = null;
        CatalogWithdrawal? withdrawal = null;
        if (CatalogYaml.Get(head, "withdrawn") is { } wNode && CatalogYaml.Expect<YamlMappingNode>(wNode, "'withdrawn'", "a mapping with date and successor", r) is { } w)
        {
            CatalogYaml.CheckKeys(w, s_withdrawnKeys, "'withdrawn'", r);
            var dateText = CatalogYaml.RequiredScalar(w, "date", "'withdrawn'", r, out var dateNode);
            var successor = CatalogYaml.RequiredScalar(w, "successor", "'withdrawn'", r, out var successorNode);
            var crosswalk = CatalogYaml.OptionalScalar(w, "crosswalk", r);
            var kinds = new List<string>();
            if (CatalogYaml.Get(w, "kinds") is { } kindsNode && CatalogYaml.Expect<YamlSequenceNode>(kindsNode, "'kinds'", "a list of kinds", r) is { } kindSeq)
            {
                foreach (var k in kindSeq.Children)
                {
                    if (CatalogYaml.ScalarValue(k, "a kind", r) is { Length: > 0 } kind)
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
                crosswalkLocation = CatalogYaml.Get(w, "crosswalk") is { } cw ? r.At(cw.Start) : null;
            }
        }

        var catalog = new Catalog(id, name, source, withdrawal);
        var criteriaNode = CatalogYaml.Get(root, "criteria");
        if (criteriaNode is null)
        {
            r.Error(head.Start, $"catalog '{id}' has no 'criteria:' list");
        }
        else if (CatalogYaml.Expect<YamlSequenceNode>(criteriaNode, "'criteria'", "a list of criteria", r) is { } seq)
        {
            if (seq.Children.Count == 0)
            {
                r.Error(seq.Start, $"catalog '{id}' has no criteria");
            }
            ReadCriteria(catalog, seq, r);
        }

        if (CatalogYaml.Get(root, "aliases") is { } aliasesNode && CatalogYaml.Expect<YamlSequenceNode>(aliasesNode, "'aliases'", "a list of aliases", r) is { } aliasSeq)
        {
            ReadAliases(catalog, aliasSeq, r);
        }
        return new CatalogFile(catalog, r.At(idNode!.Start), successorLocation, crosswalkLocation);
    }

    private static void ReadCriteria(Catalog catalog, YamlSequenceNode seq, CatalogYaml.Reporter r)
    {
        var firstLine = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in seq.Children)
        {
            if (CatalogYaml.Expect<YamlMappingNode>(item, "a criterion", "a mapping with id and title", r) is not { } entry)
            {
                continue;
            }
            CatalogYaml.CheckKeys(entry, s_criterionKeys, "a criterion", r);
            var id = CatalogYaml.RequiredScalar(entry, "id", "a criterion", r, out var idNode);
            if (id is null)
            {
                continue;
            }
            if (!IsValidCriterionId(id))
            {
                r.Error(idNode!.Start, $"invalid criterion id '{id}': use letters, digits, '.', '_' and '-' (no spaces, ',' or ';')");
                continue;
            }
            var title = CatalogYaml.OptionalScalar(entry, "title", r);
            if (string.IsNullOrWhiteSpace(title))
            {
                r.Error(entry.Start, $"criterion '{id}' has no title");
                continue;
            }
            var kind = CatalogYaml.OptionalScalar(entry, "kind", r);
            if (CatalogYaml.Get(entry, "kind") is not null && string.IsNullOrWhiteSpace(kind))
            {
                r.Error(CatalogYaml.Get(entry, "kind")!.Start, $"criterion '{id}' has an empty kind");
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
            var parentId = CatalogYaml.OptionalScalar(entry, "parent", r);
            if (parentId is not null)
            {
                parent = catalog.Find(parentId);
                if (parent is null)
                {
                    var hint = catalog.FindIgnoreCase(parentId) is { } near ? $" ({DidYouMean.Help([near.Id])})" : "";
                    r.Error(CatalogYaml.Get(entry, "parent")!.Start,
                        $"unknown parent '{parentId}' of criterion '{id}'{hint}; a parent must be listed before its children");
                    continue;
                }
            }
            firstLine[id] = idNode!.Start.Line > int.MaxValue ? int.MaxValue : (int)idNode.Start.Line;
            catalog.Add(id, title!.Trim(), kind?.Trim() ?? "criterion", parent);
        }
    }

    private static void ReadAliases(Catalog catalog, YamlSequenceNode seq, CatalogYaml.Reporter r)
    {
        foreach (var item in seq.Children)
        {
            if (CatalogYaml.Expect<YamlMappingNode>(item, "an alias", "a mapping with name and criteria", r) is not { } entry)
            {
                continue;
            }
            CatalogYaml.CheckKeys(entry, s_aliasKeys, "an alias", r);
            var name = CatalogYaml.RequiredScalar(entry, "name", "an alias", r, out var nameNode);
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
            if (CatalogYaml.Get(entry, "criteria") is not { } listNode)
            {
                // No list: the alias stands for the whole catalog.
                members = catalog.Roots;
            }
            else if (CatalogYaml.Expect<YamlSequenceNode>(listNode, "'criteria'", "a list of criterion ids", r) is { } list)
            {
                var found = new List<Criterion>();
                foreach (var idNode in list.Children)
                {
                    if (CatalogYaml.ScalarValue(idNode, "a criterion id", r) is not { } cid)
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
}
