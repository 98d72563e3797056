using System.Text.RegularExpressions;

namespace Crosswalk.Content;

/// <summary>How a site writes front matter (site.yml <c>front_matter_style</c>).</summary>
public enum FrontMatterStyle
{
    /// <summary>
    /// The default: a block between <c>---</c> lines; also a block with no opening <c>---</c> when it is shaped like
    /// front matter and names a key Crosswalk knows (see <see cref="YamlFirstFrontMatter"/>).
    /// </summary>
    Auto,
    /// <summary>Only a block between <c>---</c> lines is front matter.</summary>
    Fenced,
    /// <summary>
    /// comply's format as well as fenced blocks: a page whose first line is a YAML key holds front matter up to its
    /// first <c>---</c> line, whatever follows; a block that is not valid YAML is CW1002.
    /// </summary>
    YamlFirst,
}

/// <summary>Where a YAML-first block (front matter without an opening <c>---</c>, as strongDM's comply writes it) ends.</summary>
/// <param name="YamlEnd">Index in the text just past the YAML (the start of the closing line).</param>
/// <param name="BodyStart">Index in the text where the body starts.</param>
/// <param name="BodyLine">0-based line of the file on which the body starts.</param>
/// <param name="Closed">False when no <c>---</c> line ends the block (only reported in <see cref="FrontMatterStyle.YamlFirst"/>).</param>
internal readonly record struct YamlFirstBlock(int YamlEnd, int BodyStart, int BodyLine, bool Closed);

/// <summary>
/// Finds front matter written without its opening <c>---</c>. Markdown can start the same way: <c>Title: foo</c> over a
/// <c>---</c> line is a setext heading, and <c>Note: …</c> is prose. So outside <see cref="FrontMatterStyle.YamlFirst"/>
/// (which a site chooses, and comply's profile sets) a block is front matter only when everything points that way:
/// its first line is a YAML key, every line before the first <c>---</c> line is a key, a list item, an indented
/// continuation, a comment or blank (prose lines are none of these), and one of its top-level keys is a front-matter
/// key the site knows (exact case: <c>title</c>, not <c>Title</c>). Such a block is read even when its YAML is broken
/// (CW1002), so a page meant to carry front matter never shows it as text.
/// </summary>
internal static partial class YamlFirstFrontMatter
{
    /// <summary>The block opening <paramref name="text"/> at <paramref name="start"/> (after a byte-order mark), or null.</summary>
    public static YamlFirstBlock? Find(string text, int start, FrontMatterStyle style, FrontMatterSchema schema)
    {
        if (style == FrontMatterStyle.Fenced || TopLevelKey(FirstLine(text, start)) is not { } firstKey)
        {
            return null;
        }
        var known = schema.Find(firstKey) is not null;
        var knownFirst = known;
        var line = 0;
        var pos = start;
        while (pos < text.Length)
        {
            var end = LineEnd(text, pos, out var next);
            var content = text.AsSpan(pos, end - pos).TrimEnd();
            if (content is "---")
            {
                return style == FrontMatterStyle.YamlFirst || known ? new YamlFirstBlock(pos, next, line + 1, Closed: true) : null;
            }
            if (style == FrontMatterStyle.Auto)
            {
                if (!IsYamlShaped(content))
                {
                    return null;
                }
                known = known || (TopLevelKey(content) is { } key && schema.Find(key) is not null);
            }
            line++;
            pos = next;
        }
        // No '---' line: comply would refuse the file. Only a site that chose this style hears about it, and only when
        // the first key is one of its own; anything else may well be a Markdown page.
        return style == FrontMatterStyle.YamlFirst && knownFirst ? new YamlFirstBlock(text.Length, start, 0, Closed: false) : null;
    }

    private static ReadOnlySpan<char> FirstLine(string text, int start) => text.AsSpan(start, LineEnd(text, start, out _) - start);

    // A line a YAML mapping's block may hold at the top level, besides keys: blank, indented, a list item, a comment.
    private static bool IsYamlShaped(ReadOnlySpan<char> line) =>
        line.IsEmpty || line[0] is ' ' or '\t' or '#' || line is "-" || line.StartsWith("- ") || TopLevelKey(line) is not null;

    /// <summary>The key a line opens at the top level of a YAML mapping (<c>satisfies:</c>, <c>name: x</c>), or null.</summary>
    internal static string? TopLevelKey(ReadOnlySpan<char> line)
    {
        var m = KeyLine().Match(line.ToString());
        return !m.Success ? null : m.Groups["plain"].Success ? m.Groups["plain"].Value
            : m.Groups["double"].Success ? m.Groups["double"].Value : m.Groups["single"].Value;
    }

    // A plain key has no spaces, so "Note that: …" is prose; quoted keys are taken as written.
    [GeneratedRegex("""^(?:(?<plain>[A-Za-z0-9_][A-Za-z0-9_.\-/]*)|"(?<double>[^"]*)"|'(?<single>[^']*)')[ \t]*:(?:[ \t]|$)""")]
    private static partial Regex KeyLine();

    internal static int LineEnd(string text, int pos, out int next)
    {
        var nl = text.IndexOf('\n', pos);
        if (nl < 0)
        {
            next = text.Length;
            return text.Length;
        }
        next = nl + 1;
        return nl > pos && text[nl - 1] == '\r' ? nl - 1 : nl;
    }
}
