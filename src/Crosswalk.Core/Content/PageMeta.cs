using Crosswalk.Diagnostics;

namespace Crosswalk.Content;

/// <summary>A reference expression written in front matter <c>satisfies:</c>, with where it stands.</summary>
public sealed record SatisfiesEntry(string Catalog, string Expression, SourceLocation Location);

/// <summary>The typed front matter of a page. Values are raw (not escaped); templates get escaped copies.</summary>
public sealed record PageMeta
{
    /// <summary>Front-matter title, if any.</summary>
    public string? Title { get; init; }
    /// <summary>Short title used in navigation.</summary>
    public string? ShortTitle { get; init; }
    /// <summary>One-line summary.</summary>
    public string? Summary { get; init; }
    /// <summary>Explicit URL (starts with <c>/</c>).</summary>
    public string? Permalink { get; init; }
    /// <summary>Where the permalink is written.</summary>
    public SourceLocation? PermalinkLocation { get; init; }
    /// <summary>Sidebar position among siblings (lower first).</summary>
    public int? NavOrder { get; init; }
    /// <summary>Template name under <c>layouts/</c> (default <c>page</c>).</summary>
    public string? Layout { get; init; }
    /// <summary>Document owner.</summary>
    public string? Owner { get; init; }
    /// <summary>Date of the last review.</summary>
    public string? LastReviewed { get; init; }
    /// <summary>Date of the next review.</summary>
    public string? NextReview { get; init; }
    /// <summary>Criteria the page claims to satisfy.</summary>
    public IReadOnlyList<SatisfiesEntry> Satisfies { get; init; } = [];
    /// <summary>Old URLs that redirect to this page.</summary>
    public IReadOnlyList<(string Url, SourceLocation Location)> RedirectFrom { get; init; } = [];
    /// <summary>Excluded from the sidebar when true.</summary>
    public bool HideFromNav { get; init; }
}
