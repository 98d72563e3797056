using System.Text;
using System.Text.RegularExpressions;

namespace Crosswalk.Markdown;

/// <summary>
/// MDX writes JSX opening tags over several lines (<c>&lt;Card</c>, one attribute per line, <c>&gt;</c>). CommonMark only
/// recognises an HTML block whose first line holds the whole tag, so such a tag would become text and its
/// <c>href</c> would escape checking. For <c>.mdx</c> pages each multi-line opening tag is joined onto its first line
/// and the lines it used are left empty, so every later line keeps its number; <see cref="Map"/> takes a position
/// in the joined text back to the file.
/// </summary>
/// <remarks>
/// Not a Markdig extension: Markdig has no hook before its block parser reads the lines, and a block parser that
/// read such a tag itself would make a different document (the tag's line breaks kept, and the HTML block running on
/// to the next blank line instead of ending at the emptied lines), changing the HTML of existing pages. It applies
/// to <c>.mdx</c> files only, while one pipeline parses every page, so it stays a step before parsing.
/// </remarks>
internal sealed partial class MdxTags
{
    private const int MaxTagLines = 40;
    private readonly Dictionary<int, List<(int JoinedColumn, int Line, int Column)>> _segments;

    private MdxTags(string text, Dictionary<int, List<(int JoinedColumn, int Line, int Column)>> segments)
    {
        Text = text;
        _segments = segments;
    }

    /// <summary>The text with multi-line opening tags joined.</summary>
    public string Text { get; }

    /// <summary>Joins the multi-line opening tags of <paramref name="body"/> (outside fenced code).</summary>
    public static MdxTags Join(string body)
    {
        var lines = body.Split('\n');
        var segmentsByLine = new Dictionary<int, List<(int JoinedColumn, int Line, int Column)>>();
        var fence = "";
        for (var i = 0; i < lines.Length; i++)
        {
            var trimmed = lines[i].TrimStart();
            if (FenceStart().Match(trimmed) is { Success: true } f)
            {
                fence = fence.Length == 0 ? f.Value : trimmed.StartsWith(fence, StringComparison.Ordinal) ? "" : fence;
                continue;
            }
            // The first line is searched after its '<'; continuation lines from their start (a lone '>' closes the tag).
            if (fence.Length > 0 || !OpenTag().IsMatch(trimmed) || TagEnd(lines[i], lines[i].Length - trimmed.Length + 1) >= 0)
            {
                continue;
            }
            // Find the line that closes the tag, then join.
            var end = -1;
            for (var j = i + 1; j < lines.Length && j <= i + MaxTagLines && lines[j].Trim().Length > 0; j++)
            {
                if (TagEnd(lines[j], 0) >= 0)
                {
                    end = j;
                    break;
                }
            }
            if (end < 0)
            {
                continue;
            }
            var joined = new StringBuilder(lines[i].TrimEnd('\r'));
            var segments = new List<(int JoinedColumn, int Line, int Column)> { (0, i, 0) };
            for (var j = i + 1; j <= end; j++)
            {
                var part = lines[j].TrimEnd('\r');
                var lead = part.Length - part.TrimStart().Length;
                if (part[lead] is not '>' and not '/')
                {
                    joined.Append(' ');
                }
                segments.Add((joined.Length, j, lead));
                joined.Append(part.AsSpan(lead));
                lines[j] = "";
            }
            lines[i] = joined.ToString();
            segmentsByLine[i] = segments;
            i = end;
        }
        return new MdxTags(segmentsByLine.Count == 0 ? body : string.Join('\n', lines), segmentsByLine);
    }

    /// <summary>The file position (0-based line and column of the body) of a position in <see cref="Text"/>.</summary>
    public (int Line, int Column) Map(int line, int column)
    {
        if (!_segments.TryGetValue(line, out var segments))
        {
            return (line, column);
        }
        var (joinedColumn, origLine, origColumn) = segments[0];
        foreach (var segment in segments)
        {
            if (segment.JoinedColumn <= column)
            {
                (joinedColumn, origLine, origColumn) = segment;
            }
        }
        return (origLine, origColumn + column - joinedColumn);
    }

    /// <summary>Index of the first '>' at or after <paramref name="start"/> outside quotes and braces, or -1.</summary>
    private static int TagEnd(string line, int start)
    {
        var quote = '\0';
        var braces = 0;
        for (var k = start; k < line.Length; k++)
        {
            var c = line[k];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '{')
            {
                braces++;
            }
            else if (c == '}')
            {
                braces = Math.Max(0, braces - 1);
            }
            else if (c == '>' && braces == 0)
            {
                return k;
            }
        }
        return -1;
    }

    [GeneratedRegex(@"^<[A-Za-z][\w.:-]*(\s|$)")]
    private static partial Regex OpenTag();

    [GeneratedRegex(@"^(`{3,}|~{3,})")]
    private static partial Regex FenceStart();
}
