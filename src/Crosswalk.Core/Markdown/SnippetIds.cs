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
        var inside = Path.GetFullPath(root);
        foreach (Match include in Include().Matches(markdown))
        {
            var name = include.Groups["f"].Value;
            foreach (var folder in folders)
            {
                if (name.Contains('\0') || Read(Path.GetFullPath(Path.Combine(folder, name)), inside) is not { } text)
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

    // The file's text when it, and what a link makes of it, is a regular file inside the root of at most 1 MiB.
    private static string? Read(string file, string inside)
    {
        try
        {
            var info = new FileInfo(file);
            var target = info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true) as FileInfo;
            if (!Content.FolderPaths.IsSameOrInside(inside, file) || target is not { Exists: true } || !Content.FolderPaths.IsSameOrInside(inside, target.FullName)
                || target.Length > MaxBytes || (target.Attributes & (FileAttributes.Device | FileAttributes.Directory)) != 0)
            {
                return null;
            }
            using var reader = new StreamReader(target.FullName);
            var buffer = new char[MaxBytes + 1];
            var read = reader.ReadBlock(buffer, 0, buffer.Length);
            return read > MaxBytes ? null : new string(buffer, 0, read);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^[ \t]*-{1,}8<-{1,}[ \t]+(?<q>[""'])(?<f>[^""'\r\n]+)\k<q>[ \t]*\r?$", RegexOptions.Multiline)]
    private static partial Regex Include();
}
