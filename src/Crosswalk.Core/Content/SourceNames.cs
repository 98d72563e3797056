using System.Text;

namespace Crosswalk.Content;

/// <summary>
/// Which source file names cannot be published: the name becomes an output path and a URL, so it must be one every
/// file system and browser reads the same, and one a reviewer sees as it is.
/// </summary>
public static class SourceNames
{
    /// <summary>
    /// Why the file or folder at <paramref name="relativePath"/> (with <c>/</c>) cannot be published, or null. Only the
    /// last segment's characters are checked: the folders above were checked on the way down.
    /// </summary>
    public static string? Problem(string relativePath)
    {
        var name = relativePath[(relativePath.LastIndexOf('/') + 1)..];
        // On Unix '\' is a character of a name; in a URL and on Windows it is a separator, so it could name another path.
        if (name.Contains('\\'))
        {
            return "file name contains '\\', which a URL or Windows reads as a folder separator";
        }
        var previous = '\0';
        foreach (var c in name)
        {
            if (IsDecomposed(previous, c))
            {
                return $"file name is decomposed (NFD: '{previous}' followed by the combining mark U+{(int)c:X4}): it can stand beside a composed twin that looks the same and makes another file and URL; save it composed (NFC)";
            }
            previous = c;
            if (char.IsControl(c))
            {
                return $"file name contains the control character U+{(int)c:X4}";
            }
            if (IsBidiControl(c))
            {
                return $"file name contains the invisible direction control U+{(int)c:X4}, which can make it read as another name";
            }
        }
        return UrlModel.FitsFileSystem(relativePath) ? null
            : $"path is longer than {UrlModel.MaxPathBytes} bytes (or has a segment longer than 255), too long for an output path";
    }

    /// <summary>
    /// <paramref name="path"/> as a diagnostic shows it: '\', control and direction characters and the combining marks
    /// of a decomposed name percent-encoded, so the location is one line that reads as what is on disk.
    /// </summary>
    public static string Display(string path)
    {
        if (!path.Any(c => c == '\\' || char.IsControl(c) || IsBidiControl(c) || c is >= '\u0300' and <= '\u036F'))
        {
            return path;
        }
        var text = new StringBuilder(path.Length + 8);
        Span<byte> utf8 = stackalloc byte[4];
        var previous = '\0';
        foreach (var rune in path.EnumerateRunes())
        {
            var c = rune.IsBmp ? (char)rune.Value : '\0';
            var decomposed = IsDecomposed(previous, c);
            previous = c;
            if (rune.Value == '\\' || Rune.IsControl(rune) || IsBidiControl(c) || decomposed)
            {
                foreach (var b in utf8[..rune.EncodeToUtf8(utf8)])
                {
                    text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                }
            }
            else
            {
                text.Append(rune.ToString());
            }
        }
        return text.ToString();
    }

    // A combining diacritical mark (U+0300-U+036F) right after a Latin, Greek or Cyrillic letter: how NFD writes 'é'
    // (macOS and some tools save names so), where NFC has one precomposed character. .NET's Normalize does nothing
    // under invariant globalization, so the decomposed form is recognised by its marks.
    private static bool IsDecomposed(char previous, char c) =>
        c is >= '\u0300' and <= '\u036F' && char.IsLetter(previous) && previous is (>= 'A' and <= '\u024F') or (>= '\u0370' and <= '\u04FF');

    // The Unicode bidirectional formatting characters (UAX #9): embeddings, overrides, isolates and marks.
    private static bool IsBidiControl(char c) =>
        c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
