using System.Text.RegularExpressions;
using Markdig.Parsers;

namespace Crosswalk.Markdown.Syntax;

/// <summary>The opening line of another generator's block (<c>!!! note</c>, <c>=== "Tab"</c>, <c>{: #id}</c>).</summary>
internal static class MarkerLine
{
    /// <summary>
    /// The current line matched by <paramref name="pattern"/>, or null; a line indented as code is code, never a marker.
    /// </summary>
    public static Match? Match(BlockProcessor processor, Regex pattern)
    {
        if (processor.IsCodeIndent)
        {
            return null;
        }
        var line = processor.Line;
        var match = pattern.Match(line.Text, line.Start, line.Length);
        return match.Success ? match : null;
    }
}
