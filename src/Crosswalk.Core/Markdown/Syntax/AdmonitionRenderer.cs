using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Crosswalk.Markdown.Syntax;

/// <summary>
/// Writes an admonition as <c>&lt;div class="admonition note"&gt;</c> with a <c>&lt;p class="admonition-title"&gt;</c>
/// (MkDocs's HTML), or, when it folds, as <c>&lt;details&gt;</c> with the title in its <c>&lt;summary&gt;</c>, which
/// browsers make keyboard-operable and announce as expandable.
/// </summary>
public sealed class AdmonitionRenderer : HtmlObjectRenderer<AdmonitionBlock>
{
    /// <inheritdoc />
    protected override void Write(HtmlRenderer renderer, AdmonitionBlock block)
    {
        var folds = block.Fold != AdmonitionFold.None;
        var tag = folds ? "details" : "div";
        renderer.EnsureLine();
        if (renderer.EnableHtmlForBlock)
        {
            renderer.Write('<').Write(tag).WriteAttributes(block).Write(block.Fold == AdmonitionFold.Open ? " open>" : ">").WriteLine();
        }
        if (block.Title is not null || block.DefaultTitle is not null)
        {
            if (renderer.EnableHtmlForBlock)
            {
                renderer.Write(folds ? "<summary class=\"admonition-title\">" : "<p class=\"admonition-title\">");
            }
            if (block.Title is not null)
            {
                renderer.WriteLeafInline(block.Title);
            }
            else
            {
                renderer.WriteEscape(block.DefaultTitle);
            }
            if (renderer.EnableHtmlForBlock)
            {
                renderer.Write(folds ? "</summary>" : "</p>");
            }
            renderer.WriteLine();
        }
        ContainerChildren.Write(renderer, block, block.Title);
        if (renderer.EnableHtmlForBlock)
        {
            renderer.Write("</").Write(tag).WriteLine(">");
        }
        renderer.EnsureLine();
    }
}
