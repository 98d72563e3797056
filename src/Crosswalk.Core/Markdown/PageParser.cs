using System.Globalization;
using System.Text.RegularExpressions;
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
/// Pipeline stage <c>ParseMarkdown</c>: parses one page with the shared Markdig pipeline, gives headings
/// github-slugger ids, collects links (replacing them with placeholders the Render stage resolves),
/// tables and ids, and renders the body once. The AST does not outlive this call.
/// </summary>
public sealed partial class PageParser(MarkdownPipeline pipeline, LinkPlaceholders placeholders, ITableAnnotator? tables = null)
{
    /// <summary>
    /// Keep the body HTML (false when no page will be rendered: its ids are still collected, and heading anchor links,
    /// which add none, are left out).
    /// </summary>
    public bool KeepBody { get; init; } = true;

    /// <summary>Which tables, by header, the parsed page keeps; null keeps all. Every table is still annotated.</summary>
    public Func<IReadOnlyList<string>, bool>? KeepTable { get; init; }

    /// <summary>Parses <paramref name="source"/> whose text is <paramref name="text"/>.</summary>
    public ParsedPage Parse(SourceFile source, string text, DiagnosticBag diagnostics)
    {
        var front = FrontMatterReader.Read(text, source.DisplayPath, diagnostics);
        var body = front.Body;
        MdxTags? mdx = null;
        if (source.RelativePath.EndsWith(".mdx", StringComparison.OrdinalIgnoreCase))
        {
            mdx = MdxTags.Join(body);
            body = mdx.Text;
        }
        var document = Markdig.Markdown.Parse(body, pipeline);
        var state = new State(source, front.BodyLine, placeholders, mdx);

        // Heading ids from the text as written (before links become placeholders); the anchor links are added after
        // the links are collected, as they are the parser's own and need no checking.
        var headings = AssignHeadingIds(document, state);
        CollectLinks(document, state);
        if (KeepBody)
        {
            // Links of the page's own: they add no id, so a page that is not rendered goes without.
            AppendHeadingAnchors(document);
        }
        var tableData = new List<TableData>();
        var claims = new List<ClaimRef>();
        foreach (var table in document.Descendants<Table>())
        {
            var data = ReadTable(table, body, state);
            if (KeepTable?.Invoke(data.Header) ?? true)
            {
                tableData.Add(data);
            }
            if (tables is not null)
            {
                claims.AddRange(tables.Annotate(table, data, source, diagnostics));
            }
        }

        var (ids, bodyUtf8) = Render(document);
        var h1 = headings.FirstOrDefault(h => h.Level == 1);
        var title = front.Meta.Title ?? h1?.Text ?? FallbackTitle(source);
        var url = UrlModel.FromSourcePath(source.RelativePath);
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
                    "use a path such as /compliance/incident-response/ without '..', '\\', ':' or encoded separators");
            }
        }

        return new ParsedPage
        {
            Source = source,
            Meta = front.Meta,
            Title = string.IsNullOrWhiteSpace(title) ? FallbackTitle(source) : title.Trim(),
            Url = url,
            BodyUtf8 = bodyUtf8,
            HasH1 = document.FirstOrDefault(b => b is HeadingBlock) is HeadingBlock { Level: 1 },
            Headings = headings,
            Ids = ids,
            Links = state.Links,
            Tables = tableData,
            TableClaims = claims,
        };
    }

    // The body's ids, and the body as UTF-8 when it is kept: read from the renderer's buffer, which after the first few
    // pages of a thread is one block of text (no string of the page is made then).
    private (HashSet<string> Ids, byte[] Utf8) Render(MarkdownDocument document)
    {
        // One renderer per thread: setting one up registers every extension's renderers, which costs more than a small page.
        var renderer = _renderers.Value ??= NewRenderer();
        try
        {
            renderer.Render(document);
            renderer.Writer.Flush();
            var buffer = ((StringWriter)renderer.Writer).GetStringBuilder();
            var html = OneBlock(buffer, out var block) ? block.Span : buffer.ToString().AsSpan();
            byte[] utf8 = [];
            if (KeepBody)
            {
                utf8 = new byte[System.Text.Encoding.UTF8.GetByteCount(html)];
                System.Text.Encoding.UTF8.GetBytes(html, utf8);
            }
            var result = (HtmlIds.Collect(html), utf8);
            renderer.Clear();
            return result;
        }
        catch
        {
            // A render that stopped half-way (Markdig's nesting limit) can leave switches such as "HTML for inlines"
            // off: the next page on this thread gets a new renderer.
            _renderers.Value = NewRenderer();
            throw;
        }
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

    private ReusableHtmlRenderer NewRenderer()
    {
        var renderer = new ReusableHtmlRenderer();
        pipeline.Setup(renderer);
        return renderer;
    }

    private readonly ThreadLocal<ReusableHtmlRenderer> _renderers = new();

    /// <summary>An HTML renderer over a string writer that can be emptied and used for the next page.</summary>
    private sealed class ReusableHtmlRenderer() : HtmlRenderer(new StringWriter(CultureInfo.InvariantCulture))
    {
        /// <summary>Empties the writer and forgets line and indent state, as a new renderer would start.</summary>
        public void Clear() => Reset();
    }

    private static string FallbackTitle(SourceFile source)
    {
        var name = Path.GetFileNameWithoutExtension(source.RelativePath);
        if (source.IsIndex && source.Folder.Length > 0)
        {
            name = source.Folder[(source.Folder.LastIndexOf('/') + 1)..];
        }
        return name;
    }

    private static List<Heading> AssignHeadingIds(MarkdownDocument document, State state)
    {
        var slugger = new GitHubSlugger();
        var all = document.Descendants<HeadingBlock>().ToList();
        // Explicit {#id}s are taken first so generated slugs never collide with them.
        foreach (var heading in all)
        {
            if (heading.TryGetAttributes()?.Id is { Length: > 0 } explicitId)
            {
                slugger.Reserve(explicitId);
            }
        }
        var result = new List<Heading>(all.Count);
        foreach (var heading in all)
        {
            var text = InlineText.Of(heading.Inline).Trim();
            var attributes = heading.GetAttributes();
            var id = attributes.Id is { Length: > 0 } given ? given : slugger.Slug(text);
            attributes.Id = id;
            result.Add(new Heading(heading.Level, id, text));
        }
        return result;
    }

    private static void AppendHeadingAnchors(MarkdownDocument document)
    {
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var id = heading.GetAttributes().Id;
            heading.Inline?.AppendChild(new HtmlInline(
                $"<a class=\"heading-anchor\" href=\"#{HtmlEscape.Attribute(id)}\" aria-label=\"Link to this section\">#</a>"));
        }
    }

    private static void CollectLinks(MarkdownDocument document, State state)
    {
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case LinkInline link when link.Url is not null:
                    var kind = link.IsImage ? LinkKind.Image : LinkKind.Link;
                    link.Url = state.Add(link.Url, kind, link.Line, link.Column, InlineText.Of(link));
                    break;
                case AutolinkInline auto when !auto.IsEmail:
                    auto.Url = state.Add(auto.Url, LinkKind.Link, auto.Line, auto.Column, auto.Url);
                    break;
                case HtmlInline inline:
                    RewriteHtmlInline(inline, state);
                    break;
                case HtmlBlock block:
                    RewriteHtmlBlock(block, state);
                    break;
                default:
                    break;
            }
        }
    }

    // Apart from the loop above: the lambda's closure would otherwise be allocated for every node of every page.
    private static void RewriteHtmlInline(HtmlInline inline, State state) =>
        inline.Tag = RewriteHtml(inline.Tag, offset => (inline.Line, inline.Column + offset), state);

    /// <summary>
    /// Rewrites an HTML block as one text, so a tag spread over several lines (a JSX-like <c>&lt;Card</c> with one
    /// attribute per line) is seen whole; placeholders add no line breaks, so the block keeps its lines.
    /// </summary>
    private static void RewriteHtmlBlock(HtmlBlock block, State state)
    {
        var lines = block.Lines;
        var texts = new string[lines.Count];
        var starts = new int[lines.Count];
        var length = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            texts[i] = lines.Lines[i].Slice.ToString();
            starts[i] = length;
            length += texts[i].Length + 1;
        }
        var original = string.Join('\n', texts);
        var rewritten = RewriteHtml(original, offset =>
        {
            var i = Array.BinarySearch(starts, offset);
            i = i >= 0 ? i : ~i - 1;
            return (block.Line + i, lines.Lines[i].Column + offset - starts[i]);
        }, state);
        if (ReferenceEquals(original, rewritten))
        {
            return;
        }
        var newTexts = rewritten.Split('\n');
        for (var i = 0; i < lines.Count && i < newTexts.Length; i++)
        {
            lines.Lines[i].Slice = new Markdig.Helpers.StringSlice(newTexts[i]);
        }
    }

    /// <summary>
    /// Replaces each href/src value inside HTML tags with a placeholder, recording the link at the attribute's
    /// position. Comments are left alone: a reader never sees a link inside one.
    /// </summary>
    private static string RewriteHtml(string html, Func<int, (int Line, int Column)> position, State state)
    {
        if (html.IndexOf("href", StringComparison.OrdinalIgnoreCase) < 0 && html.IndexOf("src", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return html;
        }
        return HtmlIds.TagOrComment().Replace(html, tag => !tag.Groups["tag"].Success ? tag.Value : HtmlUrlAttribute().Replace(tag.Value, attr =>
        {
            var value = attr.Groups["v"];
            var name = attr.Groups["n"];
            var kind = name.Value.Equals("src", StringComparison.OrdinalIgnoreCase) ? LinkKind.HtmlSrc : LinkKind.HtmlHref;
            var url = System.Net.WebUtility.HtmlDecode(value.Value);
            var (line, column) = position(tag.Index + name.Index);
            var placeholder = state.Add(url, kind, line, column, "");
            var quote = attr.Groups["q"].Value;
            return attr.Value[..(value.Index - attr.Index)] + placeholder + quote;
        }));
    }

    /// <summary>The ids of the links inside <paramref name="container"/>, in document order (depth first, no recursion).</summary>
    private static void LinkIds(ContainerInline container, State state, List<int> ids)
    {
        var node = container.FirstChild;
        while (node is not null)
        {
            if (node is LinkInline link && state.IdOf(link.Url) is var id and >= 0)
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

    private static TableData ReadTable(Table table, string body, State state)
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
                    LinkIds(inline, state, linkIds);
                }
                var (text, column) = CellSource(cell, body);
                cells.Add(new TableCellData(text, state.Location(cell.Line, column), linkIds));
            }
            if (rowBlock.IsHeader)
            {
                header.AddRange(cells.Select(c => c.Text));
            }
            else
            {
                rows.Add(new TableRowData(cells, state.Location(rowBlock.Line, rowBlock.Column)));
            }
        }
        return new TableData(header, rows, state.Location(table.Line, table.Column));
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

    [GeneratedRegex(@"\s(?<n>href|src)\s*=\s*(?:(?<q>"")(?<v>[^""]*)""|(?<q>')(?<v>[^']*)'|(?<v>[^\s""'<>=`]+))", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlUrlAttribute();

    /// <summary>Per-page parse state: positions relative to the file, and the links found so far.</summary>
    private sealed class State(SourceFile source, int bodyLine, LinkPlaceholders placeholders, MdxTags? mdx)
    {
        private readonly Dictionary<string, int> _byPlaceholder = new(StringComparer.Ordinal);

        public List<LinkRef> Links { get; } = [];

        public int FileLine(int markdigLine) => bodyLine + markdigLine + 1;

        public SourceLocation Location(int markdigLine, int markdigColumn)
        {
            var (line, column) = mdx?.Map(markdigLine, markdigColumn) ?? (markdigLine, markdigColumn);
            return new(source.DisplayPath, FileLine(line), Math.Max(0, column) + 1);
        }

        public string Add(string url, LinkKind kind, int line, int column, string text)
        {
            var id = Links.Count;
            Links.Add(new LinkRef(id, url, kind, Location(line, column), text));
            var placeholder = placeholders.For(id);
            _byPlaceholder[placeholder] = id;
            return placeholder;
        }

        public int IdOf(string? placeholder) => placeholder is not null && _byPlaceholder.TryGetValue(placeholder, out var id) ? id : -1;
    }
}
