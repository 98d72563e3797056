using System.Net;
using System.Text;

namespace Crosswalk.Search;

/// <summary>A part of a page the search shows as one result line: the heading it starts at (none for the text before the first heading) and its text.</summary>
/// <param name="Id">The heading's id ("" for the text before the first heading).</param>
/// <param name="Heading">The heading's text.</param>
/// <param name="Text">The section's plain text, whitespace collapsed.</param>
public sealed record SearchSection(string Id, string Heading, string Text);

/// <summary>
/// Turns body HTML into sections of plain text, and text into search terms. The HTML is Markdig's output with whatever
/// raw HTML a page holds: it is read, never trusted, and nothing of it is written back as markup.
/// </summary>
public static class SearchText
{
    // Elements whose content is no text a reader sees.
    private static readonly HashSet<string> Hidden = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "template", "svg", "noscript", "iframe", "object", "textarea" };

    // Inline elements: a tag of one of them does not separate words ("foo<em>bar</em>" is one word).
    private static readonly HashSet<string> Inline = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i", "ins", "kbd", "mark", "q", "s", "samp", "small", "span",
        "strong", "sub", "sup", "time", "u", "var",
    };

    /// <summary>
    /// The sections of <paramref name="html"/>: one per heading with an id (its text taken from <paramref name="headings"/>
    /// when listed there, which leaves out the anchor link a heading carries), and one for the text before the first.
    /// </summary>
    public static List<SearchSection> Sections(ReadOnlySpan<char> html, IReadOnlyDictionary<string, string> headings)
    {
        var sections = new List<SearchSection>();
        var (id, heading) = ("", "");
        // The thread's builders, kept from page to page (a large one is let go).
        var text = t_text ??= new StringBuilder();
        var headingText = t_heading ??= new StringBuilder();
        text.Clear();
        headingText.Clear();
        string? inHeading = null; // the heading tag being read, its text going to headingText
        var i = 0;
        while (i < html.Length)
        {
            var lt = IndexOf(html, '<', i);
            var run = lt < 0 ? html[i..] : html[i..lt];
            if (!run.IsEmpty)
            {
                // Most runs hold no entity: appended as they are, without a string of their own.
                var into = inHeading is null ? text : headingText;
                if (run.Contains('&'))
                {
                    into.Append(WebUtility.HtmlDecode(run.ToString()));
                }
                else
                {
                    into.Append(run);
                }
            }
            if (lt < 0)
            {
                break;
            }
            var (nameRange, end, closing, tagId) = Tag(html, lt);
            var name = html[nameRange];
            i = end;
            if (name.IsEmpty)
            {
                // A lone '<' is text; a comment or declaration is skipped by Tag.
                if (end == lt + 1)
                {
                    (inHeading is null ? text : headingText).Append('<');
                }
                continue;
            }
            if (!closing && HiddenNames.Contains(name))
            {
                var close = html[i..].IndexOf(string.Concat("</", name), StringComparison.OrdinalIgnoreCase) is var c and >= 0 ? i + c : -1;
                i = close < 0 ? html.Length : IndexOf(html, '>', close) is var gt and >= 0 ? gt + 1 : html.Length;
                continue;
            }
            if (IsHeading(name))
            {
                if (!closing && inHeading is null)
                {
                    Flush();
                    inHeading = name.ToString();
                    (id, heading) = (tagId ?? "", "");
                    headingText.Clear();
                }
                else if (closing && name.Equals(inHeading, StringComparison.OrdinalIgnoreCase))
                {
                    heading = headings.TryGetValue(id, out var listed) ? listed : Collapse(headingText);
                    inHeading = null;
                }
                continue;
            }
            if (!InlineNames.Contains(name))
            {
                (inHeading is null ? text : headingText).Append(' ');
            }
        }
        if (inHeading is not null)
        {
            heading = Collapse(headingText);
        }
        Flush();
        headingText.Clear();
        if (text.Capacity > KeptChars || headingText.Capacity > KeptChars)
        {
            (t_text, t_heading) = (null, null);
        }
        return sections;

        void Flush()
        {
            var body = Collapse(text);
            if (body.Length > 0 || heading.Length > 0)
            {
                sections.Add(new SearchSection(id, heading, body));
            }
            text.Clear();
        }
    }

    /// <summary>A thread's text builder grown past this many characters is let go rather than kept for small pages.</summary>
    internal const int KeptChars = 1 << 20;

    [ThreadStatic]
    private static StringBuilder? t_text;

    [ThreadStatic]
    private static StringBuilder? t_heading;

    // The index of c in text at or after from, or -1.
    private static int IndexOf(ReadOnlySpan<char> text, char c, int from) => text[from..].IndexOf(c) is var at and >= 0 ? from + at : -1;

    // Looked up by the tag name as it stands in the HTML, without a string made of every tag's name.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> HiddenNames = Hidden.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> InlineNames = Inline.GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool IsHeading(ReadOnlySpan<char> name) => name.Length == 2 && (name[0] is 'h' or 'H') && name[1] is >= '1' and <= '6';

    /// <summary>The tag at <paramref name="at"/> (a '&lt;'): where its name stands (empty when it is none), where it ends, whether it closes, and its id.</summary>
    private static (Range Name, int End, bool Closing, string? Id) Tag(ReadOnlySpan<char> html, int at)
    {
        var none = new Range(at, at);
        if (html[at..].StartsWith("<!--"))
        {
            var close = at + 4 <= html.Length && html[(at + 4)..].IndexOf("-->", StringComparison.Ordinal) is var c and >= 0 ? at + 4 + c : -1;
            return (none, close < 0 ? html.Length : close + 3, false, null);
        }
        var p = at + 1;
        var closing = p < html.Length && html[p] == '/';
        if (closing)
        {
            p++;
        }
        if (p >= html.Length || !(char.IsAsciiLetter(html[p]) || (!closing && html[p] is '!' or '?')))
        {
            return (none, at + 1, false, null);
        }
        var gt = IndexOf(html, '>', p);
        var end = gt < 0 ? html.Length : gt + 1;
        if (html[p] is '!' or '?')
        {
            return (none, end, false, null);
        }
        var nameEnd = p;
        while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] == '-'))
        {
            nameEnd++;
        }
        return (p..nameEnd, end, closing, closing ? null : IdOf(html[nameEnd..end]));
    }

    // The id attribute of a tag's attribute text (headings as Markdig writes them: id="x").
    private static string? IdOf(ReadOnlySpan<char> attributes)
    {
        var at = attributes.IndexOf(" id=\"", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }
        var value = attributes[(at + 5)..];
        var end = value.IndexOf('"');
        return end < 0 ? null : WebUtility.HtmlDecode(value[..end].ToString());
    }

    // The text with each run of whitespace made one space, trimmed: read chunk by chunk and written once, with no
    // copy of the whole text made first.
    private static string Collapse(StringBuilder text)
    {
        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(Math.Max(1, text.Length));
        try
        {
            var length = 0;
            var space = false;
            foreach (var chunk in text.GetChunks())
            {
                foreach (var c in chunk.Span)
                {
                    if (char.IsWhiteSpace(c))
                    {
                        space = length > 0;
                        continue;
                    }
                    if (space)
                    {
                        buffer[length++] = ' ';
                        space = false;
                    }
                    buffer[length++] = c;
                }
            }
            return new string(buffer, 0, length);
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The terms of <paramref name="text"/>, lower-cased, in order: runs of letters and digits, kept whole across a
    /// '.', '-' or '_' between two of them, so criterion ids (<c>CC6.1</c>, <c>A.5.15</c>) are one term each. search.js
    /// splits a query by the same rule.
    /// </summary>
    public static IEnumerable<string> Terms(string text)
    {
        var at = 0;
        while (NextTerm(text, ref at) is { } term)
        {
            yield return text[term].ToLowerInvariant();
        }
    }

    /// <summary>Where the next term of <paramref name="text"/> from <paramref name="at"/> stands (as written, not lower-cased), or null; <paramref name="at"/> moves past it.</summary>
    public static Range? NextTerm(ReadOnlySpan<char> text, ref int at)
    {
        var i = at;
        while (i < text.Length && !char.IsLetterOrDigit(text[i]))
        {
            i++;
        }
        if (i == text.Length)
        {
            at = i;
            return null;
        }
        var start = i;
        while (i < text.Length && (char.IsLetterOrDigit(text[i])
            || (text[i] is '.' or '-' or '_' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]))))
        {
            i++;
        }
        at = i;
        return start..i;
    }
}
