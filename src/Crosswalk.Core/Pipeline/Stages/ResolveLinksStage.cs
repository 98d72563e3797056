using Crosswalk.Content;
using Crosswalk.Diagnostics;
using Crosswalk.Links;
using Crosswalk.Markdown;

namespace Crosswalk.Pipeline;

/// <summary>
/// Stage <c>ResolveLinks</c>: resolves every link against the index (a missing target is CW2001 or CW2003), rewrites
/// it to the target's public URL, and finds the pages no other page links to (CW2005).
/// </summary>
public sealed class ResolveLinksStage(IndexedSite site, string baseUrl)
{
    /// <summary>Resolves every page's links (in parallel: each reads only the index) and reports what is missing.</summary>
    public LinkedSite Run(DiagnosticBag report)
    {
        var pages = site.Pages;
        // Every page's public path, made once for the whole site: pages link to the same few pages over and over. (A
        // preview resolving one edited page makes the paths it needs instead.)
        var publicPaths = pages.Select(p => p.Url).Distinct(StringComparer.Ordinal).ToDictionary(url => url, url => UrlModel.PublicPath(baseUrl, url), StringComparer.Ordinal);
        var resolved = pages.AsParallel().AsOrdered().Select(page => Resolve(page, publicPaths)).ToList();
        var links = new Dictionary<ParsedPage, ResolvedLinks>(pages.Count);
        var referrers = new Dictionary<ParsedPage, HashSet<ParsedPage>>(pages.Count);
        var shared = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < pages.Count; i++)
        {
            Share(resolved[i].Hrefs, shared);
            links[pages[i]] = resolved[i];
            Refer(referrers, pages[i], resolved[i], add: true);
        }
        var orphans = pages.Where(p => IsOrphan(site, referrers, p)).ToHashSet();
        var linked = new LinkedSite(links, referrers, orphans);
        Report(linked, report);
        return linked;
    }

    /// <summary>Reports the missing targets of every page and every orphan.</summary>
    public static void Report(LinkedSite linked, DiagnosticBag report)
    {
        foreach (var (_, entry) in linked.Links)
        {
            if (entry.Diagnostics.Count > 0)
            {
                report.AddRange(entry.Diagnostics);
            }
        }
        ReportOrphans(linked, report);
    }

    /// <summary>What <see cref="Report"/> says of the orphans (the preview reports the links' own findings itself).</summary>
    public static void ReportOrphans(LinkedSite linked, DiagnosticBag report)
    {
        foreach (var page in linked.Orphans)
        {
            report.Report(DiagnosticDescriptors.OrphanPage, $"no page links to '{page.Url}'",
                new SourceLocation(page.Source.DisplayPath, 1, 1), "link it from a related page or its section index");
        }
    }

    /// <summary>
    /// An orphan is reachable only through the sidebar or search: no other page links to it. The home page is the
    /// entry point; under a docs generator's profile, a page in the generator's navigation is reachable from it.
    /// </summary>
    public static bool IsOrphan(IndexedSite site, IReadOnlyDictionary<ParsedPage, HashSet<ParsedPage>> referrers, ParsedPage page) =>
        referrers.GetValueOrDefault(page) is not { Count: > 0 } && !site.Navigation.IsHome(page) && page.Url != "/"
        && (site.Index.Profile.Name == Config.Profiles.SiteProfiles.Crosswalk || !site.Index.InGeneratorNavigation(page));

    /// <summary>
    /// Adds <paramref name="page"/> to (or removes it from) the referrers of each page it links to; those pages are added
    /// to <paramref name="touched"/> when given.
    /// </summary>
    public static void Refer(Dictionary<ParsedPage, HashSet<ParsedPage>> referrers, ParsedPage page, ResolvedLinks links, bool add, ISet<ParsedPage>? touched = null)
    {
        foreach (var target in links.Targets)
        {
            if (target.Page is not { } to || to == page)
            {
                continue;
            }
            if (add)
            {
                if (!referrers.TryGetValue(to, out var set))
                {
                    referrers[to] = set = [];
                }
                set.Add(page);
            }
            else
            {
                referrers.GetValueOrDefault(to)?.Remove(page);
            }
            touched?.Add(to);
        }
    }

    /// <summary>One page's links: each target, its rewritten href, and a diagnostic for each missing one.</summary>
    public ResolvedLinks Resolve(ParsedPage page) => Resolve(page, null);

    // publicPaths: the site's pages' public paths, when made for a whole site's links.
    private ResolvedLinks Resolve(ParsedPage page, Dictionary<string, string>? publicPaths)
    {
        var hrefs = new string[page.Links.Count];
        var targets = new LinkTarget[page.Links.Count];
        var diagnostics = new List<Diagnostic>();
        foreach (var link in page.Links)
        {
            var target = site.Index.Resolve(page, link.Url);
            targets[link.Id] = target;
            hrefs[link.Id] = target.Kind switch
            {
                TargetKind.Page or TargetKind.Static => (publicPaths?.GetValueOrDefault(target.Path!) ?? UrlModel.PublicPath(baseUrl, target.Path!)) + HtmlEscape.Url(target.Suffix),
                // A link to a redirect that leaves the site goes where the redirect leads, keeping its #fragment unless
                // the target names its own (as a browser does through an HTTP redirect).
                TargetKind.External when target.Path is { } redirected => HtmlEscape.Url(redirected)
                    + (redirected.Contains('#') || target.Suffix.IndexOf('#') is not (var hash and >= 0) ? "" : HtmlEscape.Url(target.Suffix[hash..])),
                _ => HtmlEscape.Url(link.Url),
            };
            if (target.Kind == TargetKind.Missing)
            {
                var isFile = link.Kind is LinkKind.Image or LinkKind.HtmlSrc || LooksLikeFile(link.Url);
                diagnostics.Add(Diagnostic.Create(isFile ? DiagnosticDescriptors.MissingFile : DiagnosticDescriptors.MissingPage,
                    isFile ? $"file '{link.Url}' {target.Why ?? "does not exist"}" : $"link target '{link.Url}' {target.Why ?? "does not exist"}",
                    link.Location, target.Help));
            }
        }
        return new ResolvedLinks(targets, hrefs, diagnostics);
    }

    // A page is linked from many pages, each link rewritten to the same href: one string for all of them, as the
    // stage holds every page's hrefs until the site is written (75,000 links at 10,000 pages: 9 MB otherwise). Done
    // after the parallel part: a dictionary shared by the threads cost more in lock waits than the lookups themselves.
    private static void Share(string[] hrefs, Dictionary<string, string> shared)
    {
        for (var i = 0; i < hrefs.Length; i++)
        {
            ref var one = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(shared, hrefs[i], out var exists);
            if (exists)
            {
                hrefs[i] = one!;
            }
            else
            {
                one = hrefs[i];
            }
        }
    }

    private static bool LooksLikeFile(string url)
    {
        var path = url.Split('#', '?')[0];
        var ext = Path.GetExtension(path);
        return ext.Length > 0 && !UrlModel.IsPagePath(path) && ext is not ".html" and not ".htm";
    }
}
