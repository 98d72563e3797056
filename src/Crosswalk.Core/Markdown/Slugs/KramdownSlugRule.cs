using System.Text;
using System.Text.RegularExpressions;
using Markdig.Syntax;

namespace Crosswalk.Markdown.Slugs;

/// <summary>
/// kramdown's GFM parser (<c>generate_gfm_header_id</c> of kramdown-parser-gfm), which Jekyll uses by default
/// (<c>input: GFM</c>) and GitHub Pages too: the heading's text is lowercased (Ruby's <c>downcase</c>), everything but
/// Ruby's <c>\p{Word}</c>, <c>-</c>, space and tab is dropped, and each space or tab becomes <c>-</c>. A repeat gets
/// <c>-1</c>, <c>-2</c> by a plain count of that slug: nothing checks that the result is free, and explicit ids are
/// not counted. An empty slug stays empty (<c>id=""</c>).
/// </summary>
/// <remarks>
/// The text is kramdown's: an image adds nothing, and in plain text <c>---</c> and <c>--</c> are typographic dashes
/// (dropped as punctuation) while in code spans they stay hyphens.
/// </remarks>
internal sealed partial class KramdownSlugRule : SlugRule
{
    public override string Name => "kramdown";

    public override IHeadingSlugger NewSlugger() => new Slugger();

    /// <summary>The slug without the count.</summary>
    internal static string Slugify(string text)
    {
        var slug = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            // Ruby's downcase maps U+0130 to "i̇"; its other mappings are one to one. No final sigma.
            if (rune.Value == 0x0130)
            {
                slug.Append("i\u0307");
                continue;
            }
            var lower = Rune.ToLowerInvariant(rune);
            if (lower.Value is ' ' or '\t')
            {
                slug.Append('-');
            }
            else if (lower.Value == '-' || SlugRuleTables.Contains(SlugRuleTables.RubyWordRanges, lower.Value))
            {
                slug.Append(lower.ToString());
            }
        }
        return slug.ToString();
    }

    /// <summary>The heading's text as kramdown's GFM parser reads it for the id.</summary>
    internal static string TextOf(HeadingBlock heading)
    {
        var text = new StringBuilder();
        foreach (var segment in HeadingText.Segments(heading.Inline, imageAlt: false))
        {
            text.Append(segment.Kind == SegmentKind.Text ? Dashes().Replace(segment.Text, "") : segment.Text);
        }
        return text.ToString();
    }

    // kramdown's typographic symbols that hold hyphens: '---' (mdash) before '--' (ndash); both are then dropped.
    [GeneratedRegex("---|--")]
    private static partial Regex Dashes();

    private sealed class Slugger : IHeadingSlugger
    {
        private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

        public void Reserve(string id)
        {
        }

        public string? Explicit(HeadingBlock heading, string id) => id;

        public string? Slug(HeadingBlock heading)
        {
            var slug = Slugify(TextOf(heading));
            var count = _counts.GetValueOrDefault(slug, -1) + 1;
            _counts[slug] = count;
            return count > 0 ? slug + "-" + count.ToString(System.Globalization.CultureInfo.InvariantCulture) : slug;
        }
    }
}
