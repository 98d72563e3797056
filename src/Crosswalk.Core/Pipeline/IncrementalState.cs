using Crosswalk.Content;
using Crosswalk.Diagnostics;
using Crosswalk.Links;
using Crosswalk.Markdown;

namespace Crosswalk.Pipeline;

/// <summary>
/// What one build leaves for the next when previewing: parsed pages by file stamp and rendered pages by their inputs,
/// so a rebuild re-parses only changed files and re-renders only pages whose inputs changed. While the site's
/// structure stays the same (the same files in the same places), pages keep their places from build to build: the
/// link tables, referrers, claims, orphans and anchor findings of the last build are then updated in place at the
/// places of the pages parsed again, so an edit costs about as much on a site of 10,000 pages as on one of 100.
/// </summary>
internal sealed class IncrementalState
{
    /// <summary>The placeholders the cached bodies were written with; reused so cached pages stay valid.</summary>
    public LinkPlaceholders Placeholders { get; } = LinkPlaceholders.CreateRandom();

    /// <summary>Parsed pages by absolute path.</summary>
    public Dictionary<string, ParseEntry> Parsed { get; } = new(StringComparer.Ordinal);

    /// <summary>The last Parse stage: the file list it was given and what it found, by page.</summary>
    public LastParse? LastParse { get; set; }

    /// <summary>Rendered content pages by output path.</summary>
    public Dictionary<string, RenderEntry> Rendered { get; } = new(StringComparer.Ordinal);

    /// <summary>Signature of the inputs of the generated criteria pages last rendered.</summary>
    public ulong? GeneratedSignature { get; set; }

    /// <summary>Fingerprint of the site's structure (places, titles, static files, redirects) at the last render.</summary>
    public ulong? LastNavSignature { get; set; }

    /// <summary>Fingerprint of every claim at the last render.</summary>
    public ulong? LastClaimsSignature { get; set; }

    /// <summary>Static files copied, by absolute path, with the length and time they had.</summary>
    public Dictionary<string, (long Length, DateTime LastWriteUtc)> StaticStamps { get; } = new(StringComparer.Ordinal);

    /// <summary>Each page's resolved links, valid while the site's structure is unchanged.</summary>
    public Dictionary<ParsedPage, ResolvedLinks> Links { get; set; } = [];

    /// <summary>The other pages linking to each page, for the cached links.</summary>
    public Dictionary<ParsedPage, HashSet<ParsedPage>> Referrers { get; set; } = [];

    /// <summary>Claims by the page they are written on, with what reading its front matter reported; reused while the page's parse and the site's URLs are.</summary>
    public Dictionary<ParsedPage, (IReadOnlyList<Criteria.Claim> Claims, IReadOnlyList<Diagnostic> Diagnostics)> HeldClaims { get; } = [];

    /// <summary>The last build's claims, updated by the next build rather than built again.</summary>
    public Criteria.ClaimSet? Claims { get; set; }

    /// <summary>The catalogs loaded by the first build of this state and what loading them reported.</summary>
    public (Criteria.CatalogSet Catalogs, IReadOnlyList<Diagnostic> Diagnostics)? Catalogs { get; set; }

    /// <summary>The theme loaded by the first build of this state and what loading it reported.</summary>
    public (Templates.Theme Theme, IReadOnlyList<Diagnostic> Diagnostics)? Theme { get; set; }

    /// <summary>The files the last build found, their paths, and what finding them reported.</summary>
    public (IReadOnlyList<SourceFile> Files, HashSet<string> Paths, IReadOnlyList<Diagnostic> Diagnostics)? Files { get; set; }

    /// <summary>
    /// The absolute paths the file watcher reported since the last build, or null when that is not known (everything
    /// is then looked at again). Other files are taken as they were, without listing folders or reading file stamps.
    /// </summary>
    public IReadOnlySet<string>? Changed { get; set; }

    /// <summary>The missing anchors the last Verify stage found on each page.</summary>
    public Dictionary<ParsedPage, IReadOnlyList<Diagnostic>>? Anchors { get; set; }

    /// <summary>The pages no other page links to, as of the last build.</summary>
    public HashSet<ParsedPage>? Orphans { get; set; }

    /// <summary>What the last Index stage made, reused while its inputs are unchanged.</summary>
    public IndexEntry? Index { get; set; }

    /// <summary>A hash of each page's place in the site's structure (path, URL, titles, sidebar place, redirects), by parse.</summary>
    public Dictionary<ParsedPage, ulong> StructureHashes { get; } = [];

    /// <summary>A hash of each page's URL, titles and the claims written on it, kept while the page's parse and claims are.</summary>
    public Dictionary<ParsedPage, ulong> HeldClaimsHashes { get; } = [];

    /// <summary>The pages whose render failed in the last build (their layout is missing or raised an error).</summary>
    public HashSet<ParsedPage> FailedRenders { get; set; } = [];

    /// <summary>The ids each page's template added, as of the last Render.</summary>
    public TemplateIdSets TemplateIds { get; set; } = new();

    /// <summary>Every output path of the last build; the same set while the site is unchanged.</summary>
    public HashSet<string> OutputPaths { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Content pages rendered by the last build (the rest were reused).</summary>
    public int LastRenderedPages { get; set; }
}

/// <summary>
/// The Index stage's results: the pages parsed (in file order) and those kept, the files, the index, the sidebar, the
/// redirect pages, the taken outputs and what it reported.
/// </summary>
internal sealed record IndexEntry(ulong Signature, List<ParsedPage> Parsed, List<ParsedPage> Pages, IReadOnlyList<SourceFile> Statics, SiteIndex Index, Templates.Navigation Navigation,
    List<(string From, string To)> RedirectPages, Dictionary<string, string> Taken, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// A Parse stage's input and results: the list of files (reused as the same object while no file came or went), its
/// pages, each page's parse, where each page's path stands, and which pages are links.
/// </summary>
internal sealed record LastParse(IReadOnlyList<SourceFile> Files, List<SourceFile> PageFiles, ParseEntry[] Entries, Dictionary<string, int> PageIndex, int[] Links);

/// <summary>A parsed page with the file stamp it was read at and the diagnostics parsing produced.</summary>
internal sealed record ParseEntry(long Length, DateTime LastWriteUtc, ParsedPage? Page, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>A rendered page: the inputs it was rendered from and the ids of its HTML.</summary>
internal sealed record RenderEntry(ParsedPage Page, ulong Signature, IReadOnlySet<string> Ids);

/// <summary>A page's links resolved: targets and rewritten hrefs by link id, and the diagnostics of the missing ones.</summary>
internal sealed record ResolvedLinks(LinkTarget[] Targets, string[] Hrefs, IReadOnlyList<Diagnostic> Diagnostics);
