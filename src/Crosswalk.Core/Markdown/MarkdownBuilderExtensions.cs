using Crosswalk.Markdown.Slugs;
using Markdig;

namespace Crosswalk.Markdown;

/// <summary>Adds Crosswalk's Markdig extensions to a pipeline builder.</summary>
public static class MarkdownBuilderExtensions
{
    extension(MarkdownPipelineBuilder pipeline)
    {
        /// <summary>
        /// Heading ids by <paramref name="rule"/>, github-slugger's when null (<see cref="HeadingIdsExtension"/>). Placed
        /// before link capture when that is already added: both run when the document is complete, and a heading's text
        /// must be read first. A second call keeps the first rule.
        /// </summary>
        public MarkdownPipelineBuilder UseHeadingIds(SlugRule? rule = null)
        {
            var extension = new HeadingIdsExtension(rule ?? SlugRule.GitHub);
            if (!pipeline.Extensions.Contains<HeadingIdsExtension>()
                && !pipeline.Extensions.InsertBefore<LinkCaptureExtension>(extension))
            {
                pipeline.Extensions.Add(extension);
            }
            return pipeline;
        }

        /// <summary>A link to itself at the end of each heading (<see cref="HeadingAnchorsExtension"/>).</summary>
        public MarkdownPipelineBuilder UseHeadingAnchors() => pipeline.Use<HeadingAnchorsExtension>();

        /// <summary>Links captured into the <see cref="LinkCapture"/> of the parser context (<see cref="LinkCaptureExtension"/>).</summary>
        public MarkdownPipelineBuilder UseLinkCapture() => pipeline.Use<LinkCaptureExtension>();
    }
}
