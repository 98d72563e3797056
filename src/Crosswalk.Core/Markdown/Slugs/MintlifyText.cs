using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Crosswalk.Markdown.Slugs;

/// <summary>
/// The string functions Mintlify's heading ids go through (from <c>@mintlify/common</c> and the libraries it calls),
/// in the order it applies them: <see cref="Smarten"/> (remark-smartypants), <see cref="UnicodeId"/>
/// (<c>getUnicodeId</c>), <see cref="Slugify"/> (<c>@sindresorhus/slugify</c> as <c>slugify</c> calls it) and
/// <see cref="Clean"/> (<c>cleanHeadingId</c>).
/// </summary>
internal static partial class MintlifyText
{
    /// <summary>
    /// remark-smartypants with its defaults: straight quotes become curly ones, <c>--</c> an em dash, three or more dots
    /// an ellipsis, <c>``</c> and <c>''</c> double quotes. Code is left alone, but counts as a word around a quote.
    /// </summary>
    /// <remarks>
    /// A quote that opens the heading is taken to close the text before it, as happens after a paragraph that ends with
    /// a full stop or a word; after one that ends with a comma Mintlify would open it (it reads the page as one text).
    /// </remarks>
    public static string Smarten(List<TextSegment> segments)
    {
        // Quotes first, over the whole heading (code as letters), one character for one.
        var all = new StringBuilder();
        foreach (var segment in segments)
        {
            all.Append(segment.Kind == SegmentKind.Code ? new string('A', segment.Text.Length) : segment.Text);
        }
        var quoted = Quotes(all.ToString());
        var result = new StringBuilder(quoted.Length);
        var at = 0;
        foreach (var segment in segments)
        {
            result.Append(segment.Kind == SegmentKind.Code ? segment.Text : Punctuation(quoted.Substring(at, segment.Text.Length)));
            at += segment.Text.Length;
        }
        return result.ToString();
    }

    private enum CharClass { None, Word, Space, Other }

    private static CharClass ClassAt(string s, int i)
    {
        if (i < 0 || i >= s.Length)
        {
            return CharClass.None;
        }
        if (char.IsWhiteSpace(s[i]))
        {
            return CharClass.Space;
        }
        return char.GetUnicodeCategory(s, i) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark
                or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark or UnicodeCategory.DecimalDigitNumber
                or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber or UnicodeCategory.Surrogate => CharClass.Word,
            _ => CharClass.Other,
        };
    }

    // retext-smartypants' quote rules, read character by character.
    private static string Quotes(string s)
    {
        var chars = s.ToCharArray();
        for (var i = 0; i < s.Length; i++)
        {
            var q = s[i];
            if (q is not ('"' or '\'') || (i + 1 < s.Length && s[i + 1] == q) || (i > 0 && s[i - 1] == q))
            {
                continue; // '' and "" are one mark to smartypants, not quotes.
            }
            var (open, close) = q == '"' ? ('“', '”') : ('‘', '’');
            var prev = ClassAt(s, i - 1);
            var next = ClassAt(s, i + 1);
            var nextNext = ClassAt(s, i + 2);
            var end = i + 1;
            while (ClassAt(s, end) == CharClass.Word)
            {
                end++;
            }
            var nextWord = s[(i + 1)..end];
            if (i > 0 && next == CharClass.Other && s[i + 1] is '"' or '\'' && nextNext == CharClass.Word)
            {
                // A quote right inside another one: both open.
                chars[i] = open;
                chars[i + 1] = s[i + 1] == '"' ? '“' : '‘';
                i++;
                continue;
            }
            bool opens;
            if (i == 0 || (next == CharClass.Other && nextNext != CharClass.Word))
            {
                opens = false;
            }
            else if (nextWord.Length == 3 && char.IsAsciiDigit(nextWord[0]) && char.IsAsciiDigit(nextWord[1]) && nextWord[2] == 's')
            {
                opens = false; // the '80s
            }
            else if (prev is CharClass.Space or CharClass.Other && next == CharClass.Word)
            {
                opens = true;
            }
            else if (prev == CharClass.Word)
            {
                opens = false;
            }
            else
            {
                opens = !(next is CharClass.None or CharClass.Space || (q == '\'' && nextWord == "s"));
            }
            chars[i] = opens ? open : close;
        }
        return new string(chars);
    }

    // The rest of smartypants, on each piece of text: ellipses, then `` and '', then dashes.
    private static string Punctuation(string text) => Marks().Replace(text, m => m.Value switch
    {
        "--" => "—",
        "``" => "“",
        "''" => "”",
        _ when m.Value[0] == '.' => m.Value.Length >= 3 ? "…" : m.Value,
        _ => m.Value,
    });

    [GeneratedRegex(@"\.+|-+|`+|'+")]
    private static partial Regex Marks();

    /// <summary><c>getUnicodeId</c>: JavaScript's lower case, trimmed, white-space runs to <c>-</c>, then <c>encodeURIComponent</c>.</summary>
    public static string UnicodeId(string title)
    {
        var spaced = JsSpaces().Replace(JsLower(title).Trim(JsSpaceArray), "-");
        var encoded = new StringBuilder(spaced.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < spaced.Length; i++)
        {
            var c = spaced[i];
            if (char.IsAsciiLetterOrDigit(c) || "-_.!~*'()".Contains(c))
            {
                encoded.Append(c);
                continue;
            }
            // A lone surrogate makes encodeURIComponent throw; the replacement character stands in for it.
            var rune = Rune.DecodeFromUtf16(spaced.AsSpan(i), out var r, out var used) == OperationStatus.Done ? r : Rune.ReplacementChar;
            i += Math.Max(used, 1) - 1;
            var length = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..length])
            {
                encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }
        return encoded.ToString();
    }

    /// <summary>
    /// <c>@sindresorhus/slugify</c> on <see cref="UnicodeId"/>'s ASCII output, with the options Mintlify passes
    /// (<c>%</c> and <c>_</c> kept, no decamelizing): other runs become <c>-</c>, <c>x-t</c> and <c>x-s</c> lose
    /// their hyphen (contractions), and <c>-</c> runs collapse and are trimmed.
    /// </summary>
    public static string Slugify(string encoded)
    {
        var slug = Contraction().Replace(NotKept().Replace(encoded, "-"), "$1$2$3");
        return Hyphens().Replace(slug, "-").Trim('-');
    }

    /// <summary><c>cleanHeadingId</c>: percent-decoded (unchanged when that fails), without <c>?,;:!'"()[]{}</c> and emoji.</summary>
    public static string Clean(string id)
    {
        var decoded = Decode(LonePercent().Replace(id, "%25")) ?? id;
        var cleaned = new StringBuilder(decoded.Length);
        foreach (var rune in decoded.EnumerateRunes())
        {
            if (rune.Value is not ('?' or ',' or ';' or ':' or '!' or '\'' or '"' or '(' or ')' or '[' or ']' or '{' or '}')
                && !SlugRuleTables.Contains(SlugRuleTables.EmojiRanges, rune.Value))
            {
                cleaned.Append(rune.ToString());
            }
        }
        return cleaned.ToString();
    }

    /// <summary>The <c>{#id}</c> of a heading as Mintlify's <c>preprocessCustomHeadingIds</c> writes it into the page.</summary>
    public static string NormalizeCustomId(string id)
    {
        var kept = new StringBuilder(id.Length);
        foreach (var rune in id.Trim(JsSpaceArray).EnumerateRunes())
        {
            if (rune.Value is not ('<' or '>' or '"' or '&' or '?' or ',' or ';' or ':' or '!' or '\'' or '(' or ')' or '[' or ']' or '{' or '}')
                && !SlugRuleTables.Contains(SlugRuleTables.EmojiRanges, rune.Value))
            {
                kept.Append(rune.ToString());
            }
        }
        return JsSpaces().Replace(kept.ToString(), "-");
    }

    // decodeURIComponent: null where it would throw (malformed UTF-8).
    private static string? Decode(string s)
    {
        if (!s.Contains('%'))
        {
            return s;
        }
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        var result = new StringBuilder(s.Length);
        var bytes = new List<byte>();
        for (var i = 0; i < s.Length;)
        {
            while (i + 2 < s.Length && s[i] == '%' && char.IsAsciiHexDigit(s[i + 1]) && char.IsAsciiHexDigit(s[i + 2]))
            {
                bytes.Add(byte.Parse(s.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 3;
            }
            if (bytes.Count > 0)
            {
                try
                {
                    result.Append(strict.GetString(bytes.ToArray()));
                }
                catch (DecoderFallbackException)
                {
                    return null;
                }
                bytes.Clear();
                continue;
            }
            result.Append(s[i++]);
        }
        return result.ToString();
    }

    /// <summary>JavaScript's <c>String.prototype.toLowerCase</c>: U+0130 to <c>i̇</c>, a word-final capital sigma to <c>ς</c>.</summary>
    private static string JsLower(string text)
    {
        var lower = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var used) != OperationStatus.Done)
            {
                lower.Append(text[i++]);
                continue;
            }
            if (rune.Value == 0x0130)
            {
                lower.Append("i\u0307");
            }
            else if (rune.Value == 0x03A3)
            {
                lower.Append(GitHubSlugger.IsFinalSigma(text, i, i + used) ? 'ς' : 'σ');
            }
            else
            {
                lower.Append(Rune.ToLowerInvariant(rune).ToString());
            }
            i += used;
        }
        return lower.ToString();
    }

    // JavaScript's \s: white space and line terminators.
    private const string JsSpaceChars = "\t\n\v\f\r \u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF";

    private static readonly char[] JsSpaceArray = JsSpaceChars.ToCharArray();

    [GeneratedRegex("[\t\n\v\f\r \u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF]+")]
    private static partial Regex JsSpaces();

    [GeneratedRegex("[^a-zA-Z0-9%_]+")]
    private static partial Regex NotKept();

    [GeneratedRegex("([a-zA-Z0-9]+)-([ts])(-|$)")]
    private static partial Regex Contraction();

    [GeneratedRegex("-{2,}")]
    private static partial Regex Hyphens();

    [GeneratedRegex("%(?![0-9A-Fa-f]{2})")]
    private static partial Regex LonePercent();
}
