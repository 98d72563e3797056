using Crosswalk.Markdown.Syntax;
using Markdig;
using Markdig.Renderers;

namespace Crosswalk.Markdown;

/// <summary>
/// Block syntax of other documentation generators, read so that the headings and links inside are the page's own:
/// MkDocs admonitions (<c>!!!</c>, <c>???</c>) and content tabs (<c>===</c>), Docusaurus admonitions (<c>:::</c>) and
/// kramdown attribute lists (<c>{: #id}</c>). Each body is ordinary Markdown parsed in place, so positions stay those
/// of the file. Plain CommonMark never starts a block with these markers except a setext underline (<c>===</c> alone),
/// which is left as it is.
/// </summary>
/// <remarks>
/// It must come before heading ids: an attribute list sets a heading's id while the blocks are parsed, so the id is
/// there when ids are given out.
/// </remarks>
public sealed class GeneratorBlocksExtension : IMarkdownExtension
{
    /// <inheritdoc />
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        pipeline.BlockParsers.AddIfNotAlready<MkDocsAdmonitionParser>();
        pipeline.BlockParsers.AddIfNotAlready<ContentTabParser>();
        pipeline.BlockParsers.AddIfNotAlready<DocusaurusAdmonitionParser>();
        pipeline.BlockParsers.AddIfNotAlready<KramdownIalParser>();
        // An attribute list before a block waits for that block to close; every kind of block can be that block.
        foreach (var parser in pipeline.BlockParsers)
        {
            parser.Closed -= KramdownIalParser.OnClosed;
            parser.Closed += KramdownIalParser.OnClosed;
        }
    }

    /// <inheritdoc />
    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html)
        {
            html.ObjectRenderers.AddIfNotAlready<AdmonitionRenderer>();
            html.ObjectRenderers.AddIfNotAlready<ContentTabRenderer>();
        }
    }
}

/// <summary>Adds <see cref="GeneratorBlocksExtension"/> to a pipeline builder.</summary>
public static class GeneratorBlocksBuilderExtensions
{
    extension(MarkdownPipelineBuilder pipeline)
    {
        /// <summary>MkDocs, Docusaurus and kramdown block syntax (<see cref="GeneratorBlocksExtension"/>).</summary>
        public MarkdownPipelineBuilder UseGeneratorBlocks() => pipeline.Use<GeneratorBlocksExtension>();
    }
}
