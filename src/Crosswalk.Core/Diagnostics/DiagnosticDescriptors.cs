namespace Crosswalk.Diagnostics;

/// <summary>
/// The registry of every diagnostic Crosswalk reports: code, name, default severity, title, description and help,
/// each written once here. Report with <see cref="DiagnosticBag.Report(DiagnosticDescriptor, string, SourceLocation?, string?)"/>
/// or <see cref="Diagnostic.Create"/>; the output formats (SARIF's rules) and the README's table follow this list,
/// and tests keep them equal. Ranges: CW1xxx config and front matter, CW2xxx links and anchors, CW3xxx criteria
/// and mappings, CW4xxx templates and rendering, CW5xxx output and I/O. Codes are stable: never renumber one.
/// </summary>
public static class DiagnosticDescriptors
{
    // ---- CW1xxx: configuration, front matter, source files ----

    /// <summary>CW1001: site.yml is invalid.</summary>
    public static readonly DiagnosticDescriptor InvalidConfig = new("CW1001", nameof(InvalidConfig), Severity.Error,
        "site.yml is invalid.",
        "site.yml is missing, unreadable or not valid UTF-8 YAML, has an unknown key, a value of the wrong type or a bad value, "
        + "names a source or templates folder that does not exist, or has a catalog alias that names no loaded catalog.",
        "Fix the key or value at the reported position; the README lists the keys site.yml accepts.");

    /// <summary>CW1002: front matter is not valid YAML.</summary>
    public static readonly DiagnosticDescriptor InvalidFrontMatter = new("CW1002", nameof(InvalidFrontMatter), Severity.Error,
        "A page's front matter is not valid YAML.",
        "The front matter of a page (between '---' lines, or from its first line to its first '---' line when it is written "
        + "without the opening one, as comply writes it) is not valid YAML, is not a mapping of keys to values, or never closes.",
        "Fix the YAML at the reported position, or end the front matter with a line holding only '---'.");

    /// <summary>CW1003: a front-matter field has the wrong type or value.</summary>
    public static readonly DiagnosticDescriptor InvalidFrontMatterField = new("CW1003", nameof(InvalidFrontMatterField), Severity.Error,
        "A front-matter field has the wrong type or an invalid value.",
        "A front-matter field holds a value of the wrong type (a list where text is expected, for instance) or a value "
        + "Crosswalk cannot use, such as a permalink without a leading '/'.",
        "Give the field a value of the type and form the README documents for it.");

    /// <summary>CW1004: two pages or files claim the same output.</summary>
    public static readonly DiagnosticDescriptor DuplicateUrl = new("CW1004", nameof(DuplicateUrl), Severity.Error,
        "Two pages or files would be written to the same URL.",
        "Two pages claim the same URL (or URLs differing only in letter case), or a page or static file would overwrite another "
        + "output: the 404 page, sitemap.xml, a theme asset, a criteria page or a folder the site needs.",
        "Give one of them another permalink, or rename or move the file.");

    /// <summary>CW1005: a source file cannot be read or is not UTF-8 text.</summary>
    public static readonly DiagnosticDescriptor UnreadableSource = new("CW1005", nameof(UnreadableSource), Severity.Error,
        "A source file cannot be read or is not UTF-8 text.",
        "A file or folder under the source folder cannot be read, is a FIFO, socket or device rather than a regular file, "
        + "or a page is binary (contains a NUL byte) or is not valid UTF-8; the location is the first bad byte.",
        "Check the file's permissions, save the page as UTF-8, or give a binary file an extension other than .md or .mdx.");

    /// <summary>CW1006: a symbolic link is not followed.</summary>
    public static readonly DiagnosticDescriptor SymlinkNotFollowed = new("CW1006", nameof(SymlinkNotFollowed), Severity.Warning,
        "A symbolic link is not followed.",
        "A symbolic link to a folder, or to a file outside the source folder (or to nothing), is skipped: following it could "
        + "read files outside the site or loop.",
        "Copy the file or folder into the source folder, or point the link at a file inside it.");

    /// <summary>CW1007: a front-matter key that is not known.</summary>
    public static readonly DiagnosticDescriptor UnknownFrontMatterKey = new("CW1007", nameof(UnknownFrontMatterKey), Severity.Warning,
        "A front-matter key is not known.",
        "A page's front matter has a key that is neither one Crosswalk reads nor one declared under 'front_matter:' in site.yml; "
        + "a misspelt key such as 'satisifes' would otherwise drop what it holds without a word.",
        "Fix the spelling, or declare the key and its type under 'front_matter:' in site.yml.");

    /// <summary>CW1008: a document's review is overdue.</summary>
    public static readonly DiagnosticDescriptor ReviewOverdue = new("CW1008", nameof(ReviewOverdue), Severity.Warning,
        "A document's review is overdue.",
        "The document's next review (its 'next_review', or 'last_reviewed' plus 'review_every') is before today "
        + "(the clock, or --today).",
        "Review the document, then update 'last_reviewed' and 'next_review'.");

    /// <summary>CW1009: a document's review is due soon.</summary>
    public static readonly DiagnosticDescriptor ReviewDueSoon = new("CW1009", nameof(ReviewDueSoon), Severity.Info,
        "A document's review is due soon.",
        "The document's next review falls within 'reviews.warn_days' of today (30 days unless site.yml says otherwise).",
        "Plan the review before the date.");

    /// <summary>CW1010: a page lacks a front-matter field site.yml requires of it.</summary>
    public static readonly DiagnosticDescriptor MissingRequiredField = new("CW1010", nameof(MissingRequiredField), Severity.Error,
        "A page lacks a front-matter field that site.yml requires.",
        "A 'required:' rule in site.yml names fields that pages matching its glob must have (an owner and review dates, for "
        + "instance), and this page does not have one of them.",
        "Add the field to the page's front matter.");

    /// <summary>CW1011: pages get no or incomplete revision history.</summary>
    public static readonly DiagnosticDescriptor HistoryUnavailable = new("CW1011", nameof(HistoryUnavailable), Severity.Info,
        "Revision history is unavailable or incomplete.",
        "The site is not in a git repository, git is not installed, or the clone is shallow: pages get no revision history, or "
        + "only the commits the clone holds.",
        "Build from a full clone (for example actions/checkout with fetch-depth: 0), or pass --no-history.");

    /// <summary>CW1012: the docs generator's own configuration could not be read in full.</summary>
    public static readonly DiagnosticDescriptor GeneratorConfig = new("CW1012", nameof(GeneratorConfig), Severity.Warning,
        "The docs generator's configuration cannot be read in full.",
        "A profile reads the generator's own configuration (docs.json, mkdocs.yml, docusaurus.config.js, _config.yml, comply.yml) "
        + "for source folders, navigation and redirects; part of it is not valid JSON or YAML, or has a shape the profile does not know, "
        + "and that part is ignored.",
        "Fix the file at the reported position, or set the keys in site.yml.");

    /// <summary>CW1013: what looks like front matter without its opening '---' is read as Markdown.</summary>
    public static readonly DiagnosticDescriptor FrontMatterReadAsText = new("CW1013", nameof(FrontMatterReadAsText), Severity.Info,
        "What looks like front matter is read as Markdown.",
        "A page opens with a block shaped like front matter written without the opening '---' (as comply writes it), naming a "
        + "known key, but site.yml's front_matter_style: fenced reads only front matter between '---' lines, so the block is text.",
        "Add '---' as the page's first line, or set front_matter_style to auto or yaml-first; set CW1013: off if the lines are meant as Markdown.");

    /// <summary>CW1014: a source file's name cannot be published.</summary>
    public static readonly DiagnosticDescriptor UnpublishableName = new("CW1014", nameof(UnpublishableName), Severity.Error,
        "A source file's name cannot be published.",
        "A file or folder under the source folder has a name that cannot become an output path and URL read the same everywhere: "
        + "it contains '\\', a control character or an invisible direction control (such as U+202E), or its path is longer than "
        + "2048 bytes. The file is left out; the location shows such characters percent-encoded.",
        "Rename the file or folder.");

    // ---- CW2xxx: links and anchors ----

    /// <summary>CW2001: a link to a page that does not exist.</summary>
    public static readonly DiagnosticDescriptor MissingPage = new("CW2001", nameof(MissingPage), Severity.Error,
        "A link points to a page that does not exist.",
        "A link's target is not a page, a static file, a redirect or a generated page of the site, or a coverage table names a "
        + "document that is not a page title nor a link on its page. The help names the closest URL, or says that only the letter case differs.",
        "Link to an existing page's URL or source path; URLs are case-sensitive on a web host.");

    /// <summary>CW2002: a link to an anchor that does not exist.</summary>
    public static readonly DiagnosticDescriptor MissingAnchor = new("CW2002", nameof(MissingAnchor), Severity.Error,
        "A link points to an anchor that does not exist on its page.",
        "The fragment of a link names no id of the target page, checked against the final HTML so ids added by templates count. "
        + "The help names the closest ids.",
        "Link to an existing heading's id, or add the anchor to the target page.");

    /// <summary>CW2003: a link to a static file that does not exist.</summary>
    public static readonly DiagnosticDescriptor MissingFile = new("CW2003", nameof(MissingFile), Severity.Error,
        "A link points to a static file that does not exist.",
        "A link or image points at a file path (not a page) that no file of the source folder has.",
        "Add the file to the source folder or correct the path.");

    /// <summary>CW2004: a broken redirect.</summary>
    public static readonly DiagnosticDescriptor BrokenRedirect = new("CW2004", nameof(BrokenRedirect), Severity.Error,
        "A redirect points nowhere, loops, or hides a page.",
        "A redirect of site.yml points to a URL that does not exist, loops back to itself, or starts from the URL of an existing page; "
        + "or the site has more than 20,000 redirects, each of which would be a file.",
        "Point the redirect at an existing page, or remove it.");

    /// <summary>CW2005: a page no other page links to.</summary>
    public static readonly DiagnosticDescriptor OrphanPage = new("CW2005", nameof(OrphanPage), Severity.Info,
        "No other page links to this page.",
        "A page that no other page links to is hard to find; the home page is exempt.",
        "Link the page from a related page or its section index, or set CW2005 to off under 'severity:' in site.yml.");

    // ---- CW3xxx: criteria and mappings ----

    /// <summary>CW3001: an unknown criterion ID.</summary>
    public static readonly DiagnosticDescriptor UnknownCriterion = new("CW3001", nameof(UnknownCriterion), Severity.Error,
        "A criterion ID is not in any loaded catalog.",
        "A mapping-table cell or a 'satisfies' entry names a criterion ID that no loaded catalog defines, or a control "
        + "its OSCAL catalog marks withdrawn. The help names the nearest IDs, or where the withdrawn control went.",
        "Correct the ID; 'crosswalk criteria' lists the IDs of the loaded catalogs.");

    /// <summary>CW3002: an ID of another catalog than the column's.</summary>
    public static readonly DiagnosticDescriptor WrongCatalog = new("CW3002", nameof(WrongCatalog), Severity.Error,
        "A criterion ID belongs to another catalog than its column's.",
        "A reference names an ID, alias or clause that exists, but in another catalog than the one its table column or 'satisfies' key stands for.",
        "Move the reference to the column of its catalog, or use an ID of the column's catalog.");

    /// <summary>CW3003: a malformed reference expression.</summary>
    public static readonly DiagnosticDescriptor MalformedReference = new("CW3003", nameof(MalformedReference), Severity.Error,
        "A criterion reference expression is malformed.",
        "A mapping cell or 'satisfies' value does not follow the reference grammar: a reversed or cross-group range, Markdown "
        + "formatting, a link or comment, stray text or a missing separator.",
        "Write IDs separated by ',', ';' or 'and', ranges of siblings such as 'CC6.1-CC6.3', an alias, or N/A.");

    /// <summary>CW3004: a coverage table contradicts the claims.</summary>
    public static readonly DiagnosticDescriptor CoverageContradiction = new("CW3004", nameof(CoverageContradiction), Severity.Error,
        "A coverage table contradicts the pages' claims.",
        "A coverage table lists a document for a criterion group, but that document claims no criterion of the group.",
        "Remove the document from that row, or add the claim to the document.");

    /// <summary>CW3005: a reference to a withdrawn edition.</summary>
    public static readonly DiagnosticDescriptor WithdrawnEdition = new("CW3005", nameof(WithdrawnEdition), Severity.Warning,
        "A reference names a control of a withdrawn edition.",
        "A reference to ISO/IEC 27001:2013 Annex A, withdrawn on 2025-10-31; the message lists the corresponding ISO/IEC 27001:2022 controls.",
        "Map the reference to the listed ISO/IEC 27001:2022 controls.");

    /// <summary>CW3006: an invalid catalog or crosswalk file.</summary>
    public static readonly DiagnosticDescriptor InvalidCatalog = new("CW3006", nameof(InvalidCatalog), Severity.Error,
        "A catalog or crosswalk cannot be loaded.",
        "A catalog or crosswalk named in site.yml is not a built-in id nor an existing file, or its file is invalid: YAML syntax, "
        + "an unknown key, a duplicate ID, an unknown parent, a missing title, a crosswalk entry naming an unknown criterion "
        + "or relationship; a comply standard whose name is not a usable id or whose criteria lack a name; or an OSCAL catalog "
        + "file that is not JSON, not a catalog, or has a control without an id.",
        "Fix the file at the reported position, or name a built-in catalog.");

    /// <summary>CW3007: a catalog id that is not loaded.</summary>
    public static readonly DiagnosticDescriptor UnknownCatalog = new("CW3007", nameof(UnknownCatalog), Severity.Error,
        "A catalog id is not loaded.",
        "A 'satisfies' key in front matter (reported once, at the key), or a mapping, coverage or direct_claims rule of site.yml, "
        + "names a catalog that is neither listed under 'catalogs:' in site.yml nor a 'catalog_aliases:' entry.",
        "Add the catalog to 'catalogs:' in site.yml, name it under 'catalog_aliases:', or correct the id.");

    /// <summary>CW3008: a criterion lost all coverage since a baseline.</summary>
    public static readonly DiagnosticDescriptor CoverageLost = new("CW3008", nameof(CoverageLost), Severity.Warning,
        "A criterion is no longer claimed by any document.",
        "Compared with the baseline report given to 'crosswalk coverage --baseline', a criterion that some document claimed is now "
        + "a gap: a claim was removed, or the page that held it was.",
        "Restore the claim, or claim the criterion in another document.");

    /// <summary>CW3009: a criterion claimed only through a group or alias where site.yml asks for a direct claim.</summary>
    public static readonly DiagnosticDescriptor OnlyInherited = new("CW3009", nameof(OnlyInherited), Severity.Warning,
        "A criterion is claimed only through a group or an alias.",
        "A 'direct_claims:' rule in site.yml names the criterion or its catalog, and no document claims the criterion itself: "
        + "it is covered only because a document claims a group that holds it (CC6) or an alias (All TSC).",
        "Claim the criterion itself in the document that meets it.");

    // ---- CW4xxx: templates and rendering ----

    /// <summary>CW4001: a template error.</summary>
    public static readonly DiagnosticDescriptor TemplateError = new("CW4001", nameof(TemplateError), Severity.Error,
        "A template does not parse or fails while rendering.",
        "A template of the theme has a syntax error, fails or exceeds a safety limit while rendering, or a page asks for a layout "
        + "that does not exist; the location is in the template.",
        "Fix the template at the reported position, or choose an existing layout.");

    /// <summary>CW4002: a page that cannot be processed.</summary>
    public static readonly DiagnosticDescriptor UnprocessablePage = new("CW4002", nameof(UnprocessablePage), Severity.Error,
        "A page is too large or nested too deeply to process.",
        "A page larger than 5 MiB, nested deeper than 256 columns of indentation or 32 quote levels, or refused by the Markdown "
        + "parser is left out of the site.",
        "Split the page into smaller ones, or reduce its nesting.");

    /// <summary>CW4003: a page's layout is the generator theme's, not this theme's.</summary>
    public static readonly DiagnosticDescriptor LayoutFallback = new("CW4003", nameof(LayoutFallback), Severity.Info,
        "Pages ask for layouts the theme does not have; the default layout is used.",
        "Under a docs generator's profile (Jekyll's layout: default, for instance) a layout named by the generator's theme is not an "
        + "error: the page is rendered with the default layout, and the layouts are named once.",
        "Add the layout to the theme's layouts/ folder, or leave it: the default layout renders the page.");

    // ---- CW5xxx: output and I/O ----

    /// <summary>CW5001: the output folder cannot be used or written.</summary>
    public static readonly DiagnosticDescriptor OutputError = new("CW5001", nameof(OutputError), Severity.Error,
        "The output folder cannot be used or written.",
        "The output folder is, or contains, the site, the source or the templates; it is a non-empty folder Crosswalk did not write "
        + "(it lacks the .crosswalk-output marker); another build holds its lock; or writing to it failed (a full disk, "
        + "a folder turned read-only), which leaves the previous site in place.",
        "Choose another output folder, empty it, or fix its permissions.");

    /// <summary>CW5002: sitemap.xml is written without site_url, so it holds paths where crawlers need URLs.</summary>
    public static readonly DiagnosticDescriptor SitemapWithoutSiteUrl = new("CW5002", nameof(SitemapWithoutSiteUrl), Severity.Warning,
        "sitemap.xml is written without site_url: it holds paths, not absolute URLs.",
        "The sitemap protocol asks for absolute URLs, and canonical links, og:url and robots.txt's Sitemap line need the site's "
        + "origin too. Without site_url in site.yml they are left as paths or left out. check reports it as build does; serve does not.",
        "Set site_url in site.yml (e.g. https://docs.example.com), or set CW5002: off under severity: for a site that is not crawled.");

    // Written out rather than found by reflection (trimming and AOT keep it simple); a test checks no field is missing.
    private static readonly DiagnosticDescriptor[] s_all =
    [
        InvalidConfig, InvalidFrontMatter, InvalidFrontMatterField, DuplicateUrl, UnreadableSource, SymlinkNotFollowed,
        UnknownFrontMatterKey, ReviewOverdue, ReviewDueSoon, MissingRequiredField, HistoryUnavailable, GeneratorConfig, FrontMatterReadAsText, UnpublishableName,
        MissingPage, MissingAnchor, MissingFile, BrokenRedirect, OrphanPage,
        UnknownCriterion, WrongCatalog, MalformedReference, CoverageContradiction, WithdrawnEdition, InvalidCatalog, UnknownCatalog, CoverageLost, OnlyInherited,
        TemplateError, UnprocessablePage, LayoutFallback,
        OutputError, SitemapWithoutSiteUrl,
    ];

    private static readonly Dictionary<string, DiagnosticDescriptor> s_byCode = s_all.ToDictionary(d => d.Code, StringComparer.Ordinal);

    /// <summary>Every descriptor, sorted by code.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = [.. s_all.OrderBy(d => d.Code, StringComparer.Ordinal)];

    /// <summary>The descriptor of <paramref name="code"/> (exact, e.g. <c>CW2001</c>), or <see langword="null"/> for an unknown code.</summary>
    public static DiagnosticDescriptor? Find(string code) => s_byCode.GetValueOrDefault(code);
}
