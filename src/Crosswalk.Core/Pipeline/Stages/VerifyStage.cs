using Crosswalk.Content;
using Crosswalk.Diagnostics;
using Crosswalk.Links;

namespace Crosswalk.Pipeline;

/// <summary>
/// Stage <c>Verify</c>: every link's anchor is checked against the ids of the page it points to: those of its body and
/// those its template added, read from the HTML the Render stage produced (CW2002).
/// </summary>
public static class VerifyStage
{
    /// <summary>Reports every missing anchor of the site.</summary>
    public static void Run(IndexedSite site, LinkedSite links, RenderedSite rendered, DiagnosticBag report)
    {
        foreach (var page in site.Pages)
        {
            Check(page, links.Links[page].Targets, rendered.TemplateIds, report.Add);
        }
    }

    /// <summary>Reports the missing anchors of one page's links.</summary>
    public static void Check(ParsedPage page, LinkTarget[] targets, TemplateIdSets templateIds, Action<Diagnostic> report)
    {
        foreach (var link in page.Links)
        {
            if (OutsideBody(targets[link.Id]) is not var (to, fragment))
            {
                continue;
            }
            var added = templateIds.Get(to.Url);
            if (added?.Contains(fragment) == true)
            {
                continue;
            }
            // Sorted: ids come from sets, whose order is not the page's, and ties must not depend on it.
            List<string> ids = [.. (added is null ? to.Ids : to.Ids.Concat(added)).Order(StringComparer.Ordinal)];
            var closest = DidYouMean.ClosestOrRelated(fragment, ids, static id => id, DidYouMean.DefaultMax, StringComparer.Ordinal);
            report(Diagnostic.Create(DiagnosticDescriptors.MissingAnchor, $"anchor '#{fragment}' does not exist on '{to.Url}'", link.Location,
                DidYouMean.Help([.. closest.Select(id => "#" + id)])));
        }
    }

    /// <summary>
    /// The pages whose template ids this stage will read: those a link points into at an id their body does not have.
    /// A build records only these; a preview records every page's, as a later edit may link to any page.
    /// </summary>
    public static HashSet<ParsedPage> TemplateIdsNeeded(IndexedSite site, LinkedSite links)
    {
        var pages = new HashSet<ParsedPage>();
        foreach (var page in site.Pages)
        {
            var targets = links.Links[page].Targets;
            foreach (var link in page.Links)
            {
                if (OutsideBody(targets[link.Id]) is var (target, _))
                {
                    pages.Add(target);
                }
            }
        }
        return pages;
    }

    // A link into a page at an anchor its body does not have: only the ids its template added can hold it. Both
    // Check and TemplateIdsNeeded ask this, so a build records the ids of exactly the pages Verify looks into.
    private static (ParsedPage Page, string Fragment)? OutsideBody(LinkTarget target) =>
        target is { Kind: TargetKind.Page, Page: { } page, Fragment: { Length: > 0 } fragment } && fragment != "top" && !page.Ids.Contains(fragment)
            ? (page, fragment)
            : null;
}
