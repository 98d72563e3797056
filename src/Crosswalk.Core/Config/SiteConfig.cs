using Crosswalk.Diagnostics;

namespace Crosswalk.Config;

/// <summary>A rule that reads a table column as criterion references.</summary>
/// <param name="Column">The column header text (case-insensitive).</param>
/// <param name="Catalog">The catalog the column's IDs belong to.</param>
/// <param name="Pages">Optional glob over source paths (relative to the source folder) that narrows the rule.</param>
/// <param name="Header">Optional exact header cells of the tables meant.</param>
/// <param name="Location">Where the rule is written in site.yml.</param>
public sealed record MappingRule(string Column, string Catalog, string? Pages, IReadOnlyList<string>? Header, SourceLocation Location);

/// <summary>A rule that reads a table as a coverage statement: each row's key names a group, its documents cell lists pages.</summary>
public sealed record CoverageRule(string Key, string Documents, string Catalog, string? Pages, SourceLocation Location);

/// <summary>Review settings (<c>reviews:</c>).</summary>
/// <param name="WarnDays">A review due within this many days is reported as due soon (CW1009).</param>
/// <param name="Page">The URL of the generated reviews page, or null for none.</param>
public sealed record ReviewSettings(int WarnDays = 30, string? Page = "/reviews/");

/// <summary>A <c>required:</c> rule: pages matching <paramref name="Pages"/> must set every one of <paramref name="Fields"/>.</summary>
/// <param name="Pages">A glob over source paths.</param>
/// <param name="Fields">Front-matter keys, each with where it is written in site.yml.</param>
/// <param name="Location">Where the rule is written.</param>
public sealed record RequiredRule(string Pages, IReadOnlyList<(string Name, SourceLocation At)> Fields, SourceLocation Location);

/// <summary>A <c>direct_claims:</c> rule: the criteria (of a catalog, or some of them) that must be claimed themselves.</summary>
/// <param name="Catalog">The catalog's id.</param>
/// <param name="Criteria">Criterion or group ids with where each is written; null for the whole catalog.</param>
/// <param name="Location">Where the rule is written.</param>
public sealed record DirectClaimRule(string Catalog, IReadOnlyList<(string Id, SourceLocation At)>? Criteria, SourceLocation Location);

/// <summary>A <c>catalog_aliases:</c> entry: another id by which a loaded catalog is named (comply's <c>TSC</c>).</summary>
/// <param name="Alias">The id as pages and rules write it.</param>
/// <param name="Catalog">The loaded catalog's own id.</param>
/// <param name="AliasAt">Where the alias is written in site.yml.</param>
/// <param name="CatalogAt">Where the catalog id is written in site.yml.</param>
public sealed record CatalogIdAlias(string Alias, string Catalog, SourceLocation AliasAt, SourceLocation CatalogAt);

/// <summary>The typed, validated content of site.yml. All paths are absolute.</summary>
public sealed record SiteConfig
{
    /// <summary>Absolute path of the site.yml file (or of the virtual one when the file is absent).</summary>
    public required string ConfigPath { get; init; }
    /// <summary>The folder holding site.yml; reported file names are relative to it.</summary>
    public required string RootDirectory { get; init; }
    /// <summary>Site title.</summary>
    public string Title { get; init; } = "Documentation";
    /// <summary>URL prefix of the published site; always starts and ends with <c>/</c>.</summary>
    public string BaseUrl { get; init; } = "/";
    /// <summary>Optional absolute origin (<c>https://docs.example.com</c>, no trailing slash): canonical links, og:url, sitemap.xml, robots.txt.</summary>
    public string? SiteUrl { get; init; }
    /// <summary>Optional URL (ending with <c>/</c>) that a page's source path is appended to for its "Edit this page" link.</summary>
    public string? EditUrl { get; init; }
    /// <summary>Links and assets under <c>base_url</c> are written relative to each page (default), so the site reads from any folder or <c>file://</c>.</summary>
    public bool RelativeUrls { get; init; } = true;
    /// <summary>Absolute path of the Markdown source folder.</summary>
    public required string SourceDirectory { get; init; }
    /// <summary>Absolute path of the output folder.</summary>
    public required string OutputDirectory { get; init; }
    /// <summary>Absolute path of the templates folder, or null for the built-in theme.</summary>
    public string? TemplatesDirectory { get; init; }
    /// <summary>Catalog specs: built-in ids or paths relative to the root.</summary>
    public IReadOnlyList<string> Catalogs { get; init; } = [];
    /// <summary>Location of each catalog spec in site.yml.</summary>
    public IReadOnlyList<SourceLocation> CatalogLocations { get; init; } = [];
    /// <summary>Mapping rules.</summary>
    public IReadOnlyList<MappingRule> Mappings { get; init; } = [];
    /// <summary>Coverage rules.</summary>
    public IReadOnlyList<CoverageRule> Coverage { get; init; } = [];
    /// <summary>Redirects: old URL to new URL, with the location of each entry.</summary>
    public IReadOnlyList<(string From, string To, SourceLocation Location)> Redirects { get; init; } = [];
    /// <summary>Review cadence settings.</summary>
    public ReviewSettings Reviews { get; init; } = new();
    /// <summary>Front-matter fields required of pages by glob.</summary>
    public IReadOnlyList<RequiredRule> Required { get; init; } = [];
    /// <summary>The site's own front-matter keys and their types (<c>front_matter:</c>).</summary>
    public IReadOnlyDictionary<string, Content.FieldKind> FrontMatter { get; init; } = new Dictionary<string, Content.FieldKind>();
    /// <summary>Criteria that a claim through a group or alias does not satisfy (CW3009).</summary>
    public IReadOnlyList<DirectClaimRule> DirectClaims { get; init; } = [];
    /// <summary>The docs generator's conventions this site follows (<c>profile:</c>, or detected when site.yml does not say).</summary>
    public Profiles.ProfileSettings Profile { get; init; } = new();
    /// <summary>Globs over source paths (relative to the source folder) that are neither pages nor files of the site.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];
    /// <summary>Absolute paths of folders whose files are served at the site's root beside the pages (Docusaurus' <c>static/</c>).</summary>
    public IReadOnlyList<string> StaticDirectories { get; init; } = [];
    /// <summary>How heading ids are made: the rules of the generator that publishes the site (<c>slugs:</c>).</summary>
    public Markdown.Slugs.SlugRule Slugs { get; init; } = Markdown.Slugs.SlugRule.GitHub;
    /// <summary>Other ids for loaded catalogs (<c>catalog_aliases:</c>), accepted wherever a catalog id is written.</summary>
    public IReadOnlyList<CatalogIdAlias> CatalogAliases { get; init; } = [];
    /// <summary>How pages write front matter (<c>front_matter_style:</c>).</summary>
    public Content.FrontMatterStyle FrontMatterStyle { get; init; } = Content.FrontMatterStyle.Auto;
    /// <summary>A SHA-256 of the bytes of site.yml as read (empty when there is none): with the tool, what the site's settings are made of.</summary>
    public byte[] SourceDigest { get; init; } = [];
    /// <summary>Per-code severity overrides.</summary>
    public IReadOnlyDictionary<string, Severity> Severity { get; init; } = new Dictionary<string, Severity>();
}
