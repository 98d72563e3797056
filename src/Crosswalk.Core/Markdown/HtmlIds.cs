using System.Text.RegularExpressions;

namespace Crosswalk.Markdown;

/// <summary>Collects the ids a browser can scroll to (<c>id</c>, and <c>name</c>) from the start tags of HTML.</summary>
public static partial class HtmlIds
{
    /// <summary>
    /// Every id/name value in the start tags of <paramref name="html"/>, entity-decoded; comments are skipped. A hand-written
    /// scan: it runs over every rendered page, where a regex allocated a match object per tag.
    /// </summary>
    public static HashSet<string> Collect(string html) => Collect(html.AsSpan());

    /// <inheritdoc cref="Collect(string)"/>
    public static HashSet<string> Collect(ReadOnlySpan<char> html)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var span = html;
        var i = 0;
        while (i < span.Length && span[i..].IndexOf('<') is var next && next >= 0 && i + next + 1 < span.Length)
        {
            i += next;
            if (span[i..].StartsWith("<!--"))
            {
                var end = span[(i + 4)..].IndexOf("-->");
                if (end < 0)
                {
                    break;
                }
                i += 4 + end + 3;
                continue;
            }
            if (!char.IsAsciiLetter(span[i + 1]))
            {
                i++;
                continue;
            }
            // Text content never holds a raw '<' (Markdig escapes it), so a tag runs to the next '>' with no '<' before it.
            var close = span[(i + 1)..].IndexOfAny('<', '>');
            if (close < 0 || span[i + 1 + close] == '<')
            {
                i++;
                continue;
            }
            ReadAttributes(html, i + 1, i + 1 + close, ids);
            i += close + 2;
        }
        return ids;
    }

    private static void ReadAttributes(ReadOnlySpan<char> html, int start, int end, HashSet<string> ids)
    {
        var p = start;
        while (p < end && !char.IsWhiteSpace(html[p]) && html[p] != '/')
        {
            p++; // tag name
        }
        while (p < end)
        {
            while (p < end && (char.IsWhiteSpace(html[p]) || html[p] == '/'))
            {
                p++;
            }
            var nameStart = p;
            while (p < end && !char.IsWhiteSpace(html[p]) && html[p] is not '=' and not '/')
            {
                p++;
            }
            var name = html.Slice(nameStart, p - nameStart);
            while (p < end && char.IsWhiteSpace(html[p]))
            {
                p++;
            }
            if (p >= end || html[p] != '=')
            {
                continue; // an attribute without a value
            }
            p++;
            while (p < end && char.IsWhiteSpace(html[p]))
            {
                p++;
            }
            int valueStart, valueEnd;
            if (p < end && html[p] is '"' or '\'')
            {
                var quote = html[p];
                valueStart = p + 1;
                valueEnd = html[valueStart..end].IndexOf(quote);
                if (valueEnd < 0)
                {
                    return;
                }
                valueEnd += valueStart;
                p = valueEnd + 1;
            }
            else
            {
                valueStart = p;
                while (p < end && !char.IsWhiteSpace(html[p]))
                {
                    p++;
                }
                valueEnd = p;
            }
            if (name.Equals("id", StringComparison.OrdinalIgnoreCase) || name.Equals("name", StringComparison.OrdinalIgnoreCase))
            {
                var value = html[valueStart..valueEnd].ToString();
                ids.Add(value.Contains('&') ? System.Net.WebUtility.HtmlDecode(value) : value);
            }
        }
    }

    /// <summary>
    /// A comment (group <c>comment</c>) or a start tag (group <c>tag</c>). Text content never holds a raw '&lt;'
    /// (Markdig escapes it), so every tag match is a real tag; matching comments first keeps their contents out.
    /// </summary>
    [GeneratedRegex(@"(?<comment><!--.*?-->)|(?<tag><[a-zA-Z][^<>]*>)", RegexOptions.Singleline)]
    internal static partial Regex TagOrComment();
}
