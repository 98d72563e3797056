using System.Text.RegularExpressions;

namespace Crosswalk.Markdown;

/// <summary>Collects the ids a browser can scroll to (<c>id</c>, and <c>name</c> on anchors) from HTML tags.</summary>
public static partial class HtmlIds
{
    /// <summary>Every id/name value in the tags of <paramref name="html"/>, entity-decoded.</summary>
    public static HashSet<string> Collect(string html)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match tag in Tag().Matches(html))
        {
            foreach (Match attr in IdAttribute().Matches(tag.Value))
            {
                ids.Add(System.Net.WebUtility.HtmlDecode(attr.Groups["v"].Value));
            }
        }
        return ids;
    }

    // Text content never holds a raw '<' (Markdig escapes it), so every match is a real tag.
    [GeneratedRegex(@"<[a-zA-Z][^<>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s(?:id|name)\s*=\s*(?:""(?<v>[^""]*)""|'(?<v>[^']*)'|(?<v>[^\s""'<>=`]+))", RegexOptions.IgnoreCase)]
    private static partial Regex IdAttribute();
}
