using Crosswalk.Content;
using Crosswalk.Diagnostics;

namespace Crosswalk.Links;

/// <summary>A redirect as written: in site.yml's <c>redirects:</c> or a page's <c>redirect_from:</c>.</summary>
public sealed record RedirectRule(string From, string To, SourceLocation Location)
{
    /// <summary>
    /// What the target names: <see cref="To"/> without a <c>#fragment</c> or <c>?query</c>, which name a place on that
    /// page (a web address stays as written). The one form every lookup of a redirect's target uses.
    /// </summary>
    public string Target => SiteIndex.IsExternal(To) || To.IndexOfAny(['#', '?']) is not (> 0 and var cut) ? To : To[..cut];

    /// <summary>The target's <c>#fragment</c> or <c>?query</c> as written, or "".</summary>
    public string Suffix => To[Target.Length..];
}

/// <summary>A redirect page to write: its canonical source URL and where it finally points (a page URL or an external URL).</summary>
/// <param name="From">The URL the redirect page is written at.</param>
/// <param name="To">The page's URL, or a web address.</param>
/// <param name="Suffix">The target's <c>#fragment</c> or <c>?query</c> as written, kept on the published URL.</param>
public sealed record RedirectPage(string From, string To, string Suffix = "");

/// <summary>The rules for redirects (CW2004). Pure functions of the rules, the placed outputs and the index.</summary>
public static class Redirects
{
    /// <summary>site.yml's redirects, then each page's <c>redirect_from:</c>, in page order.</summary>
    public static IReadOnlyList<RedirectRule> Collect(IEnumerable<(string From, string To, SourceLocation Location)> configured, IEnumerable<ParsedPage> pages)
    {
        var list = configured.Select(r => new RedirectRule(r.From, r.To, r.Location)).ToList();
        foreach (var page in pages)
        {
            list.AddRange(page.Meta.RedirectFrom.Select(r => new RedirectRule(r.Url, page.Url, r.Location)));
        }
        return list;
    }

    /// <summary>The index's view of the rules: source key to target, for rules whose source is a URL.</summary>
    public static IEnumerable<KeyValuePair<string, string>> ForIndex(IEnumerable<RedirectRule> rules) =>
        rules.Where(r => UrlPath.Key(r.From) is not null).Select(r => new KeyValuePair<string, string>(UrlPath.Key(r.From)!, r.Target));

    /// <summary>
    /// The most redirect pages a site writes: each is a file, and many pages each at the per-page bound of
    /// <c>redirect_from</c> would still write millions (100,000 entries once wrote 784 MB).
    /// </summary>
    public const int MaxRedirectPages = 20_000;

    /// <summary>
    /// The redirect pages to write. A source that is a page's URL or another output, a chain that loops, and a target
    /// that does not exist are reported and left out; the first rule for a source wins. A chain is followed to its end.
    /// </summary>
    public static IReadOnlyList<RedirectPage> Check(IReadOnlyList<RedirectRule> rules, IReadOnlyDictionary<string, string> taken, SiteIndex index, DiagnosticBag report)
    {
        var result = new List<RedirectPage>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // Redirect pages written so far, compared ignoring case as the other outputs are.
        var written = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var map = rules.GroupBy(r => UrlPath.Key(r.From) ?? r.From).ToDictionary(g => g.Key, g => g.First().Target, StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            var (from, to, location) = rule;
            var fromKey = UrlPath.Key(from);
            var fromUrl = UrlModel.NormalizePermalink(from);
            if (fromKey is null || fromUrl is null)
            {
                report.Report(DiagnosticDescriptors.BrokenRedirect, $"redirect source '{from}' is not a plain path inside the site", location,
                    "use a path such as /old/page/ without '..', '//', '\\', ':' or encoded separators");
                continue;
            }
            if (!seen.Add(fromKey))
            {
                continue;
            }
            if (result.Count == MaxRedirectPages)
            {
                report.Report(DiagnosticDescriptors.BrokenRedirect, $"the site has more than {MaxRedirectPages} redirects; this one and the rest are left out", location,
                    "drop old URLs no one links to any more, or redirect whole sections on the web server");
                break;
            }
            if (index.PageWithUrl(from) is { } existing)
            {
                report.Report(DiagnosticDescriptors.BrokenRedirect,
                    $"redirect source '{from}' is the URL of page '{existing.Source.DisplayPath}'", location);
                continue;
            }
            var output = UrlModel.OutputPath(fromUrl);
            if (taken.TryGetValue(output, out var owner) || written.TryGetValue(output, out owner))
            {
                report.Report(DiagnosticDescriptors.BrokenRedirect, $"redirect source '{from}' would overwrite {owner}", location);
                continue;
            }
            if (UrlConflicts.FileInTheWay(output, taken) is var (folder, other))
            {
                report.Report(DiagnosticDescriptors.BrokenRedirect, $"redirect source '{from}' needs the folder '{folder}', which is {other}", location);
                continue;
            }
            var (target, end, looped) = Follow(fromKey, rule.Target, map, index);
            if (looped)
            {
                report.Report(DiagnosticDescriptors.BrokenRedirect, $"redirect from '{from}' loops back to itself", location);
            }
            else if (SiteIndex.IsExternal(end) && !SiteIndex.IsWebAddress(end))
            {
                // A redirect page sends the reader on automatically: only to the web, never to script or data.
                report.Report(DiagnosticDescriptors.BrokenRedirect,
                    $"redirect from '{from}' points to '{end}', which is neither an http(s) URL nor a page of the site", location,
                    "redirect to https://… or to a path of the site");
            }
            else if (SiteIndex.IsExternal(end))
            {
                result.Add(new RedirectPage(fromUrl, end));
                written[output] = $"the redirect from '{from}'";
            }
            else if (target is null)
            {
                report.Report(DiagnosticDescriptors.BrokenRedirect, $"redirect from '{from}' points to '{to}', which does not exist", location,
                    DidYouMean.Help(SiteIndex.ClosestUrls(UrlPath.Key(to) ?? to, index.Urls, 1)));
            }
            else
            {
                result.Add(new RedirectPage(fromUrl, target.Url, rule.Suffix));
                written[output] = $"the redirect from '{from}'";
            }
        }
        return result;
    }

    // Follows a chain of redirects from a source: it must end on a page or outside, without returning to a URL visited.
    private static (ParsedPage? Target, string End, bool Looped) Follow(string fromKey, string to, Dictionary<string, string> map, SiteIndex index)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal) { fromKey };
        var current = to;
        while (!SiteIndex.IsExternal(current))
        {
            if (index.PageAt(current) is { } target)
            {
                return (target, current, false);
            }
            var key = UrlPath.Key(current);
            if (key is null || !map.TryGetValue(key, out var next))
            {
                break;
            }
            if (!visited.Add(key))
            {
                return (null, current, true);
            }
            current = next;
        }
        return (null, current, false);
    }
}
