using System.Text;
using Markdig.Syntax.Inlines;

namespace Crosswalk.Markdown.Slugs;

/// <summary>What a piece of a heading's text is, for generators that treat them differently.</summary>
internal enum SegmentKind
{
    /// <summary>Plain text, which typography (smart quotes, dashes) may rewrite.</summary>
    Text,
    /// <summary>A backslash-escaped character or a character reference: text, but never part of a typographic sequence.</summary>
    Literal,
    /// <summary>The content of a code span.</summary>
    Code,
}

/// <summary>One piece of a heading's text.</summary>
internal readonly record struct TextSegment(string Text, SegmentKind Kind);

/// <summary>
/// A heading's text as pieces, for the slug rules whose generators read it differently from <see cref="InlineText"/>:
/// most leave out an image's alt text, and typography in some applies to plain text only.
/// </summary>
internal static class HeadingText
{
    /// <summary>The pieces of <paramref name="container"/> in order; adjacent plain text is one piece.</summary>
    public static List<TextSegment> Segments(ContainerInline? container, bool imageAlt)
    {
        var segments = new List<TextSegment>();
        var text = new StringBuilder();
        if (container is not null)
        {
            Append(container, imageAlt, segments, text);
        }
        Flush(segments, text);
        return segments;
    }

    /// <summary>The pieces joined.</summary>
    public static string Join(List<TextSegment> segments) => string.Concat(segments.Select(s => s.Text));

    private static void Append(ContainerInline container, bool imageAlt, List<TextSegment> segments, StringBuilder text)
    {
        for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LiteralInline { IsFirstCharacterEscaped: true } escaped:
                    Add(segments, text, escaped.Content.ToString(), SegmentKind.Literal);
                    break;
                case LiteralInline literal: text.Append(literal.Content.AsSpan()); break;
                case CodeInline code: Add(segments, text, code.Content, SegmentKind.Code); break;
                case HtmlEntityInline entity: Add(segments, text, entity.Transcoded.ToString(), SegmentKind.Literal); break;
                case LineBreakInline: text.Append(' '); break;
                case AutolinkInline auto: text.Append(auto.Url); break;
                case LinkInline { IsImage: true } when !imageAlt: break;
                case ContainerInline child: Append(child, imageAlt, segments, text); break;
                default: break; // Raw HTML tags contribute no text.
            }
        }
    }

    private static void Add(List<TextSegment> segments, StringBuilder text, string value, SegmentKind kind)
    {
        Flush(segments, text);
        segments.Add(new TextSegment(value, kind));
    }

    private static void Flush(List<TextSegment> segments, StringBuilder text)
    {
        if (text.Length > 0)
        {
            segments.Add(new TextSegment(text.ToString(), SegmentKind.Text));
            text.Clear();
        }
    }
}
