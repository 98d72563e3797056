using System.Text;

namespace Crosswalk.Markdown;

/// <summary>HTML escaping used for every value that reaches a page.</summary>
public static class HtmlEscape
{
    /// <summary>Escapes text for element content and attribute values.</summary>
    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        if (value.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return value;
        }
        var sb = new StringBuilder(value.Length + 16);
        foreach (var c in value)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }
        return sb.ToString();
    }

    /// <summary>Escapes an attribute value.</summary>
    public static string Attribute(string? value) => Text(value);

    /// <summary>Escapes a URL for an href: percent-encodes spaces and non-ASCII like Markdig does, then HTML-escapes.</summary>
    public static string Url(string url)
    {
        var sb = new StringBuilder(url.Length);
        foreach (var b in Encoding.UTF8.GetBytes(url))
        {
            if (b <= 0x20 || b >= 0x7F || b is (byte)'"' or (byte)'<' or (byte)'>' or (byte)'\\' or (byte)'^' or (byte)'`' or (byte)'{' or (byte)'|' or (byte)'}')
            {
                sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append((char)b);
            }
        }
        return Text(sb.ToString());
    }

    /// <summary>
    /// Percent-encodes a decoded site path (a page or file URL) for an href: unlike <see cref="Url"/>, it also encodes
    /// '%', '#' and '?', which in a file name are characters, not URL syntax. The result needs no HTML escaping.
    /// </summary>
    public static string Path(string decodedPath) =>
        decodedPath.AsSpan().IndexOfAnyExcept(PathSafe) < 0 ? decodedPath : PathSlowly(decodedPath);

    // What Path leaves as it is (ASCII only: anything else is percent-encoded as UTF-8).
    private static readonly System.Buffers.SearchValues<char> PathSafe =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/-._~!$()*+,;=:@");

    internal static string PathSlowly(string decodedPath)
    {
        var sb = new StringBuilder(decodedPath.Length + 8);
        foreach (var b in Encoding.UTF8.GetBytes(decodedPath))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '.' or '_' or '~' or '!' or '$' or '(' or ')' or '*' or '+' or ',' or ';' or '=' or ':' or '@')
            {
                sb.Append(c);
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return sb.ToString();
    }
}
