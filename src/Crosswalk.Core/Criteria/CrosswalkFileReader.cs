using Crosswalk.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Crosswalk.Criteria;

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
internal sealed record CrosswalkEntry(string From, SourceLocation? FromLocation, IReadOnlyList<CrosswalkTargetDraft> To);

/// <summary>One target of an entry as written: <c>CC6.2</c>, or <c>{ id: CC6.3, relationship: subset-of }</c>.</summary>
internal sealed record CrosswalkTargetDraft(string Id, SourceLocation? Location, CrosswalkRelationship? Relationship);

/// <summary>Reads the <c>crosswalk:</c> and <c>map:</c> sections of a crosswalk file (see <see cref="CatalogFileReader"/>).</summary>
internal static class CrosswalkFileReader
{
    private static readonly string[] s_crosswalkKeys = ["id", "name", "source", "target"];
    private static readonly string[] s_targetKeys = ["id", "relationship"];

    public static CrosswalkDraft? Read(YamlMappingNode root, string source, CatalogYaml.Reporter r)
    {
        if (CatalogYaml.Expect<YamlMappingNode>(CatalogYaml.Get(root, "crosswalk")!, "'crosswalk'", "a mapping with id, source and target", r) is not { } head)
        {
            return null;
        }
        CatalogYaml.CheckKeys(head, s_crosswalkKeys, "'crosswalk'", r);
        var id = CatalogYaml.RequiredScalar(head, "id", "crosswalk", r, out var idNode);
        var from = CatalogYaml.RequiredScalar(head, "source", "crosswalk", r, out var fromNode);
        var to = CatalogYaml.RequiredScalar(head, "target", "crosswalk", r, out var toNode);
        var name = CatalogYaml.OptionalScalar(head, "name", r);
        if (id is null || from is null || to is null)
        {
            return null;
        }
        if (!CatalogFileReader.IsValidCatalogId(id))
        {
            r.Error(idNode!.Start, $"invalid crosswalk id '{id}': use letters, digits, '.', '_' and '-'");
            return null;
        }
        var entries = new List<CrosswalkEntry>();
        if (CatalogYaml.Get(root, "map") is not { } mapNode)
        {
            r.Error(head.Start, $"crosswalk '{id}' has no 'map:' section");
        }
        else if (CatalogYaml.Expect<YamlMappingNode>(mapNode, "'map'", "a mapping from source id to a list of target ids", r) is { } map)
        {
            foreach (var (keyNode, valueNode) in map.Children)
            {
                if (CatalogYaml.ScalarValue(keyNode, "a source criterion id", r) is not { } key)
                {
                    continue;
                }
                var targets = new List<CrosswalkTargetDraft>();
                if (valueNode is YamlScalarNode single && single.Style == ScalarStyle.Plain && single.Value is null or "" or "~")
                {
                    // `A.1: ` with nothing means no counterpart, like `[]`.
                }
                else if (valueNode is YamlScalarNode or YamlMappingNode)
                {
                    // One target, bare or with its relationship.
                    AddTarget(valueNode, targets, r);
                }
                else if (CatalogYaml.Expect<YamlSequenceNode>(valueNode, $"the entry of '{key}'", "a list of target ids", r) is { } list)
                {
                    foreach (var t in list.Children)
                    {
                        AddTarget(t, targets, r);
                    }
                }
                entries.Add(new CrosswalkEntry(key, r.At(keyNode.Start), targets));
            }
        }
        return new CrosswalkDraft(id, name ?? id, source, r.At(idNode!.Start), from, r.At(fromNode!.Start), to, r.At(toNode!.Start), entries);
    }

    /// <summary>The nearest words, or those <paramref name="word"/> begins ('subset' and 'equal' are too short to be near).</summary>
    private static string? Suggest(string word)
        => DidYouMean.Help(word, CrosswalkRelationshipWords.Words)
            ?? DidYouMean.Help([.. CrosswalkRelationshipWords.Words.Where(w => word.Length >= 3 && w.StartsWith(word, StringComparison.OrdinalIgnoreCase))]);

    private static void AddTarget(YamlNode node, List<CrosswalkTargetDraft> into, CatalogYaml.Reporter r)
    {
        if (node is not YamlMappingNode typed)
        {
            if (CatalogYaml.ScalarValue(node, "a target criterion id", r) is { } tid)
            {
                into.Add(new CrosswalkTargetDraft(tid, r.At(node.Start), null));
            }
            return;
        }
        CatalogYaml.CheckKeys(typed, s_targetKeys, "a crosswalk target", r);
        var id = CatalogYaml.RequiredScalar(typed, "id", "a crosswalk target", r, out var idNode);
        CrosswalkRelationship? relationship = null;
        if (CatalogYaml.Get(typed, "relationship") is { } relNode && CatalogYaml.OptionalScalar(typed, "relationship", r) is { } word)
        {
            relationship = CrosswalkRelationshipWords.Parse(word);
            if (relationship is null)
            {
                r.Error(relNode.Start, word.Length == 0
                    ? "empty relationship; leave 'relationship' out when it is not stated"
                    : $"unknown relationship '{word}'; expected {string.Join(", ", CrosswalkRelationshipWords.Words)}",
                    Suggest(word));
                return;
            }
        }
        if (id is not null)
        {
            into.Add(new CrosswalkTargetDraft(id, r.At(idNode!.Start), relationship));
        }
    }
}
