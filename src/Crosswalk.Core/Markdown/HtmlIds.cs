using System.Text.RegularExpressions;

namespace Crosswalk.Markdown;

/// <summary>Collects the ids a browser can scroll to (<c>id</c>, and <c>name</c> on anchors) from HTML tags.</summary>
public static partial class HtmlIds
{
    /// <summary>Every id/name value in the tags of <paramref name="html"/>, entity-decoded.</summary>
    public static HashSet<string> Collect(string html)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match tag in TagOrComment().Matches(html))
        {
            if (!tag.Groups["tag"].Success)
            {
                continue;
            }
            foreach (Match attr in IdAttribute().Matches(tag.Value))
            {
                ids.Add(System.Net.WebUtility.HtmlDecode(attr.Groups["v"].Value));
            }
        }
        return ids;
    }

    /// <summary>
    /// A comment (group <c>comment</c>) or a start tag (group <c>tag</c>). Text content never holds a raw '&lt;'
    /// (Markdig escapes it), so every tag match is a real tag; matching comments first keeps their contents out.
    /// </summary>
    [GeneratedRegex(@"(?<comment><!--.*?-->)|(?<tag><[a-zA-Z][^<>]*>)", RegexOptions.Singleline)]
    internal static partial Regex TagOrComment();

    [GeneratedRegex(@"\s(?:id|name)\s*=\s*(?:""(?<v>[^""]*)""|'(?<v>[^']*)'|(?<v>[^\s""'<>=`]+))", RegexOptions.IgnoreCase)]
    private static partial Regex IdAttribute();
}
