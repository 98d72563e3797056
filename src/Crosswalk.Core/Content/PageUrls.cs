using System.Text.RegularExpressions;
using Crosswalk.Config.Profiles;

namespace Crosswalk.Content;

/// <summary>
/// A page's URL before its permalink: DESIGN.md's rule (<c>a/b.md</c> → <c>/a/b/</c>), with a profile's folder renames,
/// <c>slug:</c>, and Docusaurus' route base, doc ids and number prefixes.
/// </summary>
public static partial class PageUrls
{
    /// <summary>The URL of the page at <paramref name="relativePath"/> (relative to the source folder).</summary>
    public static string Of(string relativePath, PageMeta meta, UrlRules rules)
    {
        if (rules.Folders is { Count: > 0 } folders)
        {
            foreach (var (from, to) in folders)
            {
                if (relativePath.StartsWith(from + "/", StringComparison.Ordinal))
                {
                    relativePath = to + relativePath[from.Length..];
                    break;
                }
            }
        }
        if (!rules.DocIds && meta.Slug is null && rules.RouteBase == "/")
        {
            return UrlModel.FromSourcePath(relativePath);
        }
        var segments = UrlModel.StripPageExtension(relativePath).Split('/').ToList();
        var name = segments[^1];
        segments.RemoveAt(segments.Count - 1);
        if (rules.DocIds)
        {
            segments = [.. segments.Select(StripNumberPrefix)];
            name = meta.DocId?.Split('/')[^1] ?? StripNumberPrefix(name);
        }
        var folder = string.Join('/', segments);
        string path;
        if (meta.Slug is { } slug)
        {
            path = slug.StartsWith('/') ? slug.Trim('/') : (folder.Length == 0 ? "" : folder + "/") + slug.Trim('/');
        }
        else
        {
            // index, README and (Docusaurus) a file named after its folder stand for the folder.
            var isIndex = name is "index" or "_index" || name.Equals("README", StringComparison.OrdinalIgnoreCase)
                || (rules.DocIds && segments.Count > 0 && name == segments[^1]);
            path = isIndex ? folder : (folder.Length == 0 ? "" : folder + "/") + name;
        }
        // A relative slug may climb ('../' is the folder above, as Docusaurus resolves it); never above the route base.
        var resolved = Links.UrlPath.NormalizeSlowly("/" + path.Trim('/')) ?? "/";
        var route = rules.RouteBase.Trim('/');
        var full = string.Join('/', new[] { route, resolved.Trim('/') }.Where(p => p.Length > 0));
        return full.Length == 0 ? "/" : "/" + full + "/";
    }

    /// <summary>Docusaurus' doc id of a page: its folders and name without number prefixes, the name replaced by <c>id:</c>.</summary>
    public static string DocusaurusId(string relativePath, PageMeta meta)
    {
        var segments = UrlModel.StripPageExtension(relativePath).Split('/').Select(StripNumberPrefix).ToList();
        if (meta.DocId is { } id)
        {
            segments[^1] = id;
        }
        return string.Join('/', segments);
    }

    // Docusaurus drops "01-", "1_", "2." and "3 - " prefixes that order files on disk.
    private static string StripNumberPrefix(string segment)
    {
        var m = NumberPrefix().Match(segment);
        return m.Success && m.Length < segment.Length ? segment[m.Length..] : segment;
    }

    [GeneratedRegex(@"^\d+\s*[-_.]+\s*")]
    private static partial Regex NumberPrefix();
}
