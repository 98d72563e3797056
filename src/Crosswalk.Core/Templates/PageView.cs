using Crosswalk.Content;

namespace Crosswalk.Templates;

/// <summary>A criterion a page claims, as the page's "Criteria" box shows it.</summary>
public sealed record CriterionLink(string CatalogName, string Id, string Title, string Url);

/// <summary>Everything a layout needs to render one output page: a content page or a generated one. Values are raw; the renderer escapes.</summary>
public sealed record PageView
{
    /// <summary>Title.</summary>
    public required string Title { get; init; }
    /// <summary>Canonical URL without base_url.</summary>
    public required string Url { get; init; }
    /// <summary>Body HTML (trusted: produced by Markdig or by Crosswalk).</summary>
    public required string ContentHtml { get; init; }
    /// <summary>Template under <c>layouts/</c> without extension.</summary>
    public string Layout { get; init; } = "page";
    /// <summary><c>page</c>, <c>criterion</c>, <c>group</c>, <c>coverage</c>, <c>404</c>, <c>redirect</c>.</summary>
    public string Kind { get; init; } = "page";
    /// <summary>The content page behind the view (for navigation), if any.</summary>
    public ParsedPage? Page { get; init; }
    /// <summary>Summary line.</summary>
    public string? Summary { get; init; }
    /// <summary>The body already starts with an h1.</summary>
    public bool HasH1 { get; init; }
    /// <summary>Headings for the table of contents.</summary>
    public IReadOnlyList<Heading> Headings { get; init; } = [];
    /// <summary>Breadcrumbs for generated pages (content pages derive theirs from navigation).</summary>
    public IReadOnlyList<(string Title, string Url)>? Breadcrumbs { get; init; }
    /// <summary>Criteria the page claims.</summary>
    public IReadOnlyList<CriterionLink> Criteria { get; init; } = [];
    /// <summary>Where a redirect page points (canonical URL without base_url).</summary>
    public string? RedirectTo { get; init; }
}
