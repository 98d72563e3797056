using Crosswalk.Diagnostics;

namespace Crosswalk.Content;

/// <summary>How a link was written.</summary>
public enum LinkKind
{
    /// <summary>A Markdown link (inline, reference-style or autolink).</summary>
    Link,
    /// <summary>A Markdown image.</summary>
    Image,
    /// <summary><c>href</c> in raw HTML.</summary>
    HtmlHref,
    /// <summary><c>src</c> in raw HTML.</summary>
    HtmlSrc,
}

/// <summary>A link found in a page, as written, with the page-local id of its placeholder in the body HTML.</summary>
public sealed record LinkRef(int Id, string Url, LinkKind Kind, SourceLocation Location, string Text);

/// <summary>A heading of a page, with its final id.</summary>
public sealed record Heading(int Level, string Id, string Text);

/// <summary>A table cell's plain text and the links written in it.</summary>
public sealed record TableCellData(string Text, SourceLocation Location, IReadOnlyList<int> LinkIds);

/// <summary>A table row: its cells and where it starts.</summary>
public sealed record TableRowData(IReadOnlyList<TableCellData> Cells, SourceLocation Location);

/// <summary>A table as the checker reads it: header cell texts and rows.</summary>
public sealed record TableData(IReadOnlyList<string> Header, IReadOnlyList<TableRowData> Rows, SourceLocation Location);

/// <summary>A criterion reference found in a page (front matter or a mapping cell), resolved by the criteria stage.</summary>
/// <param name="Catalog">Catalog id.</param>
/// <param name="CriterionId">The criterion's canonical id.</param>
/// <param name="Location">Where it is written.</param>
/// <param name="RowId">The id of the table row that holds it, when it comes from a table.</param>
/// <param name="LinkIds">Links in that row; the claim goes to their targets, or to the page when there are none.</param>
/// <param name="Via">The alias it was written through (<c>All TSC</c>), if any.</param>
public sealed record ClaimRef(string Catalog, string CriterionId, SourceLocation Location, string? RowId, IReadOnlyList<int> LinkIds, string? Via = null);

/// <summary>The result of stage <c>ParseMarkdown</c> for one page. The Markdig AST is gone: only strings and records remain.</summary>
public sealed record ParsedPage
{
    /// <summary>The source file.</summary>
    public required SourceFile Source { get; init; }
    /// <summary>Typed front matter.</summary>
    public required PageMeta Meta { get; init; }
    /// <summary>Title: front matter, else the first <c>#</c> heading, else the file name.</summary>
    public required string Title { get; init; }
    /// <summary>Canonical URL (without base_url), e.g. <c>/compliance/</c>.</summary>
    public required string Url { get; init; }
    /// <summary>
    /// The output file of <see cref="Url"/> (e.g. <c>a/b/index.html</c>), worked out once. Pages are never copied with
    /// <c>with</c> (identity matters to every cache), which would carry the cached value over to another URL.
    /// </summary>
    public string OutputPath => field ??= UrlModel.OutputPath(Url);
    /// <summary>
    /// Body HTML as UTF-8 with link placeholders that stage Render fills in. Kept as bytes: it is most of what a
    /// parsed site holds, and it is written out as bytes. When <see cref="Spilled"/>, the body is in the build's
    /// <see cref="BodySpill"/> and each read makes a new copy: read it once per use.
    /// </summary>
    public required byte[] BodyUtf8
    {
        get => Spilled is { } spilled ? spilled.Read() : field;
        init;
    }
    /// <summary>
    /// Where a build keeps the body (<see cref="BodyUtf8"/> was then given empty): a build reads each body twice (the
    /// page, the search index) and would otherwise hold every one until the end. A preview and check keep bodies in memory.
    /// </summary>
    public SpilledBody? Spilled { get; init; }
    /// <summary>The length of <see cref="BodyUtf8"/>, without reading it.</summary>
    public int BodyLength => Spilled?.Length ?? BodyUtf8.Length;

    /// <summary>Copies <see cref="BodyUtf8"/> into the first <see cref="BodyLength"/> bytes of <paramref name="destination"/> (a pooled buffer), without a copy of its own.</summary>
    public void CopyBodyTo(Span<byte> destination)
    {
        if (Spilled is { } spilled)
        {
            spilled.ReadInto(destination);
        }
        else
        {
            BodyUtf8.CopyTo(destination);
        }
    }
    /// <summary>The body starts with its own h1, which stands for the title (not when comply's <c>name:</c> titles the page).</summary>
    public bool HasH1 { get; init; }
    /// <summary>
    /// Where in <see cref="BodyUtf8"/> the body's leading h1 ends (0 when the body does not open with one): a layout can
    /// print the title, then something of its own, then the rest.
    /// </summary>
    public int TitleEnd { get; init; }
    /// <summary>Headings in order.</summary>
    public IReadOnlyList<Heading> Headings { get; init; } = [];
    /// <summary>Every id in the body HTML (headings, attributes, footnotes, raw HTML).</summary>
    public IReadOnlySet<string> Ids { get; init; } = new HashSet<string>();
    /// <summary>Links in order.</summary>
    public IReadOnlyList<LinkRef> Links { get; init; } = [];
    /// <summary>Tables in order.</summary>
    public IReadOnlyList<TableData> Tables { get; init; } = [];
    /// <summary>
    /// Criterion references written in the page's mapping cells; empty once a build or check has made them claims
    /// (<see cref="ReleaseTableClaims"/>).
    /// </summary>
    public IReadOnlyList<ClaimRef> TableClaims { get => _tableClaims; init => _tableClaims = value; }

    private IReadOnlyList<ClaimRef> _tableClaims = [];

    /// <summary>
    /// Lets go of <see cref="TableClaims"/> once the claims are made from them: read once in a build, they and their
    /// lists of row links were about a tenth of what a large site holds through the render (50 of 468 MiB at 30,000
    /// pages). The preview keeps them to make a page's claims again.
    /// </summary>
    internal void ReleaseTableClaims() => _tableClaims = [];

    /// <summary>Name used in navigation.</summary>
    public string NavTitle => Meta.ShortTitle ?? Title;

    /// <summary>A page is itself: identity, not a comparison of every member (bodies are large and pages are dictionary keys).</summary>
    public bool Equals(ParsedPage? other) => ReferenceEquals(this, other);

    /// <inheritdoc />
    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}
