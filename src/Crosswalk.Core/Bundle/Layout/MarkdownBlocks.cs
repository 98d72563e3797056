using System.Text;
using Markdig;
using Markdig.Extensions.Alerts;
using Markdig.Extensions.Footnotes;
using Markdig.Extensions.Tables;
using Markdig.Extensions.TaskLists;
using Md = Markdig.Syntax;
using Markdig.Syntax.Inlines;
using MdTable = Markdig.Extensions.Tables.Table;

namespace Crosswalk.Bundle.Layout;

/// <summary>
/// A document's Markdown as layout blocks: headings, paragraphs with emphasis and code, lists, tables, code blocks,
/// quotes, rules and images. Links show their target after their text, as paper cannot be clicked; raw HTML is left out.
/// </summary>
internal sealed class MarkdownBlocks(Func<string, byte[]?> image)
{
    // CommonMark and the GFM parts the site's pages use; {#id} attributes are read so they do not show as text.
    private static readonly MarkdownPipeline s_pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables().UseTaskLists().UseFootnotes().UseAutoLinks().UseEmphasisExtras().UseAlertBlocks().UseGenericAttributes().Build();

    /// <summary>The blocks of <paramref name="markdown"/>; the leading h1 is left out when <paramref name="skipTitle"/> (the document's title stands for it).</summary>
    public List<Block> Convert(string markdown, bool skipTitle)
    {
        var document = Markdig.Markdown.Parse(markdown, s_pipeline);
        var blocks = new List<Block>();
        foreach (var block in document)
        {
            if (skipTitle && block is Md.HeadingBlock { Level: 1 })
            {
                skipTitle = false;
                continue;
            }
            skipTitle = false;
            Add(block, blocks);
        }
        return blocks;
    }

    private void Add(Md.Block block, List<Block> into)
    {
        switch (block)
        {
            case Md.HeadingBlock h:
                // The document's title is the only level 1 heading: the body's start at level 2.
                into.Add(new HeadingBlock(Math.Max(2, h.Level), Plain(h.Inline)));
                break;
            case Md.ParagraphBlock p:
                Paragraph(p.Inline, into);
                break;
            case Md.ListBlock l:
                var ordered = l.IsOrdered;
                var start = ordered && int.TryParse(l.OrderedStart, out var n) ? n : 1;
                into.Add(new ListBlock(ordered, start, [.. l.OfType<Md.ListItemBlock>().Select(Children)]));
                break;
            case Md.FencedCodeBlock or Md.CodeBlock:
                into.Add(new CodeBlock(((Md.LeafBlock)block).Lines.ToString()));
                break;
            case MdTable t:
                into.Add(Table(t));
                break;
            case AlertBlock a:
                into.Add(new QuoteBlock([new ParagraphBlock([new Run(a.Kind.ToString().ToUpperInvariant(), RunStyle.Bold)]), .. Children(a)]));
                break;
            case Md.QuoteBlock q:
                into.Add(new QuoteBlock(Children(q)));
                break;
            case Md.ThematicBreakBlock:
                into.Add(new RuleBlock());
                break;
            case FootnoteGroup g:
                into.Add(new RuleBlock());
                into.Add(new ListBlock(true, 1, [.. g.OfType<Footnote>().Select(Children)]));
                break;
            case Md.ContainerBlock c:
                foreach (var child in c)
                {
                    Add(child, into);
                }
                break;
        }
    }

    private List<Block> Children(Md.ContainerBlock container)
    {
        var blocks = new List<Block>();
        foreach (var child in container)
        {
            Add(child, blocks);
        }
        return blocks;
    }

    /// <summary>A paragraph's runs; its images follow it as blocks of their own (or as a note when they cannot be embedded).</summary>
    private void Paragraph(ContainerInline? inline, List<Block> into)
    {
        var runs = new List<Run>();
        var images = new List<Block>();
        Inlines(inline, RunStyle.Plain, runs, images);
        if (runs.Any(r => !string.IsNullOrWhiteSpace(r.Text)))
        {
            into.Add(new ParagraphBlock(runs));
        }
        into.AddRange(images);
    }

    private void Inlines(ContainerInline? container, RunStyle style, List<Run> runs, List<Block> images)
    {
        for (var inline = container?.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    runs.Add(new Run(literal.Content.ToString(), style));
                    break;
                case CodeInline code:
                    runs.Add(new Run(code.Content, style | RunStyle.Mono));
                    break;
                case LineBreakInline br:
                    runs.Add(new Run(br.IsHard ? "\n" : " ", style));
                    break;
                case TaskList task:
                    runs.Add(new Run(task.Checked ? "[x] " : "[ ] ", style | RunStyle.Mono));
                    break;
                case FootnoteLink note when !note.IsBackLink:
                    runs.Add(new Run($"[{note.Footnote.Order}]", style));
                    break;
                case AutolinkInline auto:
                    runs.Add(new Run(auto.Url, style | RunStyle.Link));
                    break;
                case LinkInline { IsImage: true } img:
                    var alt = Plain(img);
                    var url = img.Url ?? "";
                    images.Add(image(url) is { } data ? new ImageBlock(data, alt)
                        : new ParagraphBlock([new Run($"[image: {(alt.Length > 0 ? alt : "untitled")} ({url}), not embedded: only local PNG and JPEG files are]", RunStyle.Italic)]));
                    break;
                case LinkInline link:
                    Inlines(link, style | RunStyle.Link, runs, images);
                    var target = link.Url ?? "";
                    if (target.Length > 0 && target != Plain(link))
                    {
                        runs.Add(new Run($" ({target})", style | RunStyle.Link));
                    }
                    break;
                case EmphasisInline em:
                    var add = em.DelimiterChar is '*' or '_' ? em.DelimiterCount >= 2 ? RunStyle.Bold : RunStyle.Italic : RunStyle.Plain;
                    Inlines(em, style | add, runs, images);
                    break;
                case ContainerInline other:
                    Inlines(other, style, runs, images);
                    break;
            }
        }
    }

    private TableBlock Table(MdTable table)
    {
        IReadOnlyList<Run> Cell(TableCell cell)
        {
            var runs = new List<Run>();
            foreach (var p in cell.OfType<Md.ParagraphBlock>())
            {
                var images = new List<Block>();
                Inlines(p.Inline, RunStyle.Plain, runs, images);
                runs.AddRange(images.OfType<ImageBlock>().Select(i => new Run($"[image: {i.Alt}]", RunStyle.Italic)));
            }
            return runs;
        }
        var rows = table.OfType<TableRow>().ToList();
        var header = rows.FirstOrDefault(r => r.IsHeader);
        return new TableBlock(header is null ? [] : [.. header.OfType<TableCell>().Select(Cell)],
            [.. rows.Where(r => !r.IsHeader).Select(r => (IReadOnlyList<IReadOnlyList<Run>>)[.. r.OfType<TableCell>().Select(Cell)])]);
    }

    /// <summary>The text of inlines without styles (headings, link texts, image alts).</summary>
    private static string Plain(ContainerInline? container)
    {
        var sb = new StringBuilder();
        for (var inline = container?.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    sb.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    sb.Append(code.Content);
                    break;
                case LineBreakInline:
                    sb.Append(' ');
                    break;
                case AutolinkInline auto:
                    sb.Append(auto.Url);
                    break;
                case ContainerInline inner:
                    sb.Append(Plain(inner));
                    break;
            }
        }
        return sb.ToString();
    }
}
