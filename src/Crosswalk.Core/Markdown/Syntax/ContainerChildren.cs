using Markdig.Renderers;
using Markdig.Syntax;

namespace Crosswalk.Markdown.Syntax;

/// <summary>Writes a container's body: its children but the title its own renderer wrote.</summary>
internal static class ContainerChildren
{
    public static void Write(HtmlRenderer renderer, ContainerBlock container, BlockTitle? title)
    {
        // As Markdig does for a block quote: a paragraph in the body keeps its <p> even inside a tight list item.
        var implicitParagraph = renderer.ImplicitParagraph;
        renderer.ImplicitParagraph = false;
        foreach (var child in container)
        {
            if (child != title)
            {
                renderer.Write(child);
            }
        }
        renderer.ImplicitParagraph = implicitParagraph;
    }
}
