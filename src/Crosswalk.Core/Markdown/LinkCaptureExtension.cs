using System.Text.RegularExpressions;
using Crosswalk.Content;
using Markdig;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Crosswalk.Markdown;

/// <summary>
/// Captures a document's links into the <see cref="LinkCapture"/> its parser context carries: Markdown links,
/// images and autolinks (not e-mail), and <c>href</c>/<c>src</c> in raw HTML, each URL replaced with a placeholder.
/// Without a capture in the context the document is left as it is.
/// </summary>
/// <remarks>
/// It runs once the document is complete (<see cref="MarkdownPipelineBuilder.DocumentProcessed"/>), when footnotes
/// nobody cites are gone and the rest are in place, and after <see cref="HeadingIdsExtension"/>, since a heading's
/// text includes an autolink's URL. That hook is given no parser context, so the first block to close carries the
/// capture from the context to the document. The extension itself holds nothing of a document.
/// </remarks>
public sealed partial class LinkCaptureExtension : IMarkdownExtension
{
    private static readonly object CaptureKey = new();

    /// <inheritdoc />
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        // Without it Markdig does not keep where an inline starts, and a link would be placed at its block.
        pipeline.PreciseSourceLocation = true;
        // Every link sits in a block (paragraph, heading, HTML), so a document with links has one that closes.
        foreach (var parser in pipeline.BlockParsers)
        {
            parser.Closed -= CarryCapture;
            parser.Closed += CarryCapture;
        }
        pipeline.DocumentProcessed -= Capture;
        pipeline.DocumentProcessed += Capture;
    }

    /// <inheritdoc />
    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    private static void CarryCapture(BlockProcessor processor, Block block)
    {
        if (processor.Context is not null && processor.Document.GetData(CaptureKey) is null && LinkCapture.From(processor.Context) is { } capture)
        {
            processor.Document.SetData(CaptureKey, capture);
        }
    }

    private static void Capture(MarkdownDocument document)
    {
        if (document.GetData(CaptureKey) is not LinkCapture capture)
        {
            return;
        }
        document.RemoveData(CaptureKey);
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case LinkInline link when link.Url is not null:
                    var kind = link.IsImage ? LinkKind.Image : LinkKind.Link;
                    link.Url = capture.Add(link.Url, kind, link.Line, link.Column, InlineText.Of(link));
                    break;
                case AutolinkInline auto when !auto.IsEmail:
                    auto.Url = capture.Add(auto.Url, LinkKind.Link, auto.Line, auto.Column, auto.Url);
                    break;
                case HtmlInline inline:
                    RewriteHtmlInline(inline, capture);
                    break;
                case HtmlBlock block:
                    RewriteHtmlBlock(block, capture);
                    break;
                default:
                    break;
            }
        }
    }

    // Apart from the loop above: the lambda's closure would otherwise be allocated for every node of every page.
    private static void RewriteHtmlInline(HtmlInline inline, LinkCapture capture) =>
        inline.Tag = RewriteHtml(inline.Tag, offset => (inline.Line, inline.Column + offset), capture);

    /// <summary>
    /// Rewrites an HTML block as one text, so a tag spread over several lines (a JSX-like <c>&lt;Card</c> with one
    /// attribute per line) is seen whole; placeholders add no line breaks, so the block keeps its lines.
    /// </summary>
    private static void RewriteHtmlBlock(HtmlBlock block, LinkCapture capture)
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
        }, capture);
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
    /// position. Comments are left alone: a reader never sees a link inside one. The tag is read attribute by attribute,
    /// as a browser reads it, so text like <c>src=x</c> inside another attribute's value (<c>alt="a src=x"</c>) is not taken.
    /// </summary>
    private static string RewriteHtml(string html, Func<int, (int Line, int Column)> position, LinkCapture capture)
    {
        if (html.IndexOf("href", StringComparison.OrdinalIgnoreCase) < 0 && html.IndexOf("src", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return html;
        }
        return HtmlIds.TagOrComment().Replace(html, tag => !tag.Groups["tag"].Success ? tag.Value : RewriteTag(tag.Value, tag.Index, position, capture));
    }

    private static string RewriteTag(string tag, int offset, Func<int, (int Line, int Column)> position, LinkCapture capture)
    {
        var text = new System.Text.StringBuilder(tag.Length);
        var done = 0;
        // Attributes follow one another from the end of the tag's name; the first text that is not one ends the walk.
        for (var attr = HtmlAttribute().Match(tag, TagName().Match(tag).Length); attr.Success && attr.Length > 0; attr = HtmlAttribute().Match(tag, attr.Index + attr.Length))
        {
            var name = attr.Groups["n"];
            var value = attr.Groups["v"];
            var isSrc = name.Value.Equals("src", StringComparison.OrdinalIgnoreCase);
            // href={target} in MDX is a JavaScript expression, known only when the page runs: not a link to check.
            if (!value.Success || !(isSrc || name.Value.Equals("href", StringComparison.OrdinalIgnoreCase))
                || (attr.Groups["q"].Value.Length == 0 && value.Value.StartsWith('{')))
            {
                continue;
            }
            var (line, column) = position(offset + name.Index);
            var placeholder = capture.Add(System.Net.WebUtility.HtmlDecode(value.Value), isSrc ? LinkKind.HtmlSrc : LinkKind.HtmlHref, line, column, "");
            text.Append(tag, done, value.Index - done).Append(placeholder);
            done = value.Index + value.Length;
        }
        return done == 0 ? tag : text.Append(tag, done, tag.Length - done).ToString();
    }

    [GeneratedRegex(@"^<[a-zA-Z][^\s/>]*")]
    private static partial Regex TagName();

    // One attribute, starting exactly where the last ended (\G): separators, a name, and an optional value.
    [GeneratedRegex(@"\G[\s/]*(?<n>[^\s""'<>/=][^\s""'<>/=]*)(?:\s*=\s*(?:(?<q>"")(?<v>[^""]*)""|(?<q>')(?<v>[^']*)'|(?<v>[^\s""'<>=`]+)))?")]
    private static partial Regex HtmlAttribute();
}
