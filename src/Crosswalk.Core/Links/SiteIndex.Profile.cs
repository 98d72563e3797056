using Crosswalk.Content;

namespace Crosswalk.Links;

// What a docs generator's profile adds to link resolution: its navigation, routes other plugins serve, folder listings,
// and why a missing target is missing when the path is there in some form.
public sealed partial class SiteIndex
{
    private HashSet<string>? _navigation;

    /// <summary>
    /// True when the generator's navigation (docs.json, mkdocs.yml's nav, the sidebar) lists <paramref name="page"/>, or
    /// lists every page itself: such a page is no orphan.
    /// </summary>
    public bool InGeneratorNavigation(ParsedPage page)
    {
        if (Profile.Navigation is not { } entries)
        {
            return true;
        }
        var keys = LazyInitializer.EnsureInitialized(ref _navigation, () => entries.Select(NavigationKey).ToHashSet(StringComparer.Ordinal));
        var source = NavigationKey(page.Source.RelativePath);
        return keys.Contains(source) || keys.Contains(NavigationKey(page.Url))
            || (page.Meta.DocId is { } id && keys.Contains(NavigationKey(page.Source.Folder.Length == 0 ? id : page.Source.Folder + "/" + id)))
            || (Profile.Urls.DocIds && keys.Contains(NavigationKey(PageUrls.DocusaurusId(page.Source.RelativePath, page.Meta))));
    }

    // A navigation entry or a page's path as one key: no leading './' or '/', no extension, no trailing '/' or 'index'.
    private static string NavigationKey(string path)
    {
        path = path.Trim();
        path = path.StartsWith("./", StringComparison.Ordinal) ? path[2..] : path;
        path = UrlModel.StripPageExtension(path.Trim('/')).TrimEnd('/');
        foreach (var index in (string[])["index", "README", "_index"])
        {
            if (path == index)
            {
                return "";
            }
            if (path.EndsWith("/" + index, StringComparison.Ordinal))
            {
                return path[..^(index.Length + 1)];
            }
        }
        return path;
    }

    // The folder a browser resolves a relative link against: that of the page's published address, so 'b' from a page
    // published at /docs/a (or /docs/a.html) is /docs/b, and from /docs/a/ it is /docs/a/b.
    private string PublicFolder(ParsedPage page)
    {
        var url = FirstForm(page);
        return url[..(url.LastIndexOf('/') + 1)];
    }

    /// <summary>
    /// A path no page or file of the site has, but that the host serves: a route of another plugin (a blog), or (GitHub)
    /// a folder's listing. Kept as written.
    /// </summary>
    private LinkTarget? Served(string candidate)
    {
        if (UrlPath.Normalize(candidate) is not { } normalized)
        {
            return null;
        }
        var bare = normalized.TrimEnd('/');
        foreach (var route in Profile.Routes)
        {
            var matches = route.EndsWith("/*", StringComparison.Ordinal)
                ? bare == route[..^2] || bare.StartsWith(route[..^1], StringComparison.Ordinal) || (route == "/*")
                : bare == route.TrimEnd('/') || (bare.Length == 0 && route == "/");
            if (matches)
            {
                return new LinkTarget(TargetKind.External, null, null, null, "");
            }
        }
        foreach (var (prefix, destination) in Profile.RedirectPatterns)
        {
            if (bare == prefix || bare.StartsWith(prefix + "/", StringComparison.Ordinal))
            {
                // The rest of the path takes the parameter's place: /beta/x by /beta/:slug* → /guides/:slug* is /guides/x.
                var to = destination + bare[prefix.Length..].TrimStart('/');
                return IsExternal(to) ? new LinkTarget(TargetKind.External, null, null, null, "")
                    : Strict ? PublishedPage(to) ?? StaticFile(to) : Find(to, null, "");
            }
        }
        // GitHub lists a folder and shows a hidden file that exists; a path under a hidden folder may still not.
        if (Profile.FolderListings && (_folders.Contains(bare) || (IsSkipped(bare) && ExistsInSource(bare))))
        {
            return new LinkTarget(TargetKind.External, null, null, null, "");
        }
        return null;
    }

    private bool ExistsInSource(string path)
    {
        if (Folders is not { } folders)
        {
            return false;
        }
        var full = Path.Combine(folders.Source, path.TrimStart('/'));
        return File.Exists(full) || Directory.Exists(full);
    }

    // Why a target is missing when the path is there in some form: a folder without an index page, or a file on disk
    // the site leaves out.
    private string? Explain(ParsedPage from, string written, string candidate)
    {
        if (UrlPath.Normalize(candidate) is { } normalized && _folders.Contains(normalized.TrimEnd('/')))
        {
            return "is a folder without an index page";
        }
        if (UrlPath.Normalize(candidate) is { } path && IsSkipped(path.TrimEnd('/')))
        {
            return "is not published: it is hidden or excluded";
        }
        return Outside(written.StartsWith('/') || from.Source.Folder.Length == 0 ? written : from.Source.Folder + "/" + written);
    }

    // The path, or a folder above it, was left out by Discover.
    private bool IsSkipped(string path)
    {
        if (Skipped.Count == 0)
        {
            return false;
        }
        for (var end = path.Length; end > 1; end = path.LastIndexOf('/', end - 1))
        {
            if (Skipped.Contains(path[1..end]))
            {
                return true;
            }
        }
        return false;
    }

    // A path outside the source folder (a link climbing out of docs/ to the repository's README) that exists on disk.
    private string? Outside(string path)
    {
        if (Folders is not { } folders)
        {
            return null;
        }
        string full;
        try
        {
            full = Path.GetFullPath(Path.Combine(folders.Source, Uri.UnescapeDataString(path.TrimStart('/'))));
        }
        catch (Exception ex) when (ex is ArgumentException or UriFormatException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
        // Only paths outside the source folder and inside the site's root are looked up: what is inside is Discover's.
        if (FolderPaths.IsSameOrInside(folders.Source, full) || !FolderPaths.IsSameOrInside(folders.Root, full) || !(File.Exists(full) || Directory.Exists(full)))
        {
            return null;
        }
        return $"is outside the source folder '{Path.GetRelativePath(folders.Root, folders.Source).Replace('\\', '/')}', so it is not published";
    }
}
