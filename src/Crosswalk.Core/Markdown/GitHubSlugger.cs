using System.Buffers;
using System.Globalization;
using System.Text;

namespace Crosswalk.Markdown;

/// <summary>
/// Produces heading ids exactly like the npm package <c>github-slugger</c> 2.0.0 (the ids GitHub gives
/// Markdown headings): the text is lowercased with JavaScript's <c>String.prototype.toLowerCase</c> rules,
/// every code point that is not a letter, mark, decimal digit, letter number, connector punctuation,
/// <c>-</c> or space is dropped, and each space (U+0020 only) becomes <c>-</c> without collapsing.
/// </summary>
/// <remarks>
/// <para>
/// One instance tracks the ids of one page: <see cref="Slug"/> appends <c>-1</c>, <c>-2</c>, … to repeats
/// and never returns an id that was already produced or <see cref="Reserve">reserved</see>.
/// <see cref="Slugify"/> is the stateless, de-duplication free form.
/// </para>
/// <para>
/// github-slugger decides what to keep with a generated character class frozen at Unicode 13, so letters
/// added in later Unicode versions (for example CJK Extension H) are dropped; this class embeds the same
/// table rather than asking .NET's newer Unicode data. Lowercasing follows JavaScript too: U+0130 becomes
/// <c>i</c> + U+0307 and a capital sigma at the end of a word becomes <c>ς</c>.
/// </para>
/// </remarks>
public sealed class GitHubSlugger
{
    /// <summary>Inputs up to this many UTF-16 code units are slugified into a stack buffer.</summary>
    private const int MaxStackInputLength = 256;

    /// <summary>The ASCII characters that <see cref="Slugify"/> returns unchanged.</summary>
    private static readonly SearchValues<char> SlugAsciiChars =
        SearchValues.Create("-0123456789_abcdefghijklmnopqrstuvwxyz");

    /// <summary>Every id handed out or reserved, with how many numbered variants of it were tried.</summary>
    private readonly Dictionary<string, int> _occurrences = new(StringComparer.Ordinal);

    /// <summary>
    /// Returns the slug of <paramref name="text"/>, made unique among the ids this instance has produced
    /// or reserved since it was created or last <see cref="Reset"/> by appending <c>-1</c>, <c>-2</c>, ….
    /// </summary>
    /// <param name="text">The heading's plain text (inline Markdown already rendered to text).</param>
    /// <returns>A slug not returned or reserved before; it may be empty for the first heading without any kept character.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public string Slug(string text)
    {
        var original = Slugify(text);
        var result = original;

        // Same loop as github-slugger: the counter lives on the original slug, and a numbered candidate
        // that was itself produced (or reserved) earlier is skipped.
        while (_occurrences.ContainsKey(result))
        {
            var count = _occurrences[original] + 1;
            _occurrences[original] = count;
            result = string.Concat(original, "-", count.ToString(CultureInfo.InvariantCulture));
        }

        _occurrences[result] = 0;
        return result;
    }

    /// <summary>Forgets every id produced or reserved so far, for reuse on another page.</summary>
    public void Reset() => _occurrences.Clear();

    /// <summary>
    /// Marks an explicit id (for example from <c>{#id}</c>) as taken, so later <see cref="Slug"/> calls avoid it.
    /// The id is used as given, not slugified.
    /// </summary>
    /// <param name="id">The id to reserve.</param>
    /// <returns><see langword="true"/> if the id was free; <see langword="false"/> if it was already produced or reserved.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is <see langword="null"/>.</exception>
    public bool Reserve(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _occurrences.TryAdd(id, 0);
    }

    /// <summary>
    /// Returns the slug of <paramref name="text"/> without de-duplication (github-slugger's <c>slug</c> function).
    /// </summary>
    /// <param name="text">The heading's plain text.</param>
    /// <returns>The slug; <paramref name="text"/> itself when it is already a slug made of <c>a-z</c>, <c>0-9</c>, <c>-</c> and <c>_</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static string Slugify(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        var first = text.AsSpan().IndexOfAnyExcept(SlugAsciiChars);
        if (first < 0)
        {
            return text;
        }

        // Every input code unit yields at most two output code units (U+0130 lowercases to two).
        char[]? rented = null;
        Span<char> buffer = text.Length <= MaxStackInputLength
            ? stackalloc char[MaxStackInputLength * 2]
            : (rented = ArrayPool<char>.Shared.Rent(text.Length * 2));
        try
        {
            text.AsSpan(0, first).CopyTo(buffer);
            var length = SlugifyInto(text, first, buffer, first);
            return new string(buffer[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Slugifies <paramref name="text"/> from <paramref name="start"/> into <paramref name="buffer"/> at <paramref name="length"/>.</summary>
    /// <returns>The number of characters in <paramref name="buffer"/>.</returns>
    private static int SlugifyInto(string text, int start, Span<char> buffer, int length)
    {
        var span = text.AsSpan();
        var pos = start;
        while (pos < span.Length)
        {
            var c = span[pos];
            if (char.IsAscii(c))
            {
                if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_')
                {
                    buffer[length++] = c;
                }
                else if (char.IsAsciiLetterUpper(c))
                {
                    buffer[length++] = (char)(c | 0x20);
                }
                else if (c == ' ')
                {
                    buffer[length++] = '-';
                }

                pos++;
                continue;
            }

            if (Rune.DecodeFromUtf16(span[pos..], out var rune, out var consumed) != OperationStatus.Done)
            {
                // A lone surrogate: JavaScript's toLowerCase leaves it alone and the regex never matches it.
                buffer[length++] = c;
                pos++;
                continue;
            }

            switch (rune.Value)
            {
                case 0x0130:
                    // LATIN CAPITAL LETTER I WITH DOT ABOVE: the one unconditional multi-code-point lowercase.
                    buffer[length++] = 'i';
                    buffer[length++] = '\u0307';
                    break;
                case 0x03A3:
                    buffer[length++] = IsFinalSigma(span, pos, pos + consumed) ? 'ς' : 'σ';
                    break;
                default:
                    var lower = Rune.ToLowerInvariant(rune);
                    if (Slugs.SlugRuleTables.Contains(SlugUnicodeTables.KeptRanges, lower.Value))
                    {
                        length += lower.EncodeToUtf16(buffer[length..]);
                    }

                    break;
            }

            pos += consumed;
        }

        return length;
    }

    /// <summary>
    /// Unicode's Final_Sigma condition as ICU (and so JavaScript) applies it: a cased letter comes before
    /// the sigma and none comes after it, skipping case-ignorable code points on both sides.
    /// </summary>
    internal static bool IsFinalSigma(ReadOnlySpan<char> text, int sigmaStart, int sigmaEnd)
    {
        var before = text[..sigmaStart];
        var precededByCased = false;
        while (!before.IsEmpty)
        {
            if (Rune.DecodeLastFromUtf16(before, out var rune, out var consumed) != OperationStatus.Done)
            {
                break;
            }

            before = before[..^consumed];
            if (!Slugs.SlugRuleTables.Contains(SlugUnicodeTables.CaseIgnorableRanges, rune.Value))
            {
                precededByCased = Slugs.SlugRuleTables.Contains(SlugUnicodeTables.CasedRanges, rune.Value);
                break;
            }
        }

        if (!precededByCased)
        {
            return false;
        }

        var after = text[sigmaEnd..];
        while (!after.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(after, out var rune, out var consumed) != OperationStatus.Done)
            {
                return true;
            }

            after = after[consumed..];
            if (!Slugs.SlugRuleTables.Contains(SlugUnicodeTables.CaseIgnorableRanges, rune.Value))
            {
                return !Slugs.SlugRuleTables.Contains(SlugUnicodeTables.CasedRanges, rune.Value);
            }
        }

        return true;
    }
}
