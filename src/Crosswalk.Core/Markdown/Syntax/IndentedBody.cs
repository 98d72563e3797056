using Markdig.Parsers;
using Markdig.Syntax;

namespace Crosswalk.Markdown.Syntax;

/// <summary>
/// The body rule of Python-Markdown's block extensions (MkDocs admonitions and content tabs): every line indented four
/// columns past the marker, blank lines included, belongs to the block; the first line indented less ends it.
/// </summary>
internal static class IndentedBody
{
    /// <summary>How far past its marker a body is indented.</summary>
    public const int Indent = 4;

    /// <summary>Continues <paramref name="block"/> (opened with its marker's column as <see cref="MarkdownObject.Column"/>).</summary>
    public static BlockState TryContinue(BlockProcessor processor, Block block)
    {
        if (processor.IsBlankLine)
        {
            return BlockState.Continue;
        }
        var body = block.Column + Indent;
        if (processor.Column >= body)
        {
            // The body's blocks see the line from the body's column, as a document's blocks see it from column 0.
            processor.GoToColumn(body);
            block.UpdateSpanEnd(processor.Line.End);
            return BlockState.Continue;
        }
        // Python-Markdown hands a less indented line to what follows the block: unlike a block quote, it never lazily
        // continues a paragraph of the body. Closing here leaves no open paragraph for Markdig to continue.
        processor.Close(block);
        return BlockState.None;
    }
}
