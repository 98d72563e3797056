using System.Text;
using Markdig.Syntax.Inlines;

namespace Crosswalk.Markdown;

/// <summary>Plain text of inline content, as a reader sees it (code spans keep their text, HTML tags are dropped).</summary>
internal static class InlineText
{
    public static string Of(ContainerInline? container)
    {
        if (container is null)
        {
            return "";
        }
        var sb = new StringBuilder();
        Append(container, sb);
        return sb.ToString();
    }

    private static void Append(ContainerInline container, StringBuilder sb)
    {
        for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LiteralInline lit: sb.Append(lit.Content.AsSpan()); break;
                case CodeInline code: sb.Append(code.Content); break;
                case HtmlEntityInline entity: sb.Append(entity.Transcoded.AsSpan()); break;
                case LineBreakInline: sb.Append(' '); break;
                case AutolinkInline auto: sb.Append(auto.Url); break;
                case ContainerInline child: Append(child, sb); break;
                default: break; // Raw HTML tags contribute no text.
            }
        }
    }
}
