using Crosswalk.Markdown.Slugs;
using Markdig;
using Markdig.Extensions.EmphasisExtras;

namespace Crosswalk.Markdown;

/// <summary>
/// Builds the one Markdig pipeline a build uses: CommonMark plus GFM, and Crosswalk's own extensions. Markdig pipelines
/// are immutable and thread-safe; the extensions keep what they find on the document or in the parser context.
/// </summary>
public static class MarkdownPipelineFactory
{
    /// <summary>The pipeline with github-slugger's heading ids: <see cref="Create(SlugRule)"/> with <see cref="SlugRule.GitHub"/>.</summary>
    public static MarkdownPipeline Create() => Create(SlugRule.GitHub);

    /// <summary>
    /// CommonMark + GFM (pipe tables, task lists, footnotes, autolinks, strikethrough, alerts) + <c>{#id}</c> attributes,
    /// heading ids by <paramref name="slugs"/> with anchor links, and link capture (given a <see cref="LinkCapture"/> in
    /// the context). <c>Markdig.Markdown.ToHtml(text, pipeline)</c> alone gives the heading ids and anchors.
    /// </summary>
    /// <param name="slugs">How heading ids are made: the site's generator (<c>slugs:</c> in site.yml).</param>
    public static MarkdownPipeline Create(SlugRule slugs) => new MarkdownPipelineBuilder()
        .UsePreciseSourceLocation()
        .UsePipeTables()
        .UseTaskLists()
        .UseFootnotes()
        .UseAutoLinks()
        .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough)
        .UseAlertBlocks()
        .UseGeneratorBlocks()
        // These three add no parser: they work on the finished document and in the renderer. Ids before links.
        .UseHeadingIds(slugs)
        .UseHeadingAnchors()
        .UseLinkCapture()
        // Generic attributes must come last: it attaches to what the other extensions produced.
        .UseGenericAttributes()
        .Build();
}
