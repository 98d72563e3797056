using YamlDotNet.RepresentationModel;

namespace Crosswalk.Config;

// The keys that say where the site and its sources are published: absolute links, sitemap, "Edit this page".
internal static partial class SiteKeys
{
    // The origin is printed in front of every canonical link, og:url and sitemap entry: a value that is not an
    // absolute http(s) URL would make all of them wrong at once, so it is refused here.
    private static string? ReadSiteUrl(ConfigReader reader, YamlNode node) =>
        ReadHttpUrl(reader, "site_url", node, "https://docs.example.com")?.TrimEnd('/');

    // Pages' source paths are appended to it, so it always ends with '/'.
    private static string? ReadEditUrl(ConfigReader reader, YamlNode node) =>
        ReadHttpUrl(reader, "edit_url", node, "https://github.com/org/repo/edit/main/") is { } url ? url.TrimEnd('/') + "/" : null;

    // A YAML null (relative_urls: or ~) leaves the default.
    private static bool? ReadFlag(ConfigReader reader, string key, YamlNode node)
    {
        if (reader.String(key, node) is not { } text || text is "" or "~" or "null")
        {
            return null;
        }
        if (YamlBoolean.Parse(text) is { } value)
        {
            return value;
        }
        reader.Error(node, $"'{key}' must be true or false, not '{text}'");
        return null;
    }

    private static string? ReadHttpUrl(ConfigReader reader, string key, YamlNode node, string example)
    {
        if (reader.String(key, node) is not { } value)
        {
            return null;
        }
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0
            && uri.Query.Length == 0 && uri.Fragment.Length == 0 && !value.Any(char.IsWhiteSpace))
        {
            return value;
        }
        reader.Error(node, $"'{key}' must be an absolute http(s) URL without query or fragment, not '{value}'", $"for example {example}");
        return null;
    }
}
