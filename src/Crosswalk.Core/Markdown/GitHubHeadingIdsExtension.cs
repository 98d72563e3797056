using Crosswalk.Content;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Crosswalk.Markdown;

/// <summary>
/// Gives every heading the id GitHub gives it (<see cref="GitHubSlugger"/>): an explicit <c>{#id}</c> is kept, and
/// no generated id repeats one; repeats get <c>-1</c>, <c>-2</c>. Markdig's own <c>UseAutoIdentifiers</c> drops
/// combining marks and characters outside the BMP and calls an empty heading "section", so it is not used.
/// The headings, with their ids and text, are kept on the document: <see cref="GetHeadings"/>.
/// </summary>
/// <remarks>
/// It runs once the document is complete (<see cref="MarkdownPipelineBuilder.DocumentProcessed"/>): a setext
/// heading's <c>{#id}</c> is read with its inlines, so only then is every explicit id known (all are taken before
/// any slug is made), and footnotes are in their final order. The slugger lives for that one call.
/// </remarks>
public sealed class GitHubHeadingIdsExtension : IMarkdownExtension
{
    private static readonly object HeadingsKey = new();

    /// <summary>The headings of a document parsed with this extension, in document order (empty without it).</summary>
    public static IReadOnlyList<Heading> GetHeadings(MarkdownDocument document) => document.GetData(HeadingsKey) as IReadOnlyList<Heading> ?? [];

    /// <inheritdoc />
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        pipeline.DocumentProcessed -= AssignIds;
        pipeline.DocumentProcessed += AssignIds;
    }

    /// <inheritdoc />
    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    private static void AssignIds(MarkdownDocument document)
    {
        var all = document.Descendants<HeadingBlock>().ToList();
        if (all.Count == 0)
        {
            return;
        }
        var slugger = new GitHubSlugger();
        foreach (var heading in all)
        {
            if (heading.TryGetAttributes()?.Id is { Length: > 0 } explicitId)
            {
                slugger.Reserve(explicitId);
            }
        }
        var headings = new Heading[all.Count];
        for (var i = 0; i < all.Count; i++)
        {
            var text = InlineText.Of(all[i].Inline).Trim();
            var attributes = all[i].GetAttributes();
            var id = attributes.Id is { Length: > 0 } given ? given : slugger.Slug(text);
            attributes.Id = id;
            headings[i] = new Heading(all[i].Level, id, text);
        }
        document.SetData(HeadingsKey, headings);
    }
}
