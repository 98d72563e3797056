using System.Text;

namespace Crosswalk.Oscal;

/// <summary>
/// Text from documents and catalogs made fit for OSCAL's fields. Strings reach the JSON only through the writer (which
/// escapes them for JSON); these make them valid for the field's type and inert as Markdown.
/// </summary>
public static class OscalText
{
    /// <summary>
    /// One line (OSCAL's string type: no line breaks, no leading or trailing whitespace): runs of whitespace, line
    /// breaks included, become one space; <paramref name="fallback"/> (made one line too) when nothing is left.
    /// </summary>
    public static string Line(string? text, string fallback)
    {
        var sb = new StringBuilder(text?.Length ?? 0);
        var space = false;
        var s = text ?? "";
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c == '\uFEFF')
            {
                space = sb.Length > 0;
                continue;
            }
            if (space)
            {
                sb.Append(' ');
                space = false;
            }
            if (char.IsSurrogate(c) && !(i + 1 < s.Length && char.IsSurrogatePair(c, s[i + 1])))
            {
                // A lone surrogate (a YAML escape can make one) is no text: the JSON writer would refuse it.
                sb.Append('\uFFFD');
                continue;
            }
            if (char.IsHighSurrogate(c))
            {
                sb.Append(c).Append(s[++i]);
                continue;
            }
            sb.Append(c);
        }
        return sb.Length > 0 ? sb.ToString() : fallback.Length > 0 ? Line(fallback, "") : "";
    }

    /// <summary>
    /// <see cref="Line"/> as Markdown for the middle of a sentence: CommonMark's inline syntax characters escaped, so
    /// the text cannot become a link, an image, emphasis or raw HTML.
    /// </summary>
    public static string Inline(string? text, string fallback)
    {
        var line = Line(text, fallback);
        if (line.AsSpan().IndexOfAny(s_inline) < 0)
        {
            return line;
        }
        var sb = new StringBuilder(line.Length + 8);
        foreach (var c in line)
        {
            sb.Append(s_inline.Contains(c) ? "\\" : "").Append(c);
        }
        return sb.ToString();
    }

    /// <summary>
    /// <see cref="Line"/> as Markdown text that says what it says: a document's title cannot become a link, an image,
    /// emphasis or raw HTML in a tool that renders OSCAL's markup fields. CommonMark's inline syntax characters are
    /// escaped everywhere, and any ASCII punctuation at the start, where a block marker (<c>#</c>, <c>-</c>, <c>1.</c>) could begin.
    /// </summary>
    public static string Markdown(string? text, string fallback)
    {
        var line = Line(text, fallback);
        var sb = new StringBuilder(line.Length + 8);
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (s_inline.Contains(c) || (i == 0 && char.IsAsciiLetterOrDigit(c) is false && c < 128) || (i > 0 && IsListMarker(line, i)))
            {
                sb.Append('\\');
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    // An ordered-list marker after a number at the start ("1. ", "2) ").
    private static bool IsListMarker(string line, int i) =>
        line[i] is '.' or ')' && line.AsSpan(0, i).ContainsAnyExceptInRange('0', '9') is false;

    private static readonly System.Buffers.SearchValues<char> s_inline = System.Buffers.SearchValues.Create("\\`*_[]<>&!|~");

    /// <summary>
    /// A configured origin (<c>https://docs.example.com</c>) fit to start a URI: any character RFC 3986 does not allow
    /// there is percent-encoded as UTF-8, so a stray space, '#' or '?' cannot make the reference invalid or cut it short.
    /// </summary>
    public static string Origin(string text) => Encode(text, s_originChars);

    /// <summary>A fragment (a row's id), percent-encoded where RFC 3986 does not allow a character in one.</summary>
    public static string Fragment(string text) => Encode(text, s_fragmentChars);

    private static string Encode(string text, System.Buffers.SearchValues<char> keep)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length + 16);
        var bytes = Encoding.UTF8.GetBytes(text);
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            // A '%' that starts an escape stays; a stray one is encoded itself.
            var escape = b == '%' && i + 2 < bytes.Length && char.IsAsciiHexDigit((char)bytes[i + 1]) && char.IsAsciiHexDigit((char)bytes[i + 2]);
            if (escape || (b < 128 && b != '%' && keep.Contains((char)b)))
            {
                sb.Append((char)b);
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return sb.ToString();
    }

    private const string Unreserved = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~";
    private static readonly System.Buffers.SearchValues<char> s_originChars = System.Buffers.SearchValues.Create(Unreserved + ":/@!$&'()*+,;=[]");
    private static readonly System.Buffers.SearchValues<char> s_fragmentChars = System.Buffers.SearchValues.Create(Unreserved + ":/@!$&'()*+,;=?");
}
