namespace Crosswalk.Content;

/// <summary>The URL model of DESIGN.md: where a page lives and what file it is written to.</summary>
public static class UrlModel
{
    /// <summary><c>a/b.md</c> → <c>/a/b/</c>; <c>a/index.md</c> → <c>/a/</c>; <c>index.md</c> → <c>/</c>.</summary>
    public static string FromSourcePath(string relativePath)
    {
        var withoutExt = StripPageExtension(relativePath);
        var lastSlash = withoutExt.LastIndexOf('/');
        var name = withoutExt[(lastSlash + 1)..];
        if (name is "index" or "_index" or "README")
        {
            withoutExt = lastSlash < 0 ? "" : withoutExt[..lastSlash];
        }
        return withoutExt.Length == 0 ? "/" : "/" + withoutExt + "/";
    }

    /// <summary>
    /// Normalises a permalink: a last segment without an extension is a folder (trailing slash added).
    /// Returns null when the permalink could escape the output folder or is not a plain path.
    /// </summary>
    // A name starting with '.' is a host's own file (.htaccess, .git): a page may not be written there. '.well-known' is
    // the one such folder sites publish into (security.txt).
    private static bool HiddenSegment(string segment) => segment.StartsWith('.') && segment != ".well-known";

    public static string? NormalizePermalink(string permalink)
    {
        if (!permalink.StartsWith('/') || permalink.StartsWith("//", StringComparison.Ordinal))
        {
            return null;
        }
        string decoded;
        try
        {
            decoded = Uri.UnescapeDataString(permalink);
        }
        catch (UriFormatException)
        {
            return null;
        }
        // An empty segment ('a//b') names no folder: the output path would not be the URL's.
        if (decoded.Contains('\\') || decoded.Contains(':') || decoded.Contains('?') || decoded.Contains('#') || decoded.Contains("//", StringComparison.Ordinal)
            || decoded.Any(char.IsControl) || decoded.Split('/').Any(s => s is "." or ".." || HiddenSegment(s)))
        {
            return null;
        }
        if (!FitsFileSystem(decoded))
        {
            return null;
        }
        var last = decoded[(decoded.LastIndexOf('/') + 1)..];
        return last.Length == 0 || last.Contains('.') ? decoded : decoded + "/";
    }

    /// <summary>The public, percent-encoded path of a canonical site path: <c>/a/</c> under base_url <c>/docs/</c> is <c>/docs/a/</c>.</summary>
    public static string PublicPath(string baseUrl, string path) =>
        // Made for every link of every page: one string, not a trimmed copy and then the joined one.
        Markdown.HtmlEscape.Path(string.Concat(baseUrl, path.AsSpan().TrimStart('/')));

    /// <summary>
    /// The way from the page at <paramref name="url"/> to the site's root as a relative path (<c>../../</c> from
    /// <c>/a/b/</c>, <c>./</c> from <c>/</c>): what the page links to then works wherever the site is put, <c>file://</c> too.
    /// </summary>
    public static string RelativeRoot(string url)
    {
        var depth = OutputPath(url).Count(c => c == '/');
        return depth == 0 ? "./" : string.Concat(Enumerable.Repeat("../", depth));
    }

    /// <summary>The output file, relative to the output folder with <c>/</c>: <c>/a/</c> → <c>a/index.html</c>.</summary>
    public static string OutputPath(string url) => url.EndsWith('/') ? url[1..] + "index.html" : url[1..];

    /// <summary>The longest site path a page or file may have, in UTF-8 bytes: well inside the 4,096 of a full file path.</summary>
    public const int MaxPathBytes = 2048;

    /// <summary>
    /// True when every segment of <paramref name="path"/> fits a file name (255 bytes) and the whole fits
    /// <see cref="MaxPathBytes"/>: the output folder's own path and the temporary folder's name must fit beside it.
    /// </summary>
    public static bool FitsFileSystem(string path) =>
        System.Text.Encoding.UTF8.GetByteCount(path) <= MaxPathBytes && path.Split('/').All(s => System.Text.Encoding.UTF8.GetByteCount(s) <= 255);

    /// <summary>Removes a trailing <c>.md</c> or <c>.mdx</c>.</summary>
    public static string StripPageExtension(string path) =>
        path.EndsWith(".mdx", StringComparison.OrdinalIgnoreCase) ? path[..^4]
        : path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? path[..^3]
        : path;

    /// <summary>True for a Markdown source name.</summary>
    public static bool IsPagePath(string path) =>
        path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".mdx", StringComparison.OrdinalIgnoreCase);
}
