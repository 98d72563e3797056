using System.Text.RegularExpressions;
using Markdig;

namespace Crosswalk.Markdown;

/// <summary>
/// Mintlify's components that are anchors: an <c>&lt;Accordion&gt;</c>, <c>&lt;Tab&gt;</c>, <c>&lt;Step&gt;</c> or
/// <c>&lt;Update&gt;</c> takes its <c>id</c>, else its title, and a <c>&lt;ResponseField&gt;</c> or
/// <c>&lt;ParamField&gt;</c> its name, made an id by the site's heading rule, so <c>#oauth-2-0</c> reaches
/// <c>&lt;Accordion title="OAuth 2.0"&gt;</c> as it does on the published page.
/// </summary>
public static partial class MdxComponentIds
{
    /// <summary>The ids the components in <paramref name="mdx"/> give the page, each made as a heading with that text would be.</summary>
    public static IEnumerable<string> Of(string mdx, MarkdownPipeline pipeline)
    {
        foreach (Match tag in Component().Matches(mdx))
        {
            var attributes = tag.Groups["a"].Value;
            if (Attribute("id", attributes) is { Length: > 0 } id)
            {
                yield return id;
                continue;
            }
            var text = Attribute(tag.Groups["n"].Value is "ResponseField" or "ParamField" ? "name" : "title", attributes);
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }
            // The heading rule is the site's (Mintlify's): the text is given to it as a heading's.
            var document = Markdig.Markdown.Parse("## " + text.ReplaceLineEndings(" "), pipeline);
            if (HeadingIdsExtension.GetHeadings(document) is [{ Id: { Length: > 0 } slug }, ..])
            {
                yield return slug;
            }
        }
    }

    private static string? Attribute(string name, string attributes)
    {
        var m = Regex.Match(attributes, @"(?:^|\s)" + name + @"\s*=\s*(?:""(?<v>[^""]*)""|'(?<v>[^']*)')", RegexOptions.NonBacktracking);
        return m.Success ? System.Net.WebUtility.HtmlDecode(m.Groups["v"].Value) : null;
    }

    [GeneratedRegex(@"<(?<n>Accordion|Tab|Step|Update|ResponseField|ParamField)\b(?<a>[^<>]*)>", RegexOptions.None)]
    private static partial Regex Component();
}
