using System.Globalization;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Crosswalk.Markdown.Syntax;

/// <summary>
/// Writes a set of content tabs, every tab's body included, as radio-button tabs that need no script:
/// <c>&lt;div class="tabbed-set"&gt;</c> then, per tab, <c>&lt;label class="tabbed-label"&gt;&lt;input type="radio"
/// name="cw-tabs-N"&gt; Label&lt;/label&gt;</c> and <c>&lt;div class="tabbed-block"&gt;</c>. The radio buttons of a set share a
/// name, so arrow keys move between tabs and a screen reader says which is chosen; the stylesheet shows the body after
/// the checked one. Without the stylesheet each body follows its label.
/// </summary>
public sealed class ContentTabRenderer : HtmlObjectRenderer<ContentTabBlock>
{
    /// <inheritdoc />
    protected override void Write(HtmlRenderer renderer, ContentTabBlock tab)
    {
        var set = tab.Set;
        if (set[0] != tab)
        {
            return; // The set's first tab wrote this one.
        }
        var selected = set.FirstOrDefault(t => t.Selected) ?? tab;
        var name = "cw-tabs-" + tab.SetNumber.ToString(CultureInfo.InvariantCulture);
        renderer.EnsureLine();
        if (renderer.EnableHtmlForBlock)
        {
            renderer.WriteLine("<div class=\"tabbed-set\">");
        }
        foreach (var each in set)
        {
            if (renderer.EnableHtmlForBlock)
            {
                renderer.Write("<label class=\"tabbed-label\"><input type=\"radio\" name=\"").Write(name).Write('"')
                    .Write(each == selected ? " checked> " : "> ");
            }
            if (each.Label is not null)
            {
                renderer.WriteLeafInline(each.Label);
            }
            if (renderer.EnableHtmlForBlock)
            {
                renderer.Write("</label>");
            }
            renderer.WriteLine();
            if (renderer.EnableHtmlForBlock)
            {
                renderer.Write("<div").WriteAttributes(each).WriteLine(">");
            }
            ContainerChildren.Write(renderer, each, each.Label);
            if (renderer.EnableHtmlForBlock)
            {
                renderer.WriteLine("</div>");
            }
        }
        if (renderer.EnableHtmlForBlock)
        {
            renderer.WriteLine("</div>");
        }
        renderer.EnsureLine();
    }
}
