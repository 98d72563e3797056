using System.Text.RegularExpressions;
using Markdig;

namespace Crosswalk.Markdown;

/// <summary>
/// pymdownx.snippets' block includes (<c>--8&lt;-- "CONTRIBUTING.md"</c> on a line of its own): MkDocs renders the included
/// file into the page, so its headings are anchors of the page. Only their ids are taken: the included text is the other
/// file's, checked where it is a page of its own.
/// </summary>
public static partial class SnippetIds
{
    private const long MaxBytes = 1 << 20;

    /// <summary>
    /// The heading ids of the files <paramref name="markdown"/> includes, looked for in <paramref name="folders"/> in order;
    /// a file outside <paramref name="root"/>, missing or over 1 MiB is skipped.
    /// </summary>
    public static IEnumerable<string> Of(string markdown, IReadOnlyList<string> folders, string root, MarkdownPipeline pipeline)
    {
        if (!markdown.Contains("8<", StringComparison.Ordinal))
        {
            yield break;
        }
        var inside = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
        foreach (Match include in Include().Matches(markdown))
        {
            var name = include.Groups["f"].Value;
            foreach (var folder in folders)
            {
                var file = Path.GetFullPath(Path.Combine(folder, name));
                if (!file.StartsWith(inside, StringComparison.Ordinal) || !File.Exists(file) || new FileInfo(file).Length > MaxBytes)
                {
                    continue;
                }
                string text;
                try
                {
                    text = File.ReadAllText(file);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    continue;
                }
                foreach (var heading in HeadingIdsExtension.GetHeadings(Markdig.Markdown.Parse(text, pipeline)))
                {
                    if (heading.Id is { Length: > 0 } id)
                    {
                        yield return id;
                    }
                }
                break;
            }
        }
    }

    [GeneratedRegex(@"^[ \t]*-{1,}8<-{1,}[ \t]+(?<q>[""'])(?<f>[^""'\r\n]+)\k<q>[ \t]*\r?$", RegexOptions.Multiline, 1000)]
    private static partial Regex Include();
}
