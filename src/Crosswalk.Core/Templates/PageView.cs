using System.Buffers;
using Crosswalk.Content;
using Crosswalk.Markdown;

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
    /// <summary>Body HTML of a generated page (trusted: produced by Crosswalk). Content pages give <see cref="Body"/> instead.</summary>
    public string ContentHtml { get; init; } = "";
    /// <summary>Body of a content page (trusted: produced by Markdig), written out with its links filled in.</summary>
    public PageBody? Body { get; init; }
    /// <summary>Template under <c>layouts/</c> without extension.</summary>
    public string Layout { get; init; } = Theme.DefaultLayout;
    /// <summary><c>page</c>, <c>criterion</c>, <c>group</c>, <c>coverage</c>, <c>404</c>.</summary>
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
    /// <summary>The commits that changed the page's source, newest first.</summary>
    public IReadOnlyList<History.Revision> Revisions { get; init; } = [];

    /// <summary>
    /// A not-found page (Crosswalk's, or a tree's own 404.html): a host serves it at any URL, so what it links is
    /// written from base_url, never relative to where it stands.
    /// </summary>
    public bool ServedAnywhere => Kind == "404" || Url == "/404.html";
}

/// <summary>A content page's UTF-8 body HTML and the resolved URLs for its link placeholders.</summary>
/// <param name="utf8Html">The body.</param>
/// <param name="placeholders">The placeholders its links were parsed with.</param>
/// <param name="hrefs">Each link's resolved URL, by placeholder id.</param>
/// <param name="titleEnd">Where its leading h1 ends (0: none).</param>
public sealed class PageBody(byte[] utf8Html, LinkPlaceholders placeholders, IReadOnlyList<string> hrefs, int titleEnd = 0)
{
    private string Href(int id) => id < hrefs.Count ? hrefs[id] : "";

    /// <summary>The whole body.</summary>
    public static Range All => Range.All;

    /// <summary>The body's leading h1 (empty when it has none).</summary>
    public Range Title => ..titleEnd;

    /// <summary>The body after its leading h1 (all of it when it has none).</summary>
    public Range Rest => titleEnd..;

    /// <summary>Writes <paramref name="part"/> of the body, links filled in, as UTF-8.</summary>
    public void WriteTo(IBufferWriter<byte> output, Range part) => placeholders.WriteReplaced(utf8Html.AsSpan(part), Href, output);

    /// <summary>Writes the body, links filled in, as UTF-8.</summary>
    public void WriteTo(IBufferWriter<byte> output) => WriteTo(output, All);

    /// <summary><paramref name="part"/> of the body, links filled in, as text: for templates that do more with it than print it.</summary>
    public string ToHtml(Range part) => placeholders.Replace(System.Text.Encoding.UTF8.GetString(utf8Html.AsSpan(part)), Href);

    /// <summary>The body, links filled in, as text.</summary>
    public string ToHtml() => ToHtml(All);
}
