using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Crosswalk.Content;
using Crosswalk.Diagnostics;
using Crosswalk.Markdown.Slugs;
using YamlDotNet.RepresentationModel;

namespace Crosswalk.Config;

/// <summary>A site.yml key: its name, what it means, its JSON Schema and how it sets the <see cref="SiteConfig"/>.</summary>
/// <param name="Name">The key.</param>
/// <param name="Description">One sentence for the JSON Schema and editors.</param>
/// <param name="Schema">The JSON Schema of its value (draft 2020-12), as JSON text.</param>
/// <param name="Read">Reads the value into the configuration, reporting CW1001 for a bad one.</param>
internal sealed record SiteKey(string Name, string Description, string Schema, Func<ConfigReader, YamlNode, SiteConfig, SiteConfig> Read)
{
    /// <summary>The schema of the value, with its description.</summary>
    public JsonObject SchemaNode()
    {
        var node = JsonNode.Parse(Schema)!.AsObject();
        node.Insert(0, "description", Description);
        return node;
    }
}

/// <summary>
/// The registry of site.yml keys: each key is declared here once, with its reader and its JSON Schema, so the loader's
/// unknown-key check and the shipped <c>site.schema.json</c> cannot disagree.
/// </summary>
internal static partial class SiteKeys
{
    private const string Text = """{ "type": "string" }""";
    private const string Glob = """{ "type": "string", "description": "A glob over source paths, e.g. compliance/**" }""";

    /// <summary>Every key, in the order the README documents them.</summary>
    public static IReadOnlyList<SiteKey> All { get; } =
    [
        // Read before every other key (ConfigLoader): the profile sets what the keys below refine.
        new("profile", "The docs generator whose conventions the tree follows: auto (detect), crosswalk, mintlify, mkdocs, docusaurus, jekyll, comply or github.",
            $$"""{ "enum": {{Names(Profiles.SiteProfiles.Names)}} }""", (r, n, c) => c),
        new("title", "The site's title.", Text, (r, n, c) => c with { Title = r.String("title", n) ?? c.Title }),
        new("base_url", "The URL path the site is published under, e.g. / or /docs/.", Text, (r, n, c) => c with { BaseUrl = NormalizeBaseUrl(r, n) ?? c.BaseUrl }),
        new("site_url", "The site's origin, e.g. https://docs.example.com: canonical links, og:url, sitemap.xml and robots.txt use absolute URLs.", Text,
            (r, n, c) => c with { SiteUrl = ReadSiteUrl(r, n) }),
        new("edit_url", "Where a page's source is edited, e.g. https://github.com/org/repo/edit/main/: each content page links to it plus its source path relative to site.yml's folder.", Text,
            (r, n, c) => c with { EditUrl = ReadEditUrl(r, n) }),
        new("relative_urls", "Links and assets under base_url are written relative to each page (default true), so the site reads from any folder, a zip or file://; false writes them from the root (/docs/a/).",
            """{ "type": "boolean" }""", (r, n, c) => c with { RelativeUrls = ReadFlag(r, "relative_urls", n) ?? c.RelativeUrls }),
        new("source", "The folder of Markdown pages, relative to site.yml (default: content).", Text,
            (r, n, c) => c with { SourceDirectory = r.Path("source", n, c.RootDirectory) ?? c.SourceDirectory }),
        new("output", "The folder the site is written to, relative to site.yml (default: _site).", Text,
            (r, n, c) => c with { OutputDirectory = r.Path("output", n, c.RootDirectory) ?? c.OutputDirectory }),
        new("templates", "A theme folder replacing the built-in theme's files of the same name.", Text,
            (r, n, c) => c with { TemplatesDirectory = r.Path("templates", n, c.RootDirectory) }),
        new("exclude", "Globs over source paths that are neither pages nor files of the site, e.g. drafts/** (a leading ! keeps a path).",
            """{ "type": "array", "items": { "type": "string" } }""",
            (r, n, c) => c with { Exclude = [.. c.Exclude, .. r.StringList("exclude", n).Select(e => e.Value)] }),
        new("routes", "URL paths served by something other than the pages (a build step, another plugin), e.g. /api/*: links to them are valid; a trailing * serves everything under it.",
            """{ "type": "array", "items": { "type": "string", "pattern": "^/" } }""", ReadRoutes),
        new("static", "Folders, relative to site.yml, whose files are served at the site's root beside the pages (e.g. static).",
            """{ "type": "array", "items": { "type": "string" } }""", ReadStatic),
        new("catalogs", "Catalogs of criteria: built-in ids (soc2-tsc-2017, iso27001-2013, iso27001-2022, iso27001-2013-to-2022), YAML files (Crosswalk catalogs and crosswalks, or comply standards), or OSCAL catalog JSON files (.json).",
            """{ "type": "array", "items": { "type": "string" } }""", ReadCatalogs),
        new("mappings", "Table columns whose cells are read as criterion references.",
            """{ "type": "array", "items": { "type": "object", "additionalProperties": false, "required": ["column", "catalog"], "properties": { "column": { "type": "string" }, "catalog": { "type": "string" }, "pages": { "type": "string" }, "header": { "type": "array", "items": { "type": "string" } } } } }""",
            (r, n, c) => c with { Mappings = ReadMappings(r, n) }),
        new("coverage", "Tables whose rows state which documents cover a group of criteria.",
            """{ "type": "array", "items": { "type": "object", "additionalProperties": false, "required": ["key", "documents", "catalog"], "properties": { "key": { "type": "string" }, "documents": { "type": "string" }, "catalog": { "type": "string" }, "pages": { "type": "string" } } } }""",
            (r, n, c) => c with { Coverage = ReadCoverage(r, n) }),
        new("redirects", "Old URL paths mapped to the URLs they redirect to.",
            """{ "type": "object", "additionalProperties": { "type": "string" } }""", (r, n, c) => c with { Redirects = ReadRedirects(r, n) }),
        new("severity", "Per-code severity: error, warning, info or off.",
            """{ "type": "object", "propertyNames": { "pattern": "^CW[1-5][0-9]{3}$" }, "additionalProperties": { "enum": ["error", "warning", "info", "off"] } }""",
            (r, n, c) => c with { Severity = ReadSeverity(r, n) }),
        new("reviews", "Review cadence: warn_days (due-soon window, default 30) and page (the reviews page's URL, or false for none).",
            """{ "type": "object", "additionalProperties": false, "properties": { "warn_days": { "type": "integer", "minimum": 0, "maximum": 3650 }, "page": { "oneOf": [{ "type": "string", "pattern": "^/" }, { "const": false }] } } }""",
            (r, n, c) => c with { Reviews = ReadReviews(r, n) }),
        new("required", "Front-matter fields that pages matching a glob must set, e.g. { pages: compliance/**, fields: [owner, next_review] }.",
            """{ "oneOf": [{ "$ref": "#/$defs/required" }, { "type": "array", "items": { "$ref": "#/$defs/required" } }] }""",
            (r, n, c) => c with { Required = ReadRequired(r, n) }),
        new("direct_claims", "Criteria a claim through a group or alias does not satisfy: a catalog id, or { catalog, criteria: [ids or groups] } (CW3009).",
            """{ "type": "array", "items": { "oneOf": [{ "type": "string" }, { "type": "object", "additionalProperties": false, "required": ["catalog"], "properties": { "catalog": { "type": "string" }, "criteria": { "type": "array", "items": { "type": "string" } } } }] } }""",
            (r, n, c) => c with { DirectClaims = ReadDirectClaims(r, n) }),
        new("slugs", "How heading ids are made, so anchors are checked as the site's generator writes them: github (default), mintlify, python-markdown (MkDocs), docusaurus or kramdown (Jekyll, GitHub Pages).",
            $$"""{ "enum": {{Names(SlugRule.All.Select(r => r.Name))}} }""", (r, n, c) => c with { Slugs = ReadSlugs(r, n) ?? c.Slugs }),
        new("front_matter", "The site's own front-matter keys and their types (text, integer, boolean, date, duration, person, people, list, any).",
            $$"""{ "type": "object", "additionalProperties": { "enum": {{Names(FrontMatterSchema.KindNames)}} } }""",
            (r, n, c) => c with { FrontMatter = ReadFrontMatter(r, n) }),
        new("front_matter_style", "How pages write front matter: auto (default: between '---' lines, or without the opening '---' when the block is shaped like front matter and names a known key), fenced (only between '---' lines) or yaml-first (comply: everything before the first '---' line of a page that opens with a YAML key).",
            $$"""{ "enum": {{Names(FrontMatterStyleNames)}} }""", (r, n, c) => c with { FrontMatterStyle = ReadFrontMatterStyle(r, n) ?? c.FrontMatterStyle }),
        new("catalog_aliases", "Other ids for loaded catalogs, accepted wherever a catalog id is written, e.g. { TSC: soc2-tsc-2017 } for comply's satisfies: keys.",
            """{ "type": "object", "additionalProperties": { "type": "string" } }""", (r, n, c) => c with { CatalogAliases = ReadCatalogAliases(r, n) }),
    ];

    /// <summary>Shared definitions the keys' schemas refer to.</summary>
    public static string Definitions => $$"""{ "required": { "type": "object", "additionalProperties": false, "required": ["pages", "fields"], "properties": { "pages": { "type": "string" }, "fields": { "oneOf": [{ "enum": {{FieldNames}} }, { "type": "array", "items": { "enum": {{FieldNames}} } }] } } } }""";

    // The built-in front-matter keys, the only fields a required: rule can name.
    private static string FieldNames => Names(FrontMatterSchema.BuiltIn.Fields.Select(f => f.Name));

    private static string Names(IEnumerable<string> names) => "[" + string.Join(", ", names.Select(n => "\"" + n + "\"")) + "]";

    private static readonly Dictionary<string, SiteKey> s_byName = All.ToDictionary(k => k.Name, StringComparer.Ordinal);

    /// <summary>The key named <paramref name="name"/>, or null.</summary>
    public static SiteKey? Find(string name) => s_byName.GetValueOrDefault(name);

    /// <summary>Checks what one key's value can only be checked against another's: the fields <c>required:</c> names.</summary>
    public static SiteConfig Validate(ConfigReader reader, SiteConfig config)
    {
        var schema = FrontMatterSchema.BuiltIn.WithSiteKeys(config.FrontMatter);
        foreach (var (name, at) in config.Required.SelectMany(r => r.Fields).Where(f => schema.Find(f.Name) is null))
        {
            reader.Error(at.Line, at.Column, $"unknown front-matter field '{name}' in 'required'",
                DidYouMean.Help(name, schema.Fields.Select(x => x.Name)) ?? "declare the site's own keys under 'front_matter:'");
        }
        return config;
    }

    private static SiteConfig ReadRoutes(ConfigReader reader, YamlNode node, SiteConfig config)
    {
        var routes = new List<string>(config.Profile.Routes);
        foreach (var (route, at) in reader.StringList("routes", node))
        {
            if (route.StartsWith('/'))
            {
                routes.Add(route);
            }
            else
            {
                reader.Error(at.Line, at.Column, $"route '{route}' must be a URL path starting with '/'", "e.g. /api/* or /changelog");
            }
        }
        return config with { Profile = config.Profile with { Routes = routes } };
    }

    private static SiteConfig ReadStatic(ConfigReader reader, YamlNode node, SiteConfig config)
    {
        var folders = new List<string>();
        foreach (var item in reader.Sequence("static", node))
        {
            if (reader.Path("static", item, config.RootDirectory) is { } folder)
            {
                folders.Add(folder);
            }
        }
        return config with { StaticDirectories = folders };
    }

    private static SiteConfig ReadCatalogs(ConfigReader reader, YamlNode node, SiteConfig config)
    {
        var cats = reader.StringList("catalogs", node);
        // The site's catalogs replace a profile's, and with them the aliases the profile gave its catalogs (comply's TSC).
        return config with
        {
            Catalogs = cats.Select(c => c.Value).ToList(),
            CatalogLocations = cats.Select(c => c.Location).ToList(),
            CatalogAliases = [.. config.CatalogAliases.Where(a => a.AliasAt.File == reader.File)],
        };
    }

    // Outputs whose paths are fixed: the reviews page cannot take one of them.
    private static readonly (string Prefix, string What)[] s_generated =
        [("criteria/", "the criteria pages"), ("assets/", "the theme's assets"), ("404.html", "the 404 page"), ("sitemap.xml", "the sitemap")];

    private static ReviewSettings ReadReviews(ConfigReader reader, YamlNode node)
    {
        var settings = new ReviewSettings();
        var fields = reader.Object("reviews", node, ["warn_days", "page"]);
        if (fields is null)
        {
            return settings;
        }
        if (fields.TryGetValue("warn_days", out var w) && reader.String("warn_days", w) is { } days)
        {
            if (int.TryParse(days, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n <= 3650)
            {
                settings = settings with { WarnDays = n };
            }
            else
            {
                reader.Error(w, $"'warn_days' must be a whole number of days from 0 to 3650, not '{days}'");
            }
        }
        if (fields.TryGetValue("page", out var p) && reader.String("page", p) is { } page)
        {
            if (YamlBoolean.Parse(page) == false)
            {
                settings = settings with { Page = null };
            }
            else if (page.StartsWith('/') && UrlModel.NormalizePermalink(page) is { } url)
            {
                var output = UrlModel.OutputPath(url);
                if (s_generated.FirstOrDefault(g => output.StartsWith(g.Prefix, StringComparison.OrdinalIgnoreCase)) is { Prefix: not null } taken)
                {
                    reader.Error(p, $"'page' {page} is where Crosswalk writes {taken.What}", "choose another URL, such as /reviews/");
                }
                else
                {
                    settings = settings with { Page = url };
                }
            }
            else
            {
                reader.Error(p, $"'page' must be a URL path such as /reviews/, or false, not '{page}'");
            }
        }
        return settings;
    }

    private static List<RequiredRule> ReadRequired(ConfigReader reader, YamlNode node)
    {
        var rules = new List<RequiredRule>();
        IEnumerable<YamlNode> items = node is YamlSequenceNode seq ? seq.Children : [node];
        foreach (var item in items)
        {
            var fields = reader.Object("required", item, ["pages", "fields"]);
            if (fields is null)
            {
                continue;
            }
            var pages = reader.RequiredString("required", item, fields, "pages");
            if (!fields.TryGetValue("fields", out var f))
            {
                reader.Error(item, "'required' entry is missing 'fields'");
                continue;
            }
            // The names are checked once the whole file is read: front_matter: may declare them below.
            var names = f is YamlScalarNode ? [(reader.String("fields", f) ?? "", reader.Location(f))] : reader.StringList("fields", f);
            if (pages is not null && names.Count > 0)
            {
                rules.Add(new RequiredRule(pages, names, reader.Location(item)));
            }
        }
        return rules;
    }

    private static List<DirectClaimRule> ReadDirectClaims(ConfigReader reader, YamlNode node)
    {
        var rules = new List<DirectClaimRule>();
        foreach (var item in reader.Sequence("direct_claims", node))
        {
            if (item is YamlScalarNode)
            {
                if (reader.String("direct_claims", item) is { Length: > 0 } id)
                {
                    rules.Add(new DirectClaimRule(id, null, reader.Location(item)));
                }
                continue;
            }
            var fields = reader.Object("direct_claims", item, ["catalog", "criteria"]);
            if (fields is not null && reader.RequiredString("direct_claims", item, fields, "catalog") is { } catalog)
            {
                var criteria = fields.TryGetValue("criteria", out var list) ? reader.StringList("criteria", list) : null;
                rules.Add(new DirectClaimRule(catalog, criteria, reader.Location(item)));
            }
        }
        return rules;
    }

    private static Dictionary<string, FieldKind> ReadFrontMatter(ConfigReader reader, YamlNode node)
    {
        var keys = new Dictionary<string, FieldKind>(StringComparer.Ordinal);
        foreach (var (name, _, type, v) in reader.Pairs("front_matter", node, "'front_matter' must map the site's own keys to types, e.g. { classification: text }"))
        {
            if (FrontMatterSchema.ParseKind(type) is { } kind)
            {
                keys[name] = kind;
            }
            else
            {
                reader.Error(v, $"unknown type '{type}' for front-matter key '{name}'",
                    DidYouMean.Help(type, FrontMatterSchema.KindNames) ?? $"types: {string.Join(", ", FrontMatterSchema.KindNames)}");
            }
        }
        return keys;
    }

    private static SlugRule? ReadSlugs(ConfigReader reader, YamlNode node)
    {
        var name = reader.String("slugs", node);
        if (name is null)
        {
            return null;
        }
        if (SlugRule.Find(name) is { } rule)
        {
            return rule;
        }
        var names = SlugRule.All.Select(r => r.Name).ToList();
        reader.Error(node, $"unknown slugs '{name}'", DidYouMean.Help(name, names) ?? $"use one of: {string.Join(", ", names)}");
        return null;
    }

    private static string? NormalizeBaseUrl(ConfigReader reader, YamlNode node)
    {
        var value = reader.String("base_url", node);
        if (value is null)
        {
            return null;
        }
        if (value.Contains("://", StringComparison.Ordinal) || value.Contains('\\') || value.Contains("..", StringComparison.Ordinal))
        {
            reader.Error(node, $"base_url must be a path such as '/' or '/docs/', not '{value}'", "put the origin in site_url");
            return null;
        }
        return "/" + value.Trim('/') + (value.Trim('/').Length > 0 ? "/" : "");
    }

    private static List<MappingRule> ReadMappings(ConfigReader reader, YamlNode node)
    {
        var rules = new List<MappingRule>();
        foreach (var item in reader.Sequence("mappings", node))
        {
            var fields = reader.Object("mappings", item, ["column", "catalog", "pages", "header"]);
            if (fields is null)
            {
                continue;
            }
            var column = reader.RequiredString("mappings", item, fields, "column");
            var catalog = reader.RequiredString("mappings", item, fields, "catalog");
            var pages = fields.TryGetValue("pages", out var p) ? reader.String("pages", p) : null;
            var header = fields.TryGetValue("header", out var h) ? reader.StringList("header", h).Select(x => x.Value).ToList() : null;
            if (column is not null && catalog is not null)
            {
                rules.Add(new MappingRule(column, catalog, pages, header, reader.Location(item)));
            }
        }
        return rules;
    }

    private static List<CoverageRule> ReadCoverage(ConfigReader reader, YamlNode node)
    {
        var rules = new List<CoverageRule>();
        foreach (var item in reader.Sequence("coverage", node))
        {
            var fields = reader.Object("coverage", item, ["key", "documents", "catalog", "pages"]);
            if (fields is null)
            {
                continue;
            }
            var key = reader.RequiredString("coverage", item, fields, "key");
            var docs = reader.RequiredString("coverage", item, fields, "documents");
            var catalog = reader.RequiredString("coverage", item, fields, "catalog");
            var pages = fields.TryGetValue("pages", out var p) ? reader.String("pages", p) : null;
            if (key is not null && docs is not null && catalog is not null)
            {
                rules.Add(new CoverageRule(key, docs, catalog, pages, reader.Location(item)));
            }
        }
        return rules;
    }

    private static List<(string, string, SourceLocation)> ReadRedirects(ConfigReader reader, YamlNode node)
    {
        var list = new List<(string, string, SourceLocation)>();
        foreach (var (from, k, to, _) in reader.Pairs("redirects", node, "'redirects' must be a mapping of old URL to new URL"))
        {
            if (!from.StartsWith('/'))
            {
                reader.Error(k, $"redirect source '{from}' must start with '/'");
                continue;
            }
            list.Add((from, to, reader.Location(k)));
        }
        return list;
    }

    private static Dictionary<string, Severity> ReadSeverity(ConfigReader reader, YamlNode node)
    {
        var result = new Dictionary<string, Severity>(StringComparer.Ordinal);
        foreach (var (code, k, level, v) in reader.Pairs("severity", node, "'severity' must be a mapping of diagnostic code to error, warning, info or off"))
        {
            if (!CodePattern().IsMatch(code))
            {
                reader.Error(k, $"'{code}' is not a diagnostic code", "codes look like CW2001");
                continue;
            }
            if (!Enum.TryParse<Severity>(level, ignoreCase: true, out var sev) || int.TryParse(level, out _))
            {
                reader.Error(v, $"unknown severity '{level}' for {code}", "use error, warning, info or off");
                continue;
            }
            result[code] = sev;
        }
        return result;
    }

    [GeneratedRegex("^CW[1-5][0-9]{3}$")]
    private static partial Regex CodePattern();
}
