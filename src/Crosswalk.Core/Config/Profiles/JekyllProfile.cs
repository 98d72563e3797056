using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;
using static Crosswalk.Config.Profiles.YamlNodes;

namespace Crosswalk.Config.Profiles;

/// <summary>
/// Jekyll (and GitHub Pages): pages under <c>source</c>, <c>exclude</c> and Jekyll's own exclusions (folders starting with
/// <c>_</c> are not pages), <c>baseurl</c>, kramdown's heading ids, pretty or <c>.html</c> URLs, a theme's layouts
/// falling back to the default one, and Liquid in links left to Jekyll.
/// </summary>
internal sealed partial class JekyllProfile : ISiteProfile
{
    public string Name => "jekyll";

    // What Jekyll itself leaves out of every site (its default exclude list) and the folders of a Ruby project.
    private static readonly string[] s_defaultExcludes =
        [".sass-cache", ".jekyll-cache", "gemfiles", "Gemfile", "Gemfile.lock", "node_modules", "vendor"];

    public Detection? Detect(ProfileContext context) => Detection.Find(context, ["", "docs"], "_config.yml", "_config.yaml");

    public SiteConfig Apply(SiteConfig config, ProfileContext context, Detection found)
    {
        var root = found.File is { } file ? context.ReadYaml(file) : null;
        var source = found.Under(Scalar(root, "source") ?? ".");
        var include = Scalars(root, "include");
        var collections = OutputCollections(root).ToList();
        var exclude = new List<string>(config.Exclude);
        // Jekyll's exclude entries are paths from the source root (a glob or a name there), not names at any depth.
        foreach (var entry in s_defaultExcludes.Concat(Scalars(root, "exclude")).Select(e => e.Trim().Trim('/')).Where(e => e.Length > 0))
        {
            exclude.Add(entry);
            exclude.Add(entry + "/**");
        }
        // Files and folders starting with '_' are Jekyll's own (_layouts, _includes, _data, _site) at any depth, except
        // collections it publishes.
        exclude.Add("**/_*/**");
        exclude.Add("**/_*");
        exclude.AddRange(include.Select(i => "!" + i.Trim('/')));
        exclude.AddRange(collections.Select(c => "!_" + c));
        var permalink = Scalar(root, "permalink");
        var pretty = permalink is "pretty" || (permalink is { } p && p.EndsWith('/'));
        var baseUrl = Scalar(root, "baseurl") is { Length: > 0 } b && !b.Contains("{{", StringComparison.Ordinal) ? "/" + b.Trim('/') + "/" : null;
        return config with
        {
            SourceDirectory = context.PathOf(source),
            OutputDirectory = context.PathOf(found.Under("_crosswalk")),
            BaseUrl = baseUrl is null or "//" ? config.BaseUrl : baseUrl,
            Exclude = exclude,
            Slugs = Markdown.Slugs.SlugRule.Find("kramdown")!,
            // A Jekyll site's own layouts and includes read page.<key>: those keys are the site's, not typos.
            FrontMatter = GeneratorKeys.With(config, [.. GeneratorKeys.Jekyll, .. LayoutKeys(context, context.PathOf(source))]),
            Profile = new ProfileSettings
            {
                Name = Name,
                Navigation = HeaderPages(root),
                Urls = new UrlRules(Folders: collections.ToDictionary(c => "_" + c, c => c),
                    Published: pretty ? PublishedForm.Directory : PublishedForm.Html, ExtensionlessHtml: true),
                LayoutFallback = true,
                TemplateLinks = true,
            },
        };
    }

    /// <summary>The keys the site's <c>_layouts</c> and <c>_includes</c> read as <c>page.key</c>.</summary>
    private static IEnumerable<string> LayoutKeys(ProfileContext context, string source)
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var folder in (string[])["_layouts", "_includes"])
        {
            var path = Path.Combine(source, folder);
            if (!Directory.Exists(path))
            {
                continue;
            }
            foreach (var file in ProfileFiles.Under(path).Take(500))
            {
                var relative = Path.GetRelativePath(context.Root, file).Replace('\\', '/');
                if (context.ReadText(relative) is { } text)
                {
                    keys.UnionWith(PageKey().Matches(text).Select(m => m.Groups[1].Value));
                }
            }
        }
        return keys;
    }

    [GeneratedRegex(@"\bpage\.([A-Za-z_][A-Za-z0-9_-]*)")]
    private static partial Regex PageKey();

    /// <summary>minima's header lists <c>header_pages</c> when given, else every page with a title: null means every page.</summary>
    private static IReadOnlyList<string>? HeaderPages(YamlNode? root) => Scalars(root, "header_pages") is { Count: > 0 } pages ? pages : null;

    /// <summary>Collections with <c>output: true</c>: their folders (<c>_docs</c>) are published.</summary>
    private static IEnumerable<string> OutputCollections(YamlNode? root)
    {
        if (Child(root, "collections") is not YamlMappingNode map)
        {
            return [];
        }
        return map.Children
            .Where(c => Scalar(c.Value, "output") is "true" or "True" or "yes")
            .Select(c => (c.Key as YamlScalarNode)?.Value)
            .OfType<string>()
            .Where(name => name.Length > 0 && !name.Contains('/'))
            .Distinct(StringComparer.Ordinal);
    }
}
