using Crosswalk.Content;
using Crosswalk.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Crosswalk.Config;

// The keys that let a site be read as another tool wrote it (comply's YAML-first pages and its standard's id).
internal static partial class SiteKeys
{
    // A property, not a field: All reads it while it is built, and the order of field initializers across the files of
    // a partial class is unspecified.
    private static string[] FrontMatterStyleNames => ["auto", "fenced", "yaml-first"];

    private static FrontMatterStyle? ReadFrontMatterStyle(ConfigReader reader, YamlNode node)
    {
        if (reader.String("front_matter_style", node) is not { } value)
        {
            return null;
        }
        switch (value)
        {
            case "auto": return FrontMatterStyle.Auto;
            case "fenced": return FrontMatterStyle.Fenced;
            case "yaml-first": return FrontMatterStyle.YamlFirst;
        }
        reader.Error(node, $"unknown front_matter_style '{value}'",
            DidYouMean.Help(value, FrontMatterStyleNames) ?? $"use {string.Join(", ", FrontMatterStyleNames)}");
        return null;
    }

    // Whether each target is a loaded catalog is known only once the catalogs are: CatalogSet.WithAliases checks it.
    // A repeated alias is a duplicate key, which the YAML loader refuses.
    private static List<CatalogIdAlias> ReadCatalogAliases(ConfigReader reader, YamlNode node)
    {
        var aliases = new List<CatalogIdAlias>();
        foreach (var (alias, k, catalog, v) in reader.Pairs("catalog_aliases", node, "'catalog_aliases' must map other ids to loaded catalogs' ids, e.g. { TSC: soc2-tsc-2017 }"))
        {
            if (string.IsNullOrWhiteSpace(alias) || string.IsNullOrWhiteSpace(catalog))
            {
                reader.Error(string.IsNullOrWhiteSpace(alias) ? k : v, "a catalog alias and the catalog id it stands for must not be empty");
                continue;
            }
            aliases.Add(new CatalogIdAlias(alias, catalog, reader.Location(k), reader.Location(v)));
        }
        return aliases;
    }
}
