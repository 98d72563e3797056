using System.Buffers;

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
        if (Normalize(absolutePath) is not { } path)
        {
            return null;
        }
        // Cut as a span and copied once (one link at a time, for every link of the site).
        var key = path.AsSpan().TrimEnd('/');
        foreach (var ext in PageExtensions)
        {
            if (key.EndsWith(ext, StringComparison.OrdinalIgnoreCase))
            {
                key = key[..^ext.Length];
                break;
            }
        }
        foreach (var index in IndexNames)
        {
            if (key.EndsWith(index, StringComparison.Ordinal))
            {
                key = key[..^index.Length];
                break;
            }
        }
        return key.Length == 0 ? "/" : key.Length == path.Length ? path : key.ToString();
    }

    private static readonly string[] PageExtensions = [".mdx", ".md", ".html", ".htm"];
    private static readonly string[] IndexNames = ["/index", "/_index", "/README"];

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
        // "/" + the segments joined by '/', written into one buffer: '..' cuts back to where its segment's '/' stood.
        var chars = ArrayPool<char>.Shared.Rent(decoded.Length + 2);
        var starts = ArrayPool<int>.Shared.Rent(decoded.Length / 2 + 2);
        try
        {
            var length = 0;
            var count = 0;
            var rest = decoded.AsSpan();
            ReadOnlySpan<char> part;
            while (true)
            {
                var slash = rest.IndexOf('/');
                part = slash < 0 ? rest : rest[..slash];
                if (part is "..")
                {
                    if (count == 0)
                    {
                        return null;
                    }
                    length = starts[--count];
                }
                else if (part.Length > 0 && part is not ".")
                {
                    starts[count++] = length;
                    chars[length++] = '/';
                    part.CopyTo(chars.AsSpan(length));
                    length += part.Length;
                }
                if (slash < 0)
                {
                    break;
                }
                rest = rest[(slash + 1)..];
            }
            if (count == 0)
            {
                return "/";
            }
            // A path that ends as a folder stays one.
            if (decoded.EndsWith('/') || part is "." or "..")
            {
                chars[length++] = '/';
            }
            return new string(chars, 0, length);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(starts);
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>Joins a folder (absolute, e.g. <c>/a/b</c>) and a relative path.</summary>
    public static string Combine(string folder, string relative) =>
        folder.EndsWith('/') ? folder + relative : folder + "/" + relative;
}
