using System.Globalization;
using Crosswalk.Content;
using Crosswalk.Diagnostics;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Crosswalk.Markdown;

/// <summary>
/// Pipeline stage <c>ParseMarkdown</c>: parses one page with the shared Markdig pipeline, whose extensions give headings their
/// ids (<see cref="HeadingIdsExtension"/>) and capture links, replacing them with placeholders the
/// Render stage resolves (<see cref="LinkCaptureExtension"/>); then reads tables and renders the body once, anchor links
/// included (<see cref="HeadingAnchorsExtension"/>). The AST does not outlive this call.
/// </summary>
public sealed class PageParser(MarkdownPipeline pipeline, LinkPlaceholders placeholders, ITableAnnotator? tables = null)
{
    private readonly MarkdownPipeline _pipeline = WithCrosswalkExtensions(pipeline);

    /// <summary>
    /// Whether a page keeps its body HTML, decided from its front matter; null keeps every body. A page whose HTML will
    /// not be used (check, when its layout only prints the body) still has its ids collected; heading anchor links,
    /// which add none, are left out.
    /// </summary>
    public Func<PageMeta, bool>? KeepBody { get; init; }

    /// <summary>Where bodies are kept (<see cref="ParsedPage.Spilled"/>): a build's parse, not a preview's. Null keeps them in memory.</summary>
    public BodySpill? Spill { get; init; }

    /// <summary>Where links' URLs and texts are kept once for the site (a build's parse, which holds every page): null keeps each page's own.</summary>
    internal StringPool? Strings { get; init; }

    /// <summary>Which tables, by header, the parsed page keeps; null keeps all. Every table is still annotated.</summary>
    public Func<IReadOnlyList<string>, bool>? KeepTable { get; init; }

    /// <summary>Where pymdownx.snippets looks for included files (MkDocs' <c>base_path</c>), and the root no include may leave.</summary>
    public (IReadOnlyList<string> Folders, string Root)? Snippets { get; init; }

    /// <summary>Mintlify's components with a title or name are anchors of an <c>.mdx</c> page (<see cref="MdxComponentIds"/>).</summary>
    public bool ComponentIds { get; init; }

    /// <summary>How a page's path becomes its URL (a profile's rules; default DESIGN.md's).</summary>
    public Config.Profiles.UrlRules Urls { get; init; } = new();

    /// <summary>The front-matter keys pages may use (default: the built-in ones).</summary>
    public FrontMatterSchema Schema { get; init; } = FrontMatterSchema.BuiltIn;

    /// <summary>How the site writes front matter (default: fenced, or YAML-first when its shape and keys say so).</summary>
    public FrontMatterStyle FrontMatterStyle { get; init; } = FrontMatterStyle.Auto;

    /// <summary>Parses <paramref name="source"/> whose text is <paramref name="text"/>.</summary>
    public ParsedPage Parse(SourceFile source, string text, DiagnosticBag diagnostics)
    {
        var front = FrontMatterReader.Read(text, source.DisplayPath, diagnostics, Schema, FrontMatterStyle);
        var keepBody = KeepBody?.Invoke(front.Meta) ?? true;
        var body = front.Body;
        MdxTags? mdx = null;
        if (source.RelativePath.EndsWith(".mdx", StringComparison.OrdinalIgnoreCase))
        {
            mdx = MdxTags.Join(body);
            body = mdx.Text;
        }
        var positions = new Positions(source, front.BodyLine, mdx);
        var links = new LinkCapture(placeholders, positions.Locate) { Strings = Strings };
        var document = Markdig.Markdown.Parse(body, _pipeline, links.AddTo(new MarkdownParserContext()));
        var headings = HeadingIdsExtension.GetHeadings(document);

        var tableData = new List<TableData>();
        var claims = new List<ClaimRef>();
        foreach (var table in document.Descendants<Table>())
        {
            var data = ReadTable(table, body, positions, links);
            if (KeepTable?.Invoke(data.Header) ?? true)
            {
                tableData.Add(data);
            }
            if (tables is not null)
            {
                claims.AddRange(tables.Annotate(table, data, source, diagnostics, keepBody));
            }
        }

        var h1 = headings.FirstOrDefault(h => h.Level == 1);
        // comply titles a document by name: and writes its sections as '#' headings ("Purpose and Scope" in every
        // policy): the first of them is then not the page's title, and the layout prints the name above them.
        var titledByName = front.Meta is { Title: null, Name: { } name } && !string.IsNullOrWhiteSpace(name);
        var (ids, bodyUtf8, spilled, titleEnd) = Render(document, keepBody, measureTitle: !titledByName && OpensWithH1(document));
        // Most of the body's ids are its headings': the set keeps the heading's string of each rather than a second one.
        foreach (var heading in headings)
        {
            if (ids.Remove(heading.Id))
            {
                ids.Add(heading.Id);
            }
        }
        if (ComponentIds && mdx is not null)
        {
            ids.UnionWith(MdxComponentIds.Of(body, _pipeline));
        }
        if (Snippets is { Folders.Count: > 0 } snippets)
        {
            ids.UnionWith(SnippetIds.Of(body, snippets.Folders, snippets.Root, _pipeline));
        }
        var title = front.Meta.Title ?? (titledByName ? front.Meta.Name : null) ?? h1?.Text ?? FallbackTitle(source);
        var url = PageUrls.Of(source.RelativePath, front.Meta, Urls);
        // A slug or doc id is text from the page: the URL it makes must be a plain path, as a permalink must.
        if ((front.Meta.Slug is not null || front.Meta.DocId is not null) && UrlModel.NormalizePermalink(url) is null)
        {
            var key = front.Meta.Slug is not null ? "slug" : "id";
            diagnostics.Report(DiagnosticDescriptors.InvalidFrontMatterField, $"{key} '{front.Meta.Slug ?? front.Meta.DocId}' does not make a plain URL path",
                front.Meta.Keys.TryGetValue(key, out var at) ? at : new SourceLocation(source.DisplayPath, 1, 1),
                "use letters, digits, '-' and '/' only");
            url = PageUrls.Of(source.RelativePath, front.Meta with { Slug = null, DocId = null }, Urls);
        }
        if (front.Meta.Permalink is { } permalink)
        {
            if (UrlModel.NormalizePermalink(permalink) is { } normalized)
            {
                url = normalized;
            }
            else
            {
                diagnostics.Report(DiagnosticDescriptors.InvalidFrontMatterField,
                    $"permalink '{permalink}' is not a plain path inside the site", front.Meta.PermalinkLocation,
                    "use a path such as /compliance/incident-response/ without '..', '\\', ':' or encoded separators, at most 255 bytes a segment and 2048 in all");
            }
        }

        return new ParsedPage
        {
            Source = source,
            Meta = front.Meta,
            Title = string.IsNullOrWhiteSpace(title) ? FallbackTitle(source) : title.Trim(),
            Url = url,
            BodyUtf8 = bodyUtf8,
            Spilled = spilled,
            HasH1 = !titledByName && document.FirstOrDefault(b => b is HeadingBlock) is HeadingBlock { Level: 1 },
            TitleEnd = titleEnd,
            Headings = headings,
            Ids = ids,
            Links = links.Links,
            Tables = tableData,
            TableClaims = claims,
        };
    }

    // The body's ids, and the body as UTF-8 (in the spill, when there is one and it takes it) when it is kept, with
    // where its leading h1 ends when measureTitle: read from the renderer's buffer, which after the first few pages of a
    // thread is one block of text (no string of the page is made then).
    private (HashSet<string> Ids, byte[] Utf8, SpilledBody? Spilled, int TitleEnd) Render(MarkdownDocument document, bool keepBody, bool measureTitle)
    {
        // One renderer per thread: setting one up registers every extension's renderers, which costs more than a small page.
        var renderers = keepBody ? _renderers : _leanRenderers;
        var renderer = renderers.Value ??= NewRenderer(keepBody);
        try
        {
            renderer.Render(document);
            renderer.Writer.Flush();
            var buffer = ((StringWriter)renderer.Writer).GetStringBuilder();
            var html = OneBlock(buffer, out var block) ? block.Span : buffer.ToString().AsSpan();
            byte[] utf8 = [];
            SpilledBody? spilled = null;
            var titleEnd = 0;
            if (keepBody)
            {
                var length = System.Text.Encoding.UTF8.GetByteCount(html);
                var encoded = Spill is not null ? System.Buffers.ArrayPool<byte>.Shared.Rent(length) : (utf8 = new byte[length]);
                System.Text.Encoding.UTF8.GetBytes(html, encoded);
                titleEnd = measureTitle ? TitleEndOf(encoded.AsSpan(0, length)) : 0;
                if (Spill is not null)
                {
                    spilled = Spill.TryAdd(encoded.AsSpan(0, length));
                    utf8 = spilled is null ? encoded.AsSpan(0, length).ToArray() : [];
                    System.Buffers.ArrayPool<byte>.Shared.Return(encoded);
                }
            }
            var result = (HtmlIds.Collect(html), utf8, spilled, titleEnd);
            renderer.Clear();
            return result;
        }
        catch
        {
            // A render that stopped half-way (Markdig's nesting limit) can leave switches such as "HTML for inlines"
            // off: the next page on this thread gets a new renderer.
            renderers.Value = NewRenderer(keepBody);
            throw;
        }
    }

    // The first block that shows is an h1: comments and link reference definitions before it show nothing.
    private static bool OpensWithH1(MarkdownDocument document) =>
        document.FirstOrDefault(b => b is not LinkReferenceDefinitionGroup and not HtmlBlock { Type: HtmlBlockType.Comment })
            is HeadingBlock { Level: 1 };

    // The body opens with the h1's HTML (after what shows nothing): it ends after its closing tag and line break.
    private static int TitleEndOf(ReadOnlySpan<byte> utf8)
    {
        var open = utf8.IndexOf("<h1"u8);
        var close = open < 0 ? -1 : utf8[open..].IndexOf("</h1>"u8);
        if (close < 0)
        {
            return 0;
        }
        var at = open + close;
        var end = at + 5;
        return end < utf8.Length && utf8[end] == (byte)'\n' ? end + 1 : end;
    }

    private static bool OneBlock(System.Text.StringBuilder buffer, out ReadOnlyMemory<char> block)
    {
        block = default;
        var count = 0;
        foreach (var chunk in buffer.GetChunks())
        {
            if (chunk.Length > 0 && count++ == 0)
            {
                block = chunk;
            }
        }
        return count <= 1;
    }

    private ReusableHtmlRenderer NewRenderer(bool keepBody)
    {
        var renderer = new ReusableHtmlRenderer();
        _pipeline.Setup(renderer);
        if (!keepBody)
        {
            // The anchor links add no id, so a page that is not rendered goes without.
            renderer.ObjectRenderers.Replace<HeadingAnchorRenderer>(new HeadingRenderer());
        }
        return renderer;
    }

    // Per thread, one renderer for pages whose body is kept and one (without heading anchors) for the others.
    private readonly ThreadLocal<ReusableHtmlRenderer> _renderers = new();
    private readonly ThreadLocal<ReusableHtmlRenderer> _leanRenderers = new();

    /// <summary>An HTML renderer over a string writer that can be emptied and used for the next page.</summary>
    private sealed class ReusableHtmlRenderer() : HtmlRenderer(new StringWriter(CultureInfo.InvariantCulture))
    {
        /// <summary>Empties the writer and forgets line and indent state, as a new renderer would start.</summary>
        public void Clear() => Reset();
    }

    // Without them the page would silently have no heading ids and no checked links.
    private static MarkdownPipeline WithCrosswalkExtensions(MarkdownPipeline pipeline) =>
        pipeline.Extensions.Contains<HeadingIdsExtension>() && pipeline.Extensions.Contains<LinkCaptureExtension>()
            ? pipeline
            : throw new ArgumentException("the pipeline lacks heading ids or link capture: build it with MarkdownPipelineFactory.Create()", nameof(pipeline));

    private static string FallbackTitle(SourceFile source)
    {
        var name = Path.GetFileNameWithoutExtension(source.RelativePath);
        if (source.IsIndex && source.Folder.Length > 0)
        {
            name = source.Folder[(source.Folder.LastIndexOf('/') + 1)..];
        }
        return name;
    }

    /// <summary>The ids of the links inside <paramref name="container"/>, in document order (depth first, no recursion).</summary>
    private static void LinkIds(ContainerInline container, LinkCapture links, List<int> ids)
    {
        var node = container.FirstChild;
        while (node is not null)
        {
            if (node is LinkInline link && links.IdOf(link.Url) is var id and >= 0)
            {
                ids.Add(id);
            }
            if (node is ContainerInline { FirstChild: { } first })
            {
                node = first;
                continue;
            }
            while (node.NextSibling is null)
            {
                node = node.Parent;
                if (node is null || node == container)
                {
                    return;
                }
            }
            node = node.NextSibling;
        }
    }

    private static TableData ReadTable(Table table, string body, Positions positions, LinkCapture links)
    {
        var header = new List<string>();
        var rows = new List<TableRowData>();
        foreach (var rowBlock in table.OfType<TableRow>())
        {
            var cells = new List<TableCellData>();
            foreach (var cell in rowBlock.OfType<TableCell>())
            {
                var paragraph = cell.FirstOrDefault() as ParagraphBlock;
                var linkIds = new List<int>();
                if (paragraph?.Inline is { } inline)
                {
                    LinkIds(inline, links, linkIds);
                }
                var (text, column) = CellSource(cell, body);
                cells.Add(new TableCellData(text, positions.Locate(cell.Line, column), linkIds));
            }
            if (rowBlock.IsHeader)
            {
                header.AddRange(cells.Select(c => c.Text));
            }
            else
            {
                rows.Add(new TableRowData(cells, positions.Locate(rowBlock.Line, rowBlock.Column)));
            }
        }
        return new TableData(header, rows, positions.Locate(table.Line, table.Column));
    }

    /// <summary>The cell's source text (trimmed) and the 0-based column where it starts.</summary>
    private static (string Text, int Column) CellSource(TableCell cell, string body)
    {
        var start = cell.Span.Start;
        var end = Math.Min(cell.Span.End, body.Length - 1);
        if (start < 0 || end < start)
        {
            return ("", cell.Column);
        }
        var raw = body.AsSpan(start, end - start + 1);
        var column = cell.Column;
        var lead = raw.Length - raw.TrimStart().Length;
        raw = raw.Trim();
        if (raw.EndsWith("|") && !raw.EndsWith("\\|"))
        {
            raw = raw[..^1].TrimEnd();
        }
        return (raw.ToString(), column + lead);
    }

    /// <summary>Positions in the file of positions in the parsed text (the body after front matter, MDX tags joined).</summary>
    private sealed class Positions(SourceFile source, int bodyLine, MdxTags? mdx)
    {
        public SourceLocation Locate(int markdigLine, int markdigColumn)
        {
            var (line, column) = mdx?.Map(markdigLine, markdigColumn) ?? (markdigLine, markdigColumn);
            return new(source.DisplayPath, bodyLine + line + 1, Math.Max(0, column) + 1);
        }
    }
}
