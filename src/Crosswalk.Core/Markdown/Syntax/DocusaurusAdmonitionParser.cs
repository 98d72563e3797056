using System.Text.RegularExpressions;
using Markdig.Parsers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Crosswalk.Markdown.Syntax;

/// <summary>
/// Docusaurus admonitions: <c>:::note</c>, <c>:::tip Title</c>, <c>:::info[Title]</c> … <c>:::</c>. A closing fence has
/// at least as many colons as its opening one, so an admonition nests inside one opened with more (<c>::::</c>).
/// </summary>
/// <remarks>
/// Not Markdig's CustomContainers: that opens on any <c>:::</c> line, a lone one included, so a stray fence in prose
/// would swallow the rest of the page; it drops the title; and it adds an inline <c>::text::</c> syntax that would
/// change ordinary prose. Here only Docusaurus's keywords open a box, and the title is parsed as Markdown.
/// </remarks>
public sealed partial class DocusaurusAdmonitionParser : BlockParser
{
    private const int MinimumFence = 3;

    /// <summary>
    /// How many fenced admonitions may hold each other. A fence keeps its box open without indentation, so unbounded,
    /// every line of <c>:::note</c> would nest one level deeper and each line would cost as much as the depth.
    /// </summary>
    public const int MaxDepth = 32;

    /// <summary>A parser for <c>:::</c> fences.</summary>
    public DocusaurusAdmonitionParser() => OpeningCharacters = [':'];

    /// <inheritdoc />
    public override BlockState TryOpen(BlockProcessor processor)
    {
        if (processor.IsCodeIndent)
        {
            return BlockState.None;
        }
        var line = processor.Line;
        var fence = FenceLength(line.AsSpan());
        if (fence < MinimumFence)
        {
            return BlockState.None;
        }
        var match = Opener().Match(line.Text, line.Start + fence, line.Length - fence);
        if (!match.Success || Depth(processor.CurrentContainer) >= MaxDepth)
        {
            return BlockState.None;
        }
        var kind = match.Groups["kind"].Value;
        var title = match.Groups["title"];
        var admonition = new AdmonitionBlock(this)
        {
            Kind = kind,
            DefaultTitle = AdmonitionBlock.Capitalise(kind),
            FenceLength = fence,
            Column = processor.Column,
            Span = new SourceSpan(processor.Start, line.End),
        };
        var attributes = admonition.GetAttributes();
        attributes.AddClass("admonition");
        attributes.AddClass(kind);
        if (title.Success)
        {
            admonition.SetTitle(BlockTitle.Create(processor, this, title.Index, title.Index + title.Length - 1));
        }
        processor.NewBlocks.Push(admonition);
        return BlockState.ContinueDiscard;
    }

    /// <inheritdoc />
    public override BlockState TryContinue(BlockProcessor processor, Block block)
    {
        var line = processor.Line.AsSpan();
        var fence = FenceLength(line);
        if (!processor.IsCodeIndent && fence >= ((AdmonitionBlock)block).FenceLength && line[fence..].IsWhiteSpace())
        {
            block.UpdateSpanEnd(processor.Line.End);
            return BlockState.BreakDiscard;
        }
        // The body's blocks see the line with its indent, as they would outside.
        processor.GoToColumn(processor.ColumnBeforeIndent);
        return BlockState.Continue;
    }

    private static int Depth(ContainerBlock? container)
    {
        var depth = 0;
        for (var block = container; block is not null && depth < MaxDepth; block = block.Parent)
        {
            depth += block is AdmonitionBlock { FenceLength: > 0 } ? 1 : 0;
        }
        return depth;
    }

    private static int FenceLength(ReadOnlySpan<char> line)
    {
        var count = line.IndexOfAnyExcept(':');
        return count < 0 ? line.Length : count;
    }

    // Docusaurus's keywords (important, success and secondary are its older aliases); an optional {…} after a
    // bracketed title holds directive attributes, which Docusaurus does not show.
    [GeneratedRegex(@"^(?<kind>note|tip|info|warning|danger|caution|important|success|secondary)(?:\[(?<title>.*)\](?:\{[^}]*\})?|[ \t]+(?<title>.*?))?[ \t]*$")]
    private static partial Regex Opener();
}
