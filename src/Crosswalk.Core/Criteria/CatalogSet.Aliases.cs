using Crosswalk.Config;
using Crosswalk.Diagnostics;

namespace Crosswalk.Criteria;

public sealed partial class CatalogSet
{
    // Other ids of loaded catalogs (site.yml catalog_aliases:), filled once by WithAliases before the set is shared.
    private readonly Dictionary<string, Catalog> _aliases = new(StringComparer.Ordinal);

    /// <summary>The other ids by which catalogs are named (<c>catalog_aliases:</c>), each with its catalog.</summary>
    public IReadOnlyDictionary<string, Catalog> Aliases => _aliases;

    /// <summary>Every id <see cref="Get"/> accepts: the catalogs' own, then their aliases.</summary>
    public IEnumerable<string> Ids => _catalogs.Select(c => c.Id).Concat(_aliases.Keys);

    /// <summary>
    /// This set, in which each of <paramref name="aliases"/> also names its catalog (comply's <c>TSC</c> for
    /// <c>soc2-tsc-2017</c>). An alias whose catalog is not loaded, or that is itself a loaded catalog's id, is CW1001
    /// in site.yml and left out.
    /// </summary>
    public CatalogSet WithAliases(IReadOnlyList<CatalogIdAlias> aliases, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(aliases);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (aliases.Count == 0)
        {
            return this;
        }
        var set = new CatalogSet(_catalogs, _mappings, SourceDigest);
        foreach (var alias in aliases)
        {
            if (_byId.TryGetValue(alias.Alias, out var own))
            {
                diagnostics.Report(DiagnosticDescriptors.InvalidConfig,
                    $"catalog alias '{alias.Alias}' is already the id of a loaded catalog ({Origin(own)})", alias.AliasAt,
                    "remove the alias: pages can name the catalog by that id as it is");
            }
            else if (_byId.TryGetValue(alias.Catalog, out var catalog))
            {
                set._aliases[alias.Alias] = catalog;
            }
            else
            {
                var loaded = _catalogs.Select(c => c.Id).ToList();
                diagnostics.Report(DiagnosticDescriptors.InvalidConfig,
                    $"catalog alias '{alias.Alias}' stands for '{alias.Catalog}', which is not a loaded catalog", alias.CatalogAt,
                    DidYouMean.Help(alias.Catalog, loaded, 1)
                        ?? (loaded.Count == 0 ? "add the catalog to 'catalogs:'" : $"add it to 'catalogs:'; loaded: {string.Join(", ", loaded)}"));
            }
        }
        return set;
    }

    private static string Origin(Catalog catalog) => catalog.IsBuiltIn ? "built in" : $"from '{catalog.Source}'";
}
