using Markdig;
using Markdig.Extensions.EmphasisExtras;

namespace Crosswalk.Markdown;

/// <summary>Builds the one Markdig pipeline a build uses: CommonMark plus GFM. Markdig pipelines are immutable and thread-safe.</summary>
public static class MarkdownPipelineFactory
{
    /// <summary>CommonMark + GFM (pipe tables, task lists, footnotes, autolinks, strikethrough, alerts) + <c>{#id}</c> attributes.</summary>
    public static MarkdownPipeline Create() => new MarkdownPipelineBuilder()
        .UsePreciseSourceLocation()
        .UsePipeTables()
        .UseTaskLists()
        .UseFootnotes()
        .UseAutoLinks()
        .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough)
        .UseAlertBlocks()
        // Generic attributes must come last: it attaches to what the other extensions produced.
        .UseGenericAttributes()
        .Build();
}
