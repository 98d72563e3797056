using System.Text.RegularExpressions;

namespace Crosswalk.Cli.Serve;

/// <summary>
/// Versioned stylesheet and script URLs for the preview's pages. A reload asked the server again for every stylesheet
/// and script of the page (each answered with a 304) before DOMContentLoaded, several round trips on a busy machine;
/// with the file's entity tag in its URL (<c>crosswalk.css?v=…</c>) the browser keeps it as long as it likes, and an
/// edited file gets a new URL on the next page. Only responses are changed: built files never carry these.
/// </summary>
internal static partial class AssetVersions
{
    /// <summary>The query parameter that carries the version.</summary>
    public const string Parameter = "v";

    /// <summary>What a versioned file is served with: it never changes under its URL.</summary>
    public const string Immutable = "max-age=31536000, immutable";

    // The URL of a <link> or <script> tag: href or src, double-quoted, as the theme and Markdig write them.
    [GeneratedRegex("""<(?:link|script)\b[^>]*?\s(?:href|src)="(?<url>[^"]*)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AssetUrl();

    [GeneratedRegex("""<base[\s>]""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BaseTag();

    /// <summary>
    /// <paramref name="html"/> with the URL of each <c>link</c> and <c>script</c> tag that names a file of the site
    /// (resolved against <paramref name="requestPath"/>, where the browser resolves it) followed by that file's version;
    /// <paramref name="tagOf"/> gives a site path's entity tag, or null when it is no file or a page.
    /// </summary>
    public static string Stamp(string html, string requestPath, Func<string, string?> tagOf)
    {
        // A <base> tag moves what relative URLs mean; such a page keeps its URLs (and the 304s).
        if (BaseTag().IsMatch(html))
        {
            return html;
        }
        var page = new Uri(new Uri("http://preview.invalid"), requestPath);
        return AssetUrl().Replace(html, match =>
        {
            var url = match.Groups["url"];
            var value = url.Value;
            if (value.Length == 0 || value.Contains('?') || value.Contains('#') || value.Contains('&') || value.StartsWith("//", StringComparison.Ordinal)
                || !Uri.TryCreate(page, value, out var resolved) || resolved.Host != page.Host || resolved.Scheme != page.Scheme
                || !RequestPath.TryNormalize(resolved.AbsolutePath, out var path) || tagOf(path) is not { } tag)
            {
                return match.Value;
            }
            var at = url.Index - match.Index + url.Length;
            return match.Value[..at] + "?" + Parameter + "=" + tag.Trim('"') + match.Value[at..];
        });
    }
}
