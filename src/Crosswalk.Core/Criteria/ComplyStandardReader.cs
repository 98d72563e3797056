using YamlDotNet.RepresentationModel;

namespace Crosswalk.Criteria;

/// <summary>
/// Reads a comply standard (strongDM comply's <c>standards/*.yml</c>, OpenControl's standard shape) as a catalog: a
/// top-level <c>name:</c>, which is the catalog's id (the key comply's <c>satisfies:</c> lists criteria under, such
/// as <c>TSC</c>), and one key per criterion with its <c>family</c>, <c>name</c> (the title) and <c>description</c>
/// (never shown: Crosswalk does not reproduce a standard's text). Each family becomes a group, placed where its
/// first criterion is, so <c>CC6</c> covers <c>CC6.1</c> and a typo's did-you-mean looks in its family first.
/// </summary>
internal static class ComplyStandardReader
{
    private static readonly string[] s_criterionKeys = ["family", "name", "description"];

    /// <summary>True when <paramref name="root"/> is shaped as a comply standard: a <c>name:</c> value and no Crosswalk section.</summary>
    public static bool Is(YamlMappingNode root) =>
        CatalogYaml.Get(root, "name") is YamlScalarNode && CatalogYaml.Get(root, "catalog") is null && CatalogYaml.Get(root, "crosswalk") is null;

    /// <summary>The catalog of the standard <paramref name="root"/>, or null when its name is unusable.</summary>
    public static CatalogFile? Read(YamlMappingNode root, string source, CatalogYaml.Reporter r)
    {
        var id = CatalogYaml.RequiredScalar(root, "name", "a comply standard", r, out var nameNode);
        if (id is null)
        {
            return null;
        }
        if (!CatalogFileReader.IsValidCatalogId(id))
        {
            r.Error(nameNode!.Start, $"invalid standard name '{id}': it is the catalog's id, so use letters, digits, '.', '_' and '-'",
                "rename the standard and the satisfies: keys that name it, or keep them and name it in site.yml's catalog_aliases:");
            return null;
        }
        var catalog = new Catalog(id, id, source, null);
        foreach (var (keyNode, value) in root.Children)
        {
            if (keyNode is not YamlScalarNode { Value: "name" })
            {
                ReadCriterion(catalog, keyNode, value, r);
            }
        }
        // Only a standard that lists none: a bad criterion has been reported where it is.
        if (root.Children.Count == 1)
        {
            r.Error(root.Start, $"comply standard '{id}' has no criteria", "add one key per criterion, such as CC1.1: { family: CC1, name: Integrity and Ethics }");
        }
        return new CatalogFile(catalog, r.At(nameNode!.Start), null, null);
    }

    private static void ReadCriterion(Catalog catalog, YamlNode keyNode, YamlNode value, CatalogYaml.Reporter r)
    {
        if (CatalogYaml.ScalarValue(keyNode, "a criterion id", r) is not { } id)
        {
            return;
        }
        if (!CatalogFileReader.IsValidCriterionId(id))
        {
            r.Error(keyNode.Start, $"invalid criterion id '{id}': use letters, digits, '.', '_' and '-' (no spaces, ',' or ';')");
            return;
        }
        if (CatalogYaml.Expect<YamlMappingNode>(value, $"criterion '{id}'", "a mapping with family, name and description", r) is not { } entry)
        {
            return;
        }
        CatalogYaml.CheckKeys(entry, s_criterionKeys, $"criterion '{id}'", r);
        var title = CatalogYaml.OptionalScalar(entry, "name", r);
        if (string.IsNullOrWhiteSpace(title))
        {
            r.Error(entry.Start, $"criterion '{id}' has no name", "give it a short name: the title Crosswalk shows");
            return;
        }
        if (catalog.FindIgnoreCase(id) is { } taken)
        {
            var how = taken.Id == id ? "" : $" (same as '{taken.Id}' ignoring case)";
            r.Error(keyNode.Start, taken.Kind == "family"
                ? $"criterion '{id}' has the id of family '{taken.Id}', which criteria listed earlier belong to"
                : $"duplicate criterion id '{id}'{how} in comply standard '{catalog.Id}'",
                taken.Kind == "family" ? "list it before the criteria of its family, so that it stands for the family" : null);
            return;
        }
        Criterion? parent = null;
        if (CatalogYaml.OptionalScalar(entry, "family", r) is { Length: > 0 } family)
        {
            if (!CatalogFileReader.IsValidCriterionId(family))
            {
                r.Error(CatalogYaml.Get(entry, "family")!.Start, $"invalid family '{family}' of criterion '{id}': use letters, digits, '.', '_' and '-'");
                return;
            }
            // The family's group, made at its first member; a family named as a criterion listed earlier is that criterion.
            parent = catalog.FindIgnoreCase(family) ?? catalog.Add(family, family, "family", null);
        }
        catalog.Add(id, title.Trim(), "criterion", parent);
    }
}
