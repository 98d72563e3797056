using YamlDotNet.RepresentationModel;
using static Crosswalk.Config.Profiles.YamlNodes;

namespace Crosswalk.Config.Profiles;

/// <summary>
/// MkDocs (and Material for MkDocs): pages under <c>docs_dir</c>, <c>nav:</c> as the navigation (every page when absent),
/// <c>use_directory_urls</c>, <c>exclude_docs</c>, mkdocs-redirects' <c>redirect_maps</c>, Python-Markdown's heading ids.
/// </summary>
internal sealed class MkDocsProfile : ISiteProfile
{
    public string Name => "mkdocs";

    public Detection? Detect(ProfileContext context) => Detection.Find(context, [""], "mkdocs.yml", "mkdocs.yaml");

    public SiteConfig Apply(SiteConfig config, ProfileContext context, Detection found)
    {
        var file = found.File ?? "mkdocs.yml";
        var root = found.File is not null ? context.ReadYaml(file) as YamlMappingNode : null;
        var docsDir = Scalar(root, "docs_dir") ?? "docs";
        var directoryUrls = Scalar(root, "use_directory_urls") is not ("false" or "False" or "no");
        var settings = new ProfileSettings
        {
            Name = Name,
            // Without nav: MkDocs lists every page itself.
            Navigation = root is not null && Child(root, "nav") is { } nav ? NavPaths(nav) : null,
            Urls = new UrlRules(Published: directoryUrls ? PublishedForm.Directory : PublishedForm.Html),
            Routes = BlogRoutes(root),
            SnippetFolders = SnippetFolders(root, context, found),
        };
        // MkDocs' default exclude_docs: hidden files (Discover skips them) and /templates/ at the top of docs_dir.
        var exclude = new List<string>(config.Exclude) { "templates/**" };
        if (Scalar(root, "exclude_docs") is { } patterns)
        {
            exclude.AddRange(GitIgnorePatterns.ToGlobs(patterns));
        }
        return config with
        {
            SourceDirectory = context.PathOf(found.Under(docsDir)),
            Exclude = exclude,
            Slugs = Markdown.Slugs.SlugRule.Find("python-markdown")!,
            FrontMatter = GeneratorKeys.With(config, GeneratorKeys.MkDocs),
            Profile = settings,
            Redirects = [.. config.Redirects, .. Redirects(root, file)],
        };
    }

    /// <summary>
    /// Every page path in <c>nav:</c>: scalars, <c>Title: path</c> pairs and nested sections, external URLs left out.
    /// Walked with a stack and each node once: a YAML alias can make a node its own child (<c>&amp;n [a.md, *n]</c>).
    /// </summary>
    private static List<string> NavPaths(YamlNode nav)
    {
        var paths = new List<string>();
        var seen = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<YamlNode>([nav]);
        while (stack.Count > 0 && seen.Count < 100_000)
        {
            var node = stack.Pop();
            if (!seen.Add(node))
            {
                continue;
            }
            switch (node)
            {
                case YamlScalarNode { Value: { } value } when !value.Contains("://", StringComparison.Ordinal):
                    paths.Add(value);
                    break;
                case YamlSequenceNode seq:
                    foreach (var child in seq.Children.Reverse())
                    {
                        stack.Push(child);
                    }
                    break;
                case YamlMappingNode map:
                    foreach (var child in map.Children.Values.Reverse())
                    {
                        stack.Push(child);
                    }
                    break;
            }
        }
        return paths;
    }

    // mkdocs-redirects: redirect_maps maps a source path (old.md) to a page path or a URL.
    private static IEnumerable<(string, string, Diagnostics.SourceLocation)> Redirects(YamlMappingNode? root, string file)
    {
        if (Plugin(root, "redirects") is not YamlMappingNode options || Child(options, "redirect_maps") is not YamlMappingNode maps)
        {
            yield break;
        }
        foreach (var (k, v) in maps.Children)
        {
            if (k is YamlScalarNode { Value: { Length: > 0 } from } && v is YamlScalarNode { Value: { Length: > 0 } to })
            {
                var target = Links.SiteIndex.IsExternal(to) ? to : "/" + to.TrimStart('/');
                yield return ("/" + Content.UrlModel.FromSourcePath(from.TrimStart('/')).TrimStart('/'), target,
                    new Diagnostics.SourceLocation(file, (int)k.Start.Line, (int)k.Start.Column));
            }
        }
    }

    // pymdownx.snippets' base_path (default: the folder MkDocs runs in, mkdocs.yml's), when the extension is on.
    private static IReadOnlyList<string> SnippetFolders(YamlMappingNode? root, ProfileContext context, Detection found)
    {
        if (Child(root, "markdown_extensions") is not YamlSequenceNode extensions)
        {
            return [];
        }
        foreach (var extension in extensions.Children)
        {
            if (extension is YamlScalarNode { Value: "pymdownx.snippets" })
            {
                return [context.PathOf(found.Folder.Length == 0 ? "." : found.Folder)];
            }
            if (Child(extension, "pymdownx.snippets") is { } options)
            {
                var paths = Scalars(options, "base_path");
                return [.. (paths.Count > 0 ? paths : ["."]).Select(p => context.PathOf(found.Under(p)))];
            }
        }
        return [];
    }

    // Material's blog plugin publishes posts under blog/ with URLs of its own making.
    private static IReadOnlyList<string> BlogRoutes(YamlMappingNode? root) =>
        Plugin(root, "blog") is not null || Plugin(root, "material/blog") is not null ? ["/blog/*"] : [];

    /// <summary>A plugin's options under <c>plugins:</c> (an empty mapping when it is listed without any), or null.</summary>
    private static YamlNode? Plugin(YamlMappingNode? root, string name)
    {
        if (Child(root, "plugins") is not YamlSequenceNode plugins)
        {
            return Child(root, "plugins") is YamlMappingNode map ? Child(map, name) ?? (map.Children.ContainsKey(name) ? new YamlMappingNode() : null) : null;
        }
        foreach (var plugin in plugins.Children)
        {
            if (plugin is YamlScalarNode { Value: var n } && n == name)
            {
                return new YamlMappingNode();
            }
            if (plugin is YamlMappingNode m && m.Children.TryGetValue(new YamlScalarNode(name), out var options))
            {
                return options as YamlMappingNode ?? new YamlMappingNode();
            }
        }
        return null;
    }

}
