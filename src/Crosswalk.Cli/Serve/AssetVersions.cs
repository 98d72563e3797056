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

    // A <link> or <script> start tag (not <link-card>), and in it the URL: href or src, double-quoted, as the theme
    // and Markdig write them.
    [GeneratedRegex("""<(?:link|script)(?=[\s/>])[^>]*>""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AssetTag();

    [GeneratedRegex("\\s(?:href|src)=\"(?<url>[^\"]*)\"", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlAttribute();

    // Modules are known by their URL: a versioned one would be a second module beside the one its imports name.
    [GeneratedRegex("""\stype\s*=\s*["']?module\b|\srel\s*=\s*["']?[^"'>]*\bmodulepreload\b""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Module();

    [GeneratedRegex("""<base[\s/>]""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BaseTag();

    /// <summary>Whether the page has a <c>base</c> tag, which moves what its relative URLs mean.</summary>
    public static bool HasBase(string html) => BaseTag().IsMatch(html);

    /// <summary>
    /// <paramref name="html"/> with the URL of each <c>link</c> and <c>script</c> tag that names a file of the site
    /// (resolved against <paramref name="requestPath"/>, the path as the browser asked for it, where the browser
    /// resolves it) followed by that file's version; <paramref name="tagOf"/> gives a site path's entity tag, or null
    /// when it is no file, a page, or not to be versioned. Module scripts and URLs with a scheme are left as written.
    /// </summary>
    public static string Stamp(string html, string requestPath, Func<string, string?> tagOf)
    {
        // A <base> tag moves what relative URLs mean; such a page keeps its URLs (and the 304s).
        if (HasBase(html) || !requestPath.StartsWith('/'))
        {
            return html;
        }
        var page = new Uri(new Uri("http://preview.invalid"), requestPath);
        return AssetTag().Replace(html, tag =>
        {
            if (Module().IsMatch(tag.Value) || UrlAttribute().Match(tag.Value) is not { Success: true } attribute)
            {
                return tag.Value;
            }
            var url = attribute.Groups["url"];
            var value = url.Value;
            // Whitespace around a URL is no part of it for the browser: a version after it would be.
            if (value.Length == 0 || value != value.Trim() || value.IndexOfAny(['?', '#', '&', ':']) >= 0 || value.StartsWith("//", StringComparison.Ordinal)
                || !Uri.TryCreate(page, value, out var resolved) || !RequestPath.TryNormalize(resolved.AbsolutePath, out var path) || tagOf(path) is not { } version)
            {
                return tag.Value;
            }
            var at = url.Index + url.Length;
            return tag.Value[..at] + "?" + Parameter + "=" + version.Trim('"') + tag.Value[at..];
        });
    }
}
