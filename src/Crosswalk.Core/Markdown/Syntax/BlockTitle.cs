using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;

namespace Crosswalk.Markdown.Syntax;

/// <summary>
/// The title of an admonition or the label of a content tab: inline Markdown on its opening line. It is the first child
/// of its container so Markdig parses its inlines (links in a title are captured and checked like any other); the
/// container's renderer writes it, in a title paragraph or a <c>&lt;summary&gt;</c>.
/// </summary>
public sealed class BlockTitle : LeafBlock
{
    private BlockTitle(BlockParser parser) : base(parser) => ProcessInlines = true;

    /// <summary>
    /// A closed title over <c>[start, end]</c> of the line being opened, or null when that is empty. The processor must
    /// stand at the line's first non-space character (as in <see cref="BlockParser.TryOpen"/>).
    /// </summary>
    internal static BlockTitle? Create(BlockProcessor processor, BlockParser parser, int start, int end)
    {
        var slice = new StringSlice(processor.Line.Text, start, end);
        slice.Trim();
        if (slice.IsEmpty)
        {
            return null;
        }
        // Markdig counts an inline's column from its line's column, one per character after it.
        var column = processor.Column + (slice.Start - processor.Start);
        var title = new BlockTitle(parser)
        {
            Line = processor.LineIndex,
            Column = column,
            Span = new SourceSpan(slice.Start, slice.End),
            IsOpen = false,
        };
        title.AppendLine(ref slice, column, processor.LineIndex, processor.CurrentLineStartPosition, processor.TrackTrivia);
        return title;
    }
}
