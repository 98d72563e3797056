using System.Globalization;
using System.Text;
using Markdig.Syntax;

namespace Crosswalk.Markdown.Slugs;

/// <summary>
/// Python-Markdown's <c>toc</c> extension with its default <c>slugify</c> and <c>unique</c>, which MkDocs uses unless
/// configured otherwise: the text is decomposed (NFKD) and everything outside ASCII dropped, then everything but
/// letters, digits, <c>_</c>, <c>-</c> and white space; it is trimmed and lowercased, and each run of <c>-</c> and
/// white space becomes one <c>-</c>. Repeats get <c>_1</c>, <c>_2</c> (an id already ending in <c>_N</c> counts on
/// from N); an empty slug becomes <c>_1</c>. Every explicit id on the page is taken before any heading is slugged.
/// </summary>
/// <remarks>The text is what the heading shows: an image adds nothing (its alt text is an attribute).</remarks>
internal sealed class PythonMarkdownSlugRule : SlugRule
{
    public override string Name => "python-markdown";

    public override IHeadingSlugger NewSlugger() => new Slugger();

    /// <summary>The <c>slugify</c> function: no de-duplication.</summary>
    internal static string Slugify(string text)
    {
        var ascii = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            // NFKD, then value.encode('ascii', 'ignore'); re.sub(r'[^\w\s-]', '', value) keeps \w, \s and '-'.
            var folded = rune.IsAscii ? rune.ToString() : PythonAsciiFolding.Fold(rune.Value);
            foreach (var c in folded ?? "")
            {
                if (char.IsAsciiLetterOrDigit(c) || c is '_' or '-' || IsPythonSpace(c))
                {
                    ascii.Append(c);
                }
            }
        }
        var trimmed = ascii.ToString().AsSpan();
        var start = 0;
        var end = trimmed.Length;
        while (start < end && IsPythonSpace(trimmed[start]))
        {
            start++;
        }
        while (end > start && IsPythonSpace(trimmed[end - 1]))
        {
            end--;
        }
        var slug = new StringBuilder(end - start);
        for (var i = start; i < end; i++)
        {
            var c = trimmed[i];
            if (c == '-' || IsPythonSpace(c))
            {
                // re.sub(r'[-\s]+', '-', value)
                if (i == start || !IsSeparator(trimmed[i - 1]))
                {
                    slug.Append('-');
                }
                continue;
            }
            slug.Append(char.ToLowerInvariant(c));
        }
        return slug.ToString();
    }

    private static bool IsSeparator(char c) => c == '-' || IsPythonSpace(c);

    // Python's str white space within ASCII includes the four information separators.
    private static bool IsPythonSpace(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r' or (>= '\x1c' and <= '\x1f');

    private sealed class Slugger : IHeadingSlugger
    {
        private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

        public void Reserve(string id) => _ids.Add(id);

        public string? Explicit(HeadingBlock heading, string id) => id;

        public string? Slug(HeadingBlock heading) => Unique(Slugify(HeadingText.Join(HeadingText.Segments(heading.Inline, imageAlt: false))));

        // toc's unique(): while the id is taken or empty, bump a trailing _N, else append _1.
        private string Unique(string id)
        {
            while (id.Length == 0 || _ids.Contains(id))
            {
                id = SplitCount(id) is var (stem, n) ? stem + "_" + (n + 1).ToString(CultureInfo.InvariantCulture) : id + "_1";
            }
            _ids.Add(id);
            return id;
        }

        // IDCOUNT_RE = r'^(.*)_([0-9]+)$': the last '_' followed only by ASCII digits, to the end.
        private static (string Stem, long N)? SplitCount(string id)
        {
            var underscore = id.LastIndexOf('_');
            if (underscore < 0 || underscore == id.Length - 1)
            {
                return null;
            }
            var digits = id.AsSpan(underscore + 1);
            foreach (var c in digits)
            {
                if (!char.IsAsciiDigit(c))
                {
                    return null;
                }
            }
            return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? (id[..underscore], n) : null;
        }
    }
}
