using Crosswalk.Criteria;
using Crosswalk.Diagnostics;
using Crosswalk.Links;
using Crosswalk.Templates;

namespace Crosswalk.Pipeline;

/// <summary>
/// Stage <c>Index</c>: places every page and static file in the output (URL conflicts are CW1004), indexes every URL,
/// builds the sidebar and checks the redirects (CW2004).
/// </summary>
public static class IndexStage
{
    /// <summary>The indexed site.</summary>
    public static IndexedSite Run(ParsedSite parsed, SourceSet files, SiteInputs inputs, BuildContext context, DiagnosticBag report)
    {
        var pages = UrlConflicts.RemoveDuplicateUrls(parsed.Pages, report);
        var placed = UrlConflicts.Place(pages, files.Statics, context.Artifacts.Reserved(inputs), report);
        var rules = Redirects.Collect(context.Config.Redirects, placed.Pages);
        var catalogs = inputs.Catalogs;
        var index = new SiteIndex(placed.Pages, placed.Statics, Redirects.ForIndex(rules), CriteriaPages.Urls(catalogs));
        var redirectPages = Redirects.Check(rules, placed.Taken, index, report);
        var navigation = new Navigation(placed.Pages, catalogs.All.Count > 0 ? [("Criteria", CriterionUrls.Root)] : null);
        return new IndexedSite(placed.Pages, placed.Statics, index, navigation, redirectPages, placed.Taken);
    }
}
