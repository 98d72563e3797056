using Crosswalk.Content;

namespace Crosswalk.Config.Profiles;

/// <summary>
/// The front-matter keys each generator and its common themes read: under its profile they are the site's own keys
/// (any value), so a docs tree written for the generator gets no unknown-key warning (CW1007) for them.
/// </summary>
internal static class GeneratorKeys
{
    public static readonly string[] Mintlify =
        ["sidebarTitle", "icon", "iconType", "mode", "tag", "api", "openapi", "hidden", "noindex", "url", "deprecated", "public", "keywords",
         "og:title", "og:description", "og:image", "twitter:title", "twitter:description", "twitter:image", "canonical",
         "boost", "rss", "asyncapi", "playground", "authMethod", "contentType", "robots", "timestamp", "groups", "version"];

    public static readonly string[] MkDocs =
        ["hide", "template", "status", "search", "icon", "subtitle", "tags", "authors", "date", "comments", "render_macros", "social", "categories"];

    public static readonly string[] Docusaurus =
        ["sidebar_label", "sidebar_position", "sidebar_class_name", "sidebar_custom_props", "displayed_sidebar", "hide_title",
         "hide_table_of_contents", "toc_min_heading_level", "toc_max_heading_level", "pagination_label", "pagination_next",
         "pagination_prev", "parse_number_prefixes", "custom_edit_url", "keywords", "image", "tags", "draft", "unlisted",
         "last_update", "authors", "date", "sidebar_key", "slug_prefix"];

    public static readonly string[] Jekyll =
        ["parent", "grand_parent", "has_children", "has_toc", "child_nav_order", "published", "excerpt", "categories", "category", "tags",
         "date", "author", "last_modified_date", "image", "search_exclude", "toc", "sitemap", "lang", "render_with_liquid",
         "redirect_to", "nav_enabled", "sidebar", "comments", "classes", "header", "seo", "ancestor", "mermaid", "math", "logo"];

    /// <summary><paramref name="config"/>'s own keys with <paramref name="keys"/> added (a key it declares keeps its type).</summary>
    public static IReadOnlyDictionary<string, FieldKind> With(SiteConfig config, IEnumerable<string> keys)
    {
        var all = new Dictionary<string, FieldKind>(config.FrontMatter, StringComparer.Ordinal);
        foreach (var key in keys)
        {
            all.TryAdd(key, FieldKind.Any);
        }
        return all;
    }
}
