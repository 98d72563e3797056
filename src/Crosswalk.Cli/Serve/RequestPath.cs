using System.Text;

namespace Crosswalk.Cli.Serve;

/// <summary>
/// Turns a raw HTTP request target into a safe site path, refusing anything that could escape the site in any
/// encoding: dot segments, backslashes, encoded separators, control characters, absolute and drive paths, overlong
/// or otherwise invalid UTF-8. Percent-decoding is repeated until the text is stable, so double encodings
/// (<c>%252e%252e</c>) are judged by what they finally mean.
/// </summary>
internal static class RequestPath
{
    private const int MaxDecodeRounds = 4;
    private const int MaxLength = 2048;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Normalises <paramref name="rawTarget"/> (as sent on the request line: path and optional query) to a decoded
    /// path that starts with <c>/</c>. Returns false when the target must be refused.
    /// </summary>
    public static bool TryNormalize(string? rawTarget, out string path)
    {
        path = "";
        if (string.IsNullOrEmpty(rawTarget) || rawTarget.Length > MaxLength)
        {
            return false;
        }
        var target = rawTarget;
        // Absolute form (a proxy request: http://host/path) carries the path after the authority.
        var scheme = target.IndexOf("://", StringComparison.Ordinal);
        if (!target.StartsWith('/') && scheme > 0)
        {
            var slash = target.IndexOf('/', scheme + 3);
            target = slash < 0 ? "/" : target[slash..];
        }
        var end = target.IndexOfAny(['?', '#']);
        if (end >= 0)
        {
            target = target[..end];
        }
        if (!target.StartsWith('/'))
        {
            return false;
        }

        var current = target;
        for (var round = 0; ; round++)
        {
            if (!IsSafe(current))
            {
                return false;
            }
            if (!current.Contains('%'))
            {
                break;
            }
            if (round == MaxDecodeRounds || !TryDecode(current, out var decoded))
            {
                return false;
            }
            if (decoded == current)
            {
                break;
            }
            current = decoded;
        }
        path = current;
        return true;
    }

    /// <summary>The stored file for a safe path: <c>/</c> -> <c>index.html</c>, <c>/a/</c> -> <c>a/index.html</c>, <c>/a.css</c> -> <c>a.css</c>.</summary>
    public static string ToFile(string path) => path.EndsWith('/') ? path[1..] + "index.html" : path[1..];

    private static bool IsSafe(string text)
    {
        if (!text.StartsWith('/') || text.StartsWith("//", StringComparison.Ordinal))
        {
            return false;
        }
        foreach (var c in text)
        {
            // Backslashes, NUL and every C0/C1 control character; also U+FFFD, the mark of undecodable input.
            if (c == '\\' || char.IsControl(c) || c == '\uFFFD')
            {
                return false;
            }
        }
        if (text.Contains("%2f", StringComparison.OrdinalIgnoreCase) || text.Contains("%5c", StringComparison.OrdinalIgnoreCase)
            || text.Contains("%00", StringComparison.Ordinal))
        {
            return false;
        }
        var segments = text[1..].Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            // "." and ".." in any spelling after decoding; empty segments (a//b) are not paths a site has.
            if (segment is "." or ".." || (segment.Length == 0 && i < segments.Length - 1))
            {
                return false;
            }
            // A drive (/C:/, /c:) or a Windows device or stream name is an absolute path somewhere.
            if (i == 0 && segment.Length >= 2 && char.IsAsciiLetter(segment[0]) && segment[1] == ':')
            {
                return false;
            }
            // Windows treats trailing dots and spaces as absent ("..." and ".. " would mean "..").
            if (segment.Length > 0 && segment.Trim().TrimEnd('.').Length == 0)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Decodes %XX escapes into bytes and the bytes as strict UTF-8 (overlong forms and surrogates fail).</summary>
    private static bool TryDecode(string text, out string decoded)
    {
        decoded = text;
        var bytes = new List<byte>(text.Length);
        Span<byte> buffer = stackalloc byte[4];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '%' && i + 2 < text.Length && IsHex(text[i + 1]) && IsHex(text[i + 2]))
            {
                bytes.Add((byte)((Hex(text[i + 1]) << 4) | Hex(text[i + 2])));
                i += 2;
                continue;
            }
            if (c < 0x80)
            {
                bytes.Add((byte)c);
                continue;
            }
            var rune = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                ? new Rune(c, text[++i])
                : Rune.IsValid(c) ? new Rune(c) : Rune.ReplacementChar;
            if (rune == Rune.ReplacementChar)
            {
                return false;
            }
            var n = rune.EncodeToUtf8(buffer);
            for (var k = 0; k < n; k++)
            {
                bytes.Add(buffer[k]);
            }
        }
        try
        {
            decoded = StrictUtf8.GetString(bytes.ToArray());
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static int Hex(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
