using Crosswalk.Content;
using Crosswalk.Criteria;
using Crosswalk.Diagnostics;
using Crosswalk.Links;
using Crosswalk.Templates;

namespace Crosswalk.Pipeline;

// The records passed from stage to stage, in pipeline order. Each stage reads earlier records and returns its own;
// none is changed after it is returned.

/// <summary>Stage <c>Discover</c>: the files of the source folder, Markdown pages and static files, in path order.</summary>
public sealed record SourceSet(IReadOnlyList<SourceFile> Files)
{
    /// <summary>The Markdown files.</summary>
    public IReadOnlyList<SourceFile> PageFiles { get; } = [.. Files.Where(f => f.Kind == SourceKind.Page)];

    /// <summary>The files copied as they are.</summary>
    public IReadOnlyList<SourceFile> Statics { get; } = [.. Files.Where(f => f.Kind == SourceKind.Static)];

    /// <summary>Source paths of the hidden and excluded files and folders the walk left out, sorted.</summary>
    public IReadOnlyList<string> Skipped { get; init; } = [];
}

/// <summary>What the whole site is rendered with: the theme and the catalogs (stages <c>LoadTheme</c> and <c>LoadCatalogs</c>).</summary>
public sealed record SiteInputs(Theme Theme, CatalogSet Catalogs);

/// <summary>One file's parse: the page (null when it could not be used) and what parsing it reported.</summary>
public sealed record ParseEntry(ParsedPage? Page, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>Stage <c>Parse</c>: every page that could be read, in file order.</summary>
public sealed record ParsedSite(IReadOnlyList<ParsedPage> Pages);

/// <summary>
/// Stage <c>Index</c>: the pages and static files that keep their place in the output, every URL, the sidebar, the
/// redirect pages to write and every output path placed (with its owner).
/// </summary>
public sealed record IndexedSite(IReadOnlyList<ParsedPage> Pages, IReadOnlyList<SourceFile> Statics, SiteIndex Index, Navigation Navigation,
    IReadOnlyList<RedirectPage> RedirectPages, IReadOnlyDictionary<string, string> Taken);

/// <summary>A page's links resolved: targets and rewritten hrefs by link id, and the diagnostics of the missing ones.</summary>
public sealed record ResolvedLinks(LinkTarget[] Targets, string[] Hrefs, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// Stage <c>ResolveLinks</c>: each page's resolved links, the pages linking to each page and the pages no other page
/// links to.
/// </summary>
public sealed record LinkedSite(IReadOnlyDictionary<ParsedPage, ResolvedLinks> Links, IReadOnlyDictionary<ParsedPage, HashSet<ParsedPage>> Referrers,
    IReadOnlySet<ParsedPage> Orphans);

/// <summary>Stage <c>ResolveCriteria</c>: the catalogs and every claim.</summary>
public sealed record ClaimedSite(CatalogSet Catalogs, ClaimSet Claims);

/// <summary>
/// Stage <c>Render</c>: the ids each content page's template added (for anchors the body does not hold), every
/// output path of the site (a file that could not be written is not one) and how many content pages this run wrote.
/// </summary>
public sealed record RenderedSite(TemplateIdSets TemplateIds, IReadOnlySet<string> OutputPaths, int PagesWritten);
