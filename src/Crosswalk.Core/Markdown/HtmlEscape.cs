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
        return AppendText(new StringBuilder(value.Length + 16), value).ToString();
    }

    /// <summary>Appends <paramref name="value"/> escaped for element content and attribute values.</summary>
    public static StringBuilder AppendText(StringBuilder sb, ReadOnlySpan<char> value)
    {
        while (value.IndexOfAny("&<>\"'") is var i and >= 0)
        {
            sb.Append(value[..i]).Append(value[i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => "&#39;",
            });
            value = value[(i + 1)..];
        }
        return sb.Append(value);
    }

    /// <summary>Escapes an attribute value.</summary>
    public static string Attribute(string? value) => Text(value);

    /// <summary>Escapes a URL for an href: percent-encodes spaces and non-ASCII like Markdig does, then HTML-escapes.</summary>
    public static string Url(string url)
    {
        // Site URLs rarely need either: printable ASCII other than the characters below comes back as it is.
        if (url.AsSpan().IndexOfAnyExcept(UrlSafe) < 0)
        {
            return url;
        }
        return UrlSlowly(url);
    }

    private static readonly System.Buffers.SearchValues<char> UrlSafe = System.Buffers.SearchValues.Create(
        "!#$%()*+,-./0123456789:;=?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]_abcdefghijklmnopqrstuvwxyz~");

    internal static string UrlSlowly(string url)
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
