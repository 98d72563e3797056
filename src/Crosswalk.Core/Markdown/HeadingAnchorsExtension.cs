using System.Globalization;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Crosswalk.Markdown;

/// <summary>
/// Ends each heading that has an id with a link to itself, as GitHub does:
/// <c>&lt;a class="heading-anchor" href="#id" aria-label="Link to this section"&gt;#&lt;/a&gt;</c>.
/// </summary>
/// <remarks>
/// The link is written by the HTML renderer (<see cref="HeadingAnchorRenderer"/> in place of Markdig's heading
/// renderer) rather than added to the document, so link checking never sees it and a caller that keeps no HTML can
/// take Markdig's renderer back. It adds no id, so it can come before or after whatever gives headings their ids.
/// </remarks>
public sealed class HeadingAnchorsExtension : IMarkdownExtension
{
    /// <inheritdoc />
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    /// <inheritdoc />
    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<HeadingAnchorRenderer>())
        {
            html.ObjectRenderers.ReplaceOrAdd<HeadingRenderer>(new HeadingAnchorRenderer());
        }
    }
}

/// <summary>Renders a heading as Markdig does, with the anchor link of <see cref="HeadingAnchorsExtension"/> after its text.</summary>
public sealed class HeadingAnchorRenderer : HtmlObjectRenderer<HeadingBlock>
{
    private static readonly string[] Tags = ["h1", "h2", "h3", "h4", "h5", "h6"];

    /// <inheritdoc />
    protected override void Write(HtmlRenderer renderer, HeadingBlock heading)
    {
        var tag = heading.Level is >= 1 and <= 6 ? Tags[heading.Level - 1] : "h" + heading.Level.ToString(CultureInfo.InvariantCulture);
        if (renderer.EnableHtmlForBlock)
        {
            renderer.Write('<').Write(tag).WriteAttributes(heading).Write('>');
        }
        renderer.WriteLeafInline(heading);
        // Inline HTML at the end of the heading's text: left out where inline HTML is (plain-text renderings).
        if (renderer.EnableHtmlForInline && heading.Inline is not null && heading.TryGetAttributes()?.Id is { } id)
        {
            renderer.Write("<a class=\"heading-anchor\" href=\"#").Write(HtmlEscape.Attribute(id)).Write("\" aria-label=\"Link to this section\">#</a>");
        }
        if (renderer.EnableHtmlForBlock)
        {
            renderer.Write("</").Write(tag).WriteLine('>');
        }
        renderer.EnsureLine();
    }
}
