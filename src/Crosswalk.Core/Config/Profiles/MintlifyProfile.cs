using System.Text.Json.Nodes;
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
        var navigation = new List<string>();
        var patterns = new List<(string, string)>();
        var redirects = new List<(string, string, SourceLocation)>(config.Redirects);
        if (found.File is { } file && context.ReadJsonNode(file) is JsonObject root)
        {
            if (root["navigation"] is { } nav)
            {
                CollectPages(Expand(nav, file, context, new References()), inPages: false, navigation);
            }
            // Redirects are often kept in a file of their own ("redirects": { "$ref": "./redirects.json" }).
            var (list, listFile) = (root["redirects"], file);
            if (list is JsonObject { } reference && reference["$ref"] is JsonValue r && r.TryGetValue<string>(out var path))
            {
                listFile = Referenced(file, path);
                var exists = context.FileExists(listFile);
                list = exists ? context.ReadJsonNode(listFile) : null;
                if (!exists)
                {
                    context.Warn(file, 1, 1, $"'redirects' names '{path}', which does not exist");
                }
            }
            if (list is JsonArray array)
            {
                ReadRedirects(array, listFile, context.ReadText(listFile) ?? "", redirects, patterns);
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
                MdxComponentIds = true,
                Urls = new UrlRules(Published: PublishedForm.Bare, DotRelativeIsSource: true, IndexByName: true),
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
    private static void CollectPages(JsonNode? node, bool inPages, List<string> pages)
    {
        switch (node)
        {
            case JsonValue value when inPages && value.TryGetValue<string>(out var page):
                pages.Add(page);
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    CollectPages(item, inPages, pages);
                }
                break;
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    if (name == "root" && child is JsonValue v && v.TryGetValue<string>(out var root))
                    {
                        pages.Add(root);
                    }
                    CollectPages(child, name == "pages", pages);
                }
                break;
        }
    }

    /// <summary>
    /// <paramref name="node"/> with every <c>{ "$ref": "./file.json" }</c> replaced by that file's content (its own
    /// references resolved from its folder), the object's other keys laid over it, as Mintlify reads docs.json.
    /// </summary>
    private static JsonNode? Expand(JsonNode? node, string file, ProfileContext context, References refs)
    {
        switch (node)
        {
            case JsonObject obj when obj["$ref"] is JsonValue r && r.TryGetValue<string>(out var path):
                var target = Referenced(file, path);
                if (refs.Chain.Contains(target) || ++refs.Loads > References.MaxLoads)
                {
                    // A file that refers back to itself, or a fan-out that would never end: read no further.
                    context.Warn(file, 1, 1, refs.Chain.Contains(target) ? $"'$ref' to '{path}' refers back to itself" : "more than 256 '$ref's; the rest are not followed");
                    return null;
                }
                if (!context.FileExists(target))
                {
                    context.Warn(file, 1, 1, $"'$ref' names '{path}', which does not exist");
                    return null;
                }
                refs.Chain.Add(target);
                var loaded = Expand(context.ReadJsonNode(target), target, context, refs);
                refs.Chain.Remove(target);
                if (loaded is not JsonObject merged)
                {
                    return loaded;
                }
                foreach (var (name, child) in obj.Where(p => p.Key != "$ref").ToList())
                {
                    merged[name] = Expand(child, file, context, refs);
                }
                return merged;
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (name, child) in obj)
                {
                    copy[name] = Expand(child, file, context, refs);
                }
                return copy;
            case JsonArray array:
                return new JsonArray([.. array.Select(item => Expand(item, file, context, refs))]);
            default:
                return node?.DeepClone();
        }
    }

    // The files being expanded (a cycle returns to one of them) and how many $refs were followed.
    private sealed class References
    {
        public const int MaxLoads = 256;
        public HashSet<string> Chain { get; } = new(StringComparer.Ordinal);
        public int Loads { get; set; }
    }

    // A $ref is relative to the file it is written in.
    private static string Referenced(string file, string path)
    {
        var folder = Path.GetDirectoryName(file)?.Replace('\\', '/') ?? "";
        var combined = path.StartsWith('/') ? path.TrimStart('/') : (folder.Length == 0 ? path : folder + "/" + path);
        // Climbing above the root is refused (ProfileContext refuses it too): the path stays as written, outside.
        return Links.UrlPath.NormalizeSlowly("/" + combined)?.TrimStart('/') ?? "../" + combined;
    }

    // An exact redirect becomes a redirect page; one with a path parameter (/old/:slug*) is a pattern: a link under its
    // prefix is valid when what it redirects to is.
    private static void ReadRedirects(JsonArray list, string file, string text, List<(string, string, SourceLocation)> redirects, List<(string, string)> patterns)
    {
        var searchFrom = 0;
        foreach (var item in list)
        {
            if (item is not JsonObject entry
                || entry["source"] is not JsonValue s || !s.TryGetValue<string>(out var source)
                || entry["destination"] is not JsonValue d || !d.TryGetValue<string>(out var destination))
            {
                continue;
            }
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
