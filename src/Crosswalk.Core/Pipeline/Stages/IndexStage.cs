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
        var pages = UrlConflicts.RemoveDuplicateUrls(parsed.Pages, report, context.Config.Profile.Urls);
        var placed = UrlConflicts.Place(pages, files.Statics, context.Artifacts.Reserved(context, inputs, pages), report);
        var rules = Redirects.Collect(context.Config.Redirects, placed.Pages);
        var catalogs = inputs.Catalogs;
        var reviews = Output.ReviewsPage.Url(context.Config, placed.Pages);
        var index = new SiteIndex(placed.Pages, placed.Statics, Redirects.ForIndex(rules),
            reviews is null ? CriteriaPages.Urls(catalogs) : CriteriaPages.Urls(catalogs).Append(reviews))
        {
            Profile = context.Config.Profile,
            Folders = (context.Config.SourceDirectory, context.Config.RootDirectory),
            Skipped = files.Skipped.ToHashSet(StringComparer.Ordinal),
        };
        var redirectPages = Redirects.Check(rules, placed.Taken, index, report);
        // The sidebar links the generated pages a reader can use: criteria when catalogs are loaded, reviews when some page is controlled.
        // Each catalog is listed under Criteria, so a criterion's page shows which catalog it is in.
        List<GeneratedNav> extra = [];
        if (catalogs.All.Count > 0)
        {
            extra.Add(new("Criteria", CriterionUrls.Root, [.. catalogs.All.Select(c => new GeneratedNav(c.Name, CriterionUrls.Catalog(c), []))]));
        }
        if (reviews is not null)
        {
            extra.Add(new("Reviews", reviews, []));
        }
        var navigation = new Navigation(placed.Pages, extra.Count > 0 ? extra : null);
        return new IndexedSite(placed.Pages, placed.Statics, index, navigation, redirectPages, placed.Taken);
    }
}
