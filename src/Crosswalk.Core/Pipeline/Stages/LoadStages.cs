using Crosswalk.Criteria;
using Crosswalk.Diagnostics;
using Crosswalk.Templates;

namespace Crosswalk.Pipeline;

/// <summary>Stage <c>LoadTheme</c>: parses every template and reads the assets of the theme.</summary>
public static class LoadThemeStage
{
    /// <summary>The theme (the built-in one unless site.yml names a templates folder).</summary>
    public static Theme Run(BuildContext context, DiagnosticBag report) =>
        Theme.Load(context.Config.TemplatesDirectory, context.Config.RootDirectory, report);
}

/// <summary>Stage <c>LoadCatalogs</c>: loads the catalogs site.yml names and checks the rules that name catalogs.</summary>
public static class LoadCatalogsStage
{
    /// <summary>The catalogs with site.yml's aliases (one naming no loaded catalog is CW1001); a rule naming none is CW3007.</summary>
    public static CatalogSet Run(BuildContext context, DiagnosticBag report)
    {
        var config = context.Config;
        var catalogs = CatalogSet.Load(config.Catalogs, config.RootDirectory, report, config.CatalogLocations).WithAliases(config.CatalogAliases, report);
        ResolveCriteria.CheckRules(config, catalogs, report);
        return catalogs;
    }
}
