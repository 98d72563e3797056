using System.Text;

namespace Crosswalk.Links;

/// <summary>Path arithmetic on site URLs: lookup keys that ignore trailing slash, <c>.md</c>/<c>.mdx</c>/<c>.html</c> and <c>index</c>.</summary>
public static class UrlPath
{
    /// <summary>
    /// The lookup key of an absolute site path: decoded, dot segments resolved, without trailing slash,
    /// page extension or final <c>index</c>. Returns null when the path climbs above the root or cannot be decoded.
    /// </summary>
    public static string? Key(string absolutePath)
    {
        var path = Normalize(absolutePath);
        if (path is null)
        {
            return null;
        }
        path = path.TrimEnd('/');
        foreach (var ext in (string[])[".mdx", ".md", ".html", ".htm"])
        {
            if (path.EndsWith(ext, StringComparison.OrdinalIgnoreCase))
            {
                path = path[..^ext.Length];
                break;
            }
        }
        foreach (var index in (string[])["/index", "/_index", "/README"])
        {
            if (path.EndsWith(index, StringComparison.Ordinal))
            {
                path = path[..^index.Length];
                break;
            }
        }
        return path.Length == 0 ? "/" : path;
    }

    /// <summary>Decodes percent-escapes and resolves <c>.</c>/<c>..</c>; keeps a trailing slash. Null when it climbs above the root.</summary>
    public static string? Normalize(string absolutePath)
    {
        // Most links are already normal: rooted, nothing escaped, no empty or dot segments. They are their own result.
        if (absolutePath.StartsWith('/') && !absolutePath.Contains('%') && !absolutePath.Contains("//", StringComparison.Ordinal)
            && !absolutePath.Contains("/.", StringComparison.Ordinal))
        {
            return absolutePath;
        }
        return NormalizeSlowly(absolutePath);
    }

    internal static string? NormalizeSlowly(string absolutePath)
    {
        string decoded;
        try
        {
            decoded = Uri.UnescapeDataString(absolutePath);
        }
        catch (UriFormatException)
        {
            return null;
        }
        var segments = new List<string>();
        var parts = decoded.Split('/');
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part is "" or ".")
            {
                continue;
            }
            if (part == "..")
            {
                if (segments.Count == 0)
                {
                    return null;
                }
                segments.RemoveAt(segments.Count - 1);
                continue;
            }
            segments.Add(part);
        }
        var sb = new StringBuilder("/");
        sb.AppendJoin('/', segments);
        if (segments.Count > 0 && (decoded.EndsWith('/') || parts[^1] is "." or ".."))
        {
            sb.Append('/');
        }
        return sb.ToString();
    }

    /// <summary>Joins a folder (absolute, e.g. <c>/a/b</c>) and a relative path.</summary>
    public static string Combine(string folder, string relative) =>
        folder.EndsWith('/') ? folder + relative : folder + "/" + relative;
}
