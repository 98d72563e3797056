using System.Text.Json;
using Crosswalk.Diagnostics;

namespace Crosswalk.Config.Profiles;

/// <summary>
/// Mintlify: pages beside <c>docs.json</c> (or the older <c>mint.json</c>), its <c>navigation</c> (every <c>pages</c> entry),
/// its <c>redirects</c>, <c>snippets/</c> and <c>.mintignore</c> left out, URLs without a trailing slash, Mintlify's heading ids.
/// </summary>
internal sealed class MintlifyProfile : ISiteProfile
{
    public string Name => "mintlify";

    public Detection? Detect(ProfileContext context) => Detection.Find(context, ["", "docs"], "docs.json", "mint.json");

    public SiteConfig Apply(SiteConfig config, ProfileContext context, Detection found)
    {
        var json = found.File is { } file ? context.ReadJson(file) : null;
        var navigation = new List<string>();
        var patterns = new List<(string, string)>();
        var redirects = new List<(string, string, SourceLocation)>(config.Redirects);
        if (json is { ValueKind: JsonValueKind.Object } root)
        {
            if (root.TryGetProperty("navigation", out var nav))
            {
                CollectPages(nav, inPages: false, navigation);
            }
            if (root.TryGetProperty("redirects", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                ReadRedirects(list, found.File!, context.ReadText(found.File!) ?? "", redirects, patterns);
            }
        }
        // Mintlify publishes neither snippets (imported into pages) nor a repository's own Markdown files.
        var exclude = new List<string>(config.Exclude)
        {
            "snippets/**", "node_modules/**", "**/README.md", "**/LICENSE.md", "**/CONTRIBUTING.md", "**/CONTRIBUTE.md", "**/CHANGELOG.md",
        };
        if (context.FileExists(found.Under(".mintignore")) && context.ReadText(found.Under(".mintignore")) is { } ignore)
        {
            exclude.AddRange(GitIgnorePatterns.ToGlobs(ignore));
        }
        return config with
        {
            SourceDirectory = context.PathOf(found.Folder.Length == 0 ? "." : found.Folder),
            Exclude = exclude,
            Redirects = redirects,
            Slugs = Markdown.Slugs.SlugRule.Find("mintlify")!,
            FrontMatter = GeneratorKeys.With(config, GeneratorKeys.Mintlify),
            Profile = new ProfileSettings
            {
                Name = Name,
                Navigation = navigation,
                RedirectPatterns = patterns,
                Urls = new UrlRules(TrailingSlash: false, Published: PublishedForm.Bare, DotRelativeIsSource: true),
            },
        };
    }

    // JsonDocument keeps no line numbers: a redirect is located by its source's JSON text, searched from the previous one on.
    private static SourceLocation Locate(string file, string text, string source, ref int from)
    {
        var quoted = "\"" + source + "\"";
        var at = text.IndexOf(quoted, from, StringComparison.Ordinal);
        if (at < 0)
        {
            return new SourceLocation(file, 1, 1);
        }
        from = at + quoted.Length;
        var line = 1 + text.AsSpan(0, at).Count('\n');
        var column = at - (text.LastIndexOf('\n', Math.Max(0, at - 1)) + 1) + 1;
        return new SourceLocation(file, line, column);
    }

    // docs.json nests tabs, anchors, dropdowns, versions, languages and groups; every string in a "pages" array (and a
    // group's "root") is a page path without its extension.
    private static void CollectPages(JsonElement node, bool inPages, List<string> pages)
    {
        switch (node.ValueKind)
        {
            case JsonValueKind.String when inPages:
                pages.Add(node.GetString()!);
                break;
            case JsonValueKind.Array:
                foreach (var item in node.EnumerateArray())
                {
                    CollectPages(item, inPages, pages);
                }
                break;
            case JsonValueKind.Object:
                foreach (var property in node.EnumerateObject())
                {
                    if (property.Name == "root" && property.Value.ValueKind == JsonValueKind.String)
                    {
                        pages.Add(property.Value.GetString()!);
                    }
                    CollectPages(property.Value, property.Name == "pages", pages);
                }
                break;
        }
    }

    // An exact redirect becomes a redirect page; one with a path parameter (/old/:slug*) is a pattern: a link under its
    // prefix is valid when what it redirects to is.
    private static void ReadRedirects(JsonElement list, string file, string text, List<(string, string, SourceLocation)> redirects, List<(string, string)> patterns)
    {
        var searchFrom = 0;
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object
                || !item.TryGetProperty("source", out var s) || s.ValueKind != JsonValueKind.String
                || !item.TryGetProperty("destination", out var d) || d.ValueKind != JsonValueKind.String)
            {
                continue;
            }
            var source = s.GetString()!;
            var destination = d.GetString()!;
            if (!source.StartsWith('/'))
            {
                continue;
            }
            var wildcard = source.IndexOfAny([':', '*']);
            if (wildcard >= 0)
            {
                var parameter = destination.IndexOfAny([':', '*']);
                patterns.Add((source[..wildcard].TrimEnd('/'), parameter < 0 ? destination : destination[..parameter]));
                continue;
            }
            redirects.Add((source, destination, Locate(file, text, source, ref searchFrom)));
        }
    }
}
