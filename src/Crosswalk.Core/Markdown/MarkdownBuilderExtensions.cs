using Markdig;

namespace Crosswalk.Markdown;

/// <summary>Adds Crosswalk's Markdig extensions to a pipeline builder.</summary>
public static class MarkdownBuilderExtensions
{
    extension(MarkdownPipelineBuilder pipeline)
    {
        /// <summary>
        /// Heading ids by github-slugger's rules (<see cref="GitHubHeadingIdsExtension"/>). Placed before link capture
        /// when that is already added: both run when the document is complete, and a heading's text must be read first.
        /// </summary>
        public MarkdownPipelineBuilder UseGitHubHeadingIds()
        {
            if (!pipeline.Extensions.Contains<GitHubHeadingIdsExtension>()
                && !pipeline.Extensions.InsertBefore<LinkCaptureExtension>(new GitHubHeadingIdsExtension()))
            {
                pipeline.Extensions.Add(new GitHubHeadingIdsExtension());
            }
            return pipeline;
        }

        /// <summary>A link to itself at the end of each heading (<see cref="HeadingAnchorsExtension"/>).</summary>
        public MarkdownPipelineBuilder UseHeadingAnchors() => pipeline.Use<HeadingAnchorsExtension>();

        /// <summary>Links captured into the <see cref="LinkCapture"/> of the parser context (<see cref="LinkCaptureExtension"/>).</summary>
        public MarkdownPipelineBuilder UseLinkCapture() => pipeline.Use<LinkCaptureExtension>();
    }
}
