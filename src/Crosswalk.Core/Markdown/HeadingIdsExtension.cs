using Crosswalk.Content;
using Crosswalk.Markdown.Slugs;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Crosswalk.Markdown;

/// <summary>
/// Gives every heading the id the site's generator gives it, by a <see cref="SlugRule"/> (github-slugger's by default).
/// Explicit <c>{#id}</c> ids are handled as that generator handles them. Markdig's own <c>UseAutoIdentifiers</c> drops
/// combining marks and characters outside the BMP and calls an empty heading "section", so it is not used.
/// The headings, with their ids and text, are kept on the document: <see cref="GetHeadings"/>.
/// </summary>
/// <remarks>
/// It runs once the document is complete (<see cref="MarkdownPipelineBuilder.DocumentProcessed"/>): a setext
/// heading's <c>{#id}</c> is read with its inlines, so only then is every explicit id known (all are passed to the
/// slugger before any slug is made), and footnotes are in their final order. The slugger lives for that one call.
/// </remarks>
/// <param name="rule">How ids are made.</param>
public sealed class HeadingIdsExtension(SlugRule rule) : IMarkdownExtension
{
    private static readonly object HeadingsKey = new();

    /// <summary>The rule this extension makes ids by.</summary>
    public SlugRule Rule { get; } = rule;

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

    private void AssignIds(MarkdownDocument document)
    {
        var all = document.Descendants<HeadingBlock>().ToList();
        if (all.Count == 0)
        {
            return;
        }
        var slugger = Rule.NewSlugger();
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
            var id = attributes.Id is { Length: > 0 } given ? slugger.Explicit(all[i], given) : slugger.Slug(all[i]);
            attributes.Id = id;
            headings[i] = new Heading(all[i].Level, id ?? "", text);
        }
        document.SetData(HeadingsKey, headings);
    }
}
