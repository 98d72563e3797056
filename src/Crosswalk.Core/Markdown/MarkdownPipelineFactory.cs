using Markdig;
using Markdig.Extensions.EmphasisExtras;

namespace Crosswalk.Markdown;

/// <summary>
/// Builds the one Markdig pipeline a build uses: CommonMark plus GFM, and Crosswalk's own extensions. Markdig pipelines
/// are immutable and thread-safe; the extensions keep what they find on the document or in the parser context.
/// </summary>
public static class MarkdownPipelineFactory
{
    /// <summary>
    /// CommonMark + GFM (pipe tables, task lists, footnotes, autolinks, strikethrough, alerts) + <c>{#id}</c> attributes,
    /// github-slugger heading ids with anchor links, and link capture (given a <see cref="LinkCapture"/> in the context).
    /// <c>Markdig.Markdown.ToHtml(text, pipeline)</c> alone gives GitHub's heading ids and anchors.
    /// </summary>
    public static MarkdownPipeline Create() => new MarkdownPipelineBuilder()
        .UsePreciseSourceLocation()
        .UsePipeTables()
        .UseTaskLists()
        .UseFootnotes()
        .UseAutoLinks()
        .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough)
        .UseAlertBlocks()
        .UseGeneratorBlocks()
        // These three add no parser: they work on the finished document and in the renderer. Ids before links.
        .UseGitHubHeadingIds()
        .UseHeadingAnchors()
        .UseLinkCapture()
        // Generic attributes must come last: it attaches to what the other extensions produced.
        .UseGenericAttributes()
        .Build();
}
