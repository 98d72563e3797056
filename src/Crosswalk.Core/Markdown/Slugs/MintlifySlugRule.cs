using System.Globalization;
using Markdig.Syntax;

namespace Crosswalk.Markdown.Slugs;

/// <summary>
/// Mintlify's heading anchors, from its compiler in <c>@mintlify/common</c> (<c>remarkComponentIds</c>,
/// <c>remarkExtractTableOfContents</c>, <c>rehypeUnicodeIds</c>) and the <c>cleanHeadingId</c> that its own comments say
/// the client's <c>&lt;Heading&gt;</c> applies to the id. Only levels 1 to 4 get one.
/// </summary>
/// <remarks>
/// <para>
/// The text, with smart quotes and dashes, is lowercased and percent-encoded, slugified keeping <c>%</c>, then
/// decoded again: so letters of any script, accents and most symbols stay (<c>a-&amp;-b</c>, <c>don’t-panic</c>,
/// <c>日本語</c>), while <c>?,;:!'"()[]{}</c>, emoji and runs of other ASCII punctuation go.
/// </para>
/// <para>
/// Repeats are numbered twice, as Mintlify does: first per slug (<c>-2</c>, <c>-3</c>, and <c>-1</c> on a slug that
/// ends in a number once its stem was seen three times), then against every id of the page in document order,
/// explicit ones included (<c>-2</c>, <c>-3</c>, skipping taken ones). A heading whose slug is empty gets its
/// lowercased text as id, cleaned, which is often empty: then it has no id.
/// </para>
/// </remarks>
internal sealed class MintlifySlugRule : SlugRule
{
    public override string Name => "mintlify";

    public override IHeadingSlugger NewSlugger() => new Slugger();

    /// <summary>The heading's text as Mintlify reads it: no image alt text, smart punctuation outside code.</summary>
    internal static string TextOf(HeadingBlock heading) => MintlifyText.Smarten(HeadingText.Segments(heading.Inline, imageAlt: false));

    private static string RawSlug(string title) => MintlifyText.Slugify(MintlifyText.UnicodeId(title));

    // What /(?:-\d+?)+?$/ removes: the trailing -N groups (a loop from the end: the regex is quadratic on '1-1-1-…').
    private static string WithoutNumberSuffix(string slug)
    {
        var end = slug.Length;
        while (true)
        {
            var i = end;
            while (i > 0 && char.IsAsciiDigit(slug[i - 1]))
            {
                i--;
            }
            if (i == end || i == 0 || slug[i - 1] != '-')
            {
                return slug[..end];
            }
            end = i - 1;
        }
    }

    private sealed class Slugger : IHeadingSlugger
    {
        // @sindresorhus/slugify's slugifyWithCounter: per lowercased slug, how often it was made.
        private readonly Dictionary<string, int> _occurrences = new(StringComparer.Ordinal);
        // remarkExtractTableOfContents' deduplicateSlug: every id of the page so far.
        private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);

        public void Reserve(string id)
        {
        }

        public string? Explicit(HeadingBlock heading, string id)
        {
            var normalized = MintlifyText.NormalizeCustomId(id);
            if (heading.Level > 4)
            {
                // An <h5 id> stays a plain element: its id is written as given.
                return normalized.Length > 0 ? normalized : null;
            }
            return Final(TextOf(heading), normalized);
        }

        public string? Slug(HeadingBlock heading)
        {
            if (heading.Level > 4)
            {
                return null;
            }
            var title = TextOf(heading);
            return Final(title, Counted(RawSlug(title)));
        }

        // The id the table of contents settles on for a heading whose first id is 'first', and what the page shows.
        private string? Final(string title, string first)
        {
            string shown;
            if (first.Length > 0)
            {
                var cleaned = MintlifyText.Clean(first);
                shown = Deduplicate(cleaned.Length > 0 ? cleaned : RawSlug(title));
            }
            else
            {
                Deduplicate(RawSlug(title));
                shown = MintlifyText.UnicodeId(title);
            }
            var id = MintlifyText.Clean(shown);
            return id.Length > 0 ? id : null;
        }

        private string Counted(string slug)
        {
            if (slug.Length == 0)
            {
                return slug;
            }
            var lower = slug.ToLowerInvariant();
            var numberless = _occurrences.GetValueOrDefault(WithoutNumberSuffix(lower));
            var count = _occurrences.GetValueOrDefault(lower) + 1;
            _occurrences[lower] = count;
            return count >= 2 || numberless > 2 ? slug + "-" + count.ToString(CultureInfo.InvariantCulture) : slug;
        }

        private string Deduplicate(string slug)
        {
            var count = _seen.GetValueOrDefault(slug);
            _seen[slug] = count + 1;
            if (count == 0)
            {
                return slug;
            }
            var suffix = count + 1;
            while (_seen.ContainsKey(slug + "-" + suffix.ToString(CultureInfo.InvariantCulture)))
            {
                suffix++;
            }
            var suffixed = slug + "-" + suffix.ToString(CultureInfo.InvariantCulture);
            _seen[suffixed] = 1;
            return suffixed;
        }
    }
}
