using Crosswalk.Diagnostics;

namespace Crosswalk.Content;

/// <summary>A reference expression written in front matter <c>satisfies:</c>, with where it stands.</summary>
/// <param name="Catalog">The catalog id (or alias) it is listed under.</param>
/// <param name="Expression">The reference expression.</param>
/// <param name="Location">Where the expression starts.</param>
/// <param name="CatalogAt">Where the catalog id is written: an unknown one is reported there, once.</param>
public sealed record SatisfiesEntry(string Catalog, string Expression, SourceLocation Location, SourceLocation? CatalogAt = null);

/// <summary>What kind of compliance document a page is (<c>document_type:</c>).</summary>
public enum DocumentType
{
    /// <summary>A policy: what the organization requires (the default).</summary>
    Policy,
    /// <summary>A procedure: how a process is carried out.</summary>
    Procedure,
}

/// <summary>The typed front matter of a page. Values are raw (not escaped); templates get escaped copies.</summary>
public sealed record PageMeta
{
    /// <summary>Front-matter title, if any.</summary>
    public string? Title { get; init; }
    /// <summary>comply's <c>name:</c>: the title when <see cref="Title"/> is absent; the body's first h1 is then a section.</summary>
    public string? Name { get; init; }
    /// <summary>Short title used in navigation.</summary>
    public string? ShortTitle { get; init; }
    /// <summary>One-line summary.</summary>
    public string? Summary { get; init; }
    /// <summary>Explicit URL (starts with <c>/</c>).</summary>
    public string? Permalink { get; init; }
    /// <summary>Where the permalink is written.</summary>
    public SourceLocation? PermalinkLocation { get; init; }
    /// <summary>The last part of the URL in place of the file name; one starting with <c>/</c> is the whole path under the route base.</summary>
    public string? Slug { get; init; }
    /// <summary>Docusaurus' doc id: under its profile, it replaces the file name in the URL.</summary>
    public string? DocId { get; init; }
    /// <summary>Sidebar position among siblings (lower first).</summary>
    public double? NavOrder { get; init; }
    /// <summary>Template name under <c>layouts/</c> (default <c>page</c>).</summary>
    public string? Layout { get; init; }
    /// <summary>Document owner.</summary>
    public string? Owner { get; init; }
    /// <summary>Date of the last review.</summary>
    public DateOnly? LastReviewed { get; init; }
    /// <summary>Date of the next review, as written.</summary>
    public DateOnly? NextReview { get; init; }
    /// <summary>Where <see cref="NextReview"/> is written.</summary>
    public SourceLocation? NextReviewAt { get; init; }
    /// <summary>How often the document is reviewed.</summary>
    public ReviewInterval? ReviewEvery { get; init; }
    /// <summary>Where <see cref="ReviewEvery"/> is written.</summary>
    public SourceLocation? ReviewEveryAt { get; init; }
    /// <summary>The version in force.</summary>
    public string? Version { get; init; }
    /// <summary>How large the change to this version is.</summary>
    public ChangeKind? Change { get; init; }
    /// <summary>Who approved this version (<c>approved_by</c>).</summary>
    public string? ApprovedBy { get; init; }
    /// <summary>When this version was approved (<c>approved_on</c>).</summary>
    public DateOnly? ApprovedOn { get; init; }
    /// <summary>Approvals written as a list (<c>approvals:</c>).</summary>
    public IReadOnlyList<Approval> ApprovalList { get; init; } = [];
    /// <summary>Every approval: <c>approved_by</c>/<c>approved_on</c> first, then <c>approvals:</c> in the order written.</summary>
    public IReadOnlyList<Approval> Approvals { get; init; } = [];
    /// <summary>
    /// The approval the document-control block shows: the latest (by date) of those of the version in force (or of no
    /// stated version), else the latest of all.
    /// </summary>
    public Approval? LatestApproval
    {
        get
        {
            var current = Approvals.Where(a => a.Version is null || a.Version == Version).ToList();
            return (current.Count > 0 ? current : Approvals).OrderByDescending(a => a.On ?? DateOnly.MinValue).FirstOrDefault();
        }
    }
    /// <summary>Every key the front matter sets, with where it is written (what <c>required:</c> rules look at).</summary>
    public IReadOnlyDictionary<string, SourceLocation> Keys { get; init; } = new Dictionary<string, SourceLocation>();

    /// <summary>
    /// A controlled document: the page states an owner, a version, an approval or a review date, so it is listed on the
    /// reviews page and gets a document-control block.
    /// </summary>
    public bool IsControlled => Owner is not null || Version is not null || Approvals.Count > 0 || LastReviewed is not null
        || NextReview is not null || ReviewEvery is not null;
    /// <summary>The kind of document, as stated; null when the front matter does not say.</summary>
    public DocumentType? DocumentType { get; init; }
    /// <summary>Criteria the page claims to satisfy.</summary>
    public IReadOnlyList<SatisfiesEntry> Satisfies { get; init; } = [];
    /// <summary>Old URLs that redirect to this page.</summary>
    public IReadOnlyList<(string Url, SourceLocation Location)> RedirectFrom { get; init; } = [];
    /// <summary>Excluded from the sidebar when true.</summary>
    public bool HideFromNav { get; init; }
}
