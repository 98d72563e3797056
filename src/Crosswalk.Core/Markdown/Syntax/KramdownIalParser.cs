using System.Text.RegularExpressions;
using Markdig.Parsers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Crosswalk.Markdown.Syntax;

/// <summary>
/// kramdown's block inline attribute lists: a line <c>{: #id .class key="value"}</c> gives its attributes to the block
/// right before it (no blank line between), else to the block right after it, as kramdown does; a heading's id set
/// so is the id its anchors are checked against. The line itself shows nothing, nor does an attribute list
/// definition (<c>{:name: .class}</c>); references to definitions are not resolved.
/// </summary>
public sealed partial class KramdownIalParser : BlockParser
{
    private static readonly object PendingKey = new();

    /// <summary>A parser for <c>{:</c> lines.</summary>
    public KramdownIalParser() => OpeningCharacters = ['{'];

    /// <inheritdoc />
    public override BlockState TryOpen(BlockProcessor processor)
    {
        var line = processor.Line;
        if (MarkerLine.Match(processor, Line()) is not { } match || Parse(match.Groups["body"].Value) is not { } attributes)
        {
            return BlockState.None;
        }
        if (match.Groups["definition"].Success)
        {
            return BlockState.BreakDiscard;
        }
        var text = line.Text;
        var container = processor.CurrentContainer!;
        if (processor.Document.GetData(PendingKey) is Pending pending && pending.Container == container && OnNextLine(text, pending.End, processor.Start))
        {
            // Attribute lists on consecutive lines add up.
            Merge(attributes, pending.Attributes);
            processor.Document.SetData(PendingKey, pending with { End = line.End });
        }
        else if (processor.LastBlock is { } previous and not BlockTitle && !PreviousLineBlank(text, processor.CurrentLineStartPosition))
        {
            Merge(attributes, previous.GetAttributes());
        }
        else
        {
            processor.Document.SetData(PendingKey, new Pending(container, text, line.End, attributes));
        }
        // No block: an open paragraph before the line ends with it, as in kramdown.
        return BlockState.BreakDiscard;
    }

    /// <summary>
    /// Gives a waiting attribute list to <paramref name="block"/> when it is the next block of the list's container and
    /// starts on the line after it; any later block, or the container's end, drops the list. Runs as each block closes.
    /// </summary>
    internal static void OnClosed(BlockProcessor processor, Block block)
    {
        if (processor.Document.GetData(PendingKey) is not Pending pending)
        {
            return;
        }
        if (block == pending.Container)
        {
            processor.Document.RemoveData(PendingKey);
        }
        else if (block.Parent == pending.Container && block.Span.Start > pending.End)
        {
            if (OnNextLine(pending.Text, pending.End, block.Span.Start))
            {
                Merge(pending.Attributes, block.GetAttributes());
            }
            processor.Document.RemoveData(PendingKey);
        }
    }

    /// <summary>An attribute list waiting for the next block of its container; it ends at <c>End</c> of <c>Text</c>.</summary>
    private sealed record Pending(ContainerBlock Container, string Text, int End, HtmlAttributes Attributes);

    /// <summary>The attributes of an IAL's body, or null when it is not one.</summary>
    private static HtmlAttributes? Parse(string body)
    {
        var attributes = new HtmlAttributes();
        var at = 0;
        foreach (var token in Token().EnumerateMatches(body))
        {
            if (token.Index != at)
            {
                return null;
            }
            at = token.Index + token.Length;
            var text = body.AsSpan(token.Index, token.Length).Trim();
            if (text[0] == '#')
            {
                attributes.Id = text[1..].ToString();
            }
            else if (text[0] == '.')
            {
                attributes.AddClass(text[1..].ToString());
            }
            else if (text.IndexOf('=') is var eq and > 0)
            {
                Set(attributes, text[..eq].ToString(), text[(eq + 2)..^1].ToString());
            }
            // Else a reference to an attribute list definition: not resolved.
        }
        return at == body.Length ? attributes : null;
    }

    // id="x" and class="a b" are the id and classes, not second id and class attributes.
    private static void Set(HtmlAttributes attributes, string key, string value)
    {
        if (key == "id")
        {
            attributes.Id = value;
        }
        else if (key == "class")
        {
            foreach (var name in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                attributes.AddClass(name);
            }
        }
        else
        {
            attributes.AddProperty(key, value);
        }
    }

    // kramdown: a later id wins, classes add up, a later value of a key wins.
    private static void Merge(HtmlAttributes from, HtmlAttributes into)
    {
        if (from.Id is not null)
        {
            into.Id = from.Id;
        }
        foreach (var name in from.Classes ?? [])
        {
            into.AddClass(name);
        }
        foreach (var (key, value) in from.Properties ?? [])
        {
            into.Properties?.RemoveAll(p => p.Key == key);
            into.AddProperty(key, value!);
        }
    }

    /// <summary>Whether the line before the one at <paramref name="lineStart"/> is blank or missing.</summary>
    private static bool PreviousLineBlank(string text, int lineStart)
    {
        var end = lineStart - 1;
        if (end < 0)
        {
            return true;
        }
        if (text[end] == '\n' && end > 0 && text[end - 1] == '\r')
        {
            end--;
        }
        var start = text.AsSpan(0, end).LastIndexOfAny('\n', '\r') + 1;
        return IsBlank(text.AsSpan(start, end - start));
    }

    /// <summary>Whether <paramref name="start"/> is on the line after the one that ends at <paramref name="end"/>.</summary>
    private static bool OnNextLine(string text, int end, int start)
    {
        if (start <= end)
        {
            return false;
        }
        var between = text.AsSpan(end + 1, start - end - 1);
        return between.Count('\n') + between.Count('\r') - between.Count("\r\n") == 1 && IsBlank(between);
    }

    // Spaces and block quote markers only: a blank line, also inside a quote.
    private static bool IsBlank(ReadOnlySpan<char> text) => text.IndexOfAnyExcept(" \t\r\n>") < 0;

    [GeneratedRegex(@"^\{:(?!:)(?:(?<definition>[\w-]+):)?(?<body>[^{}]*)\}[ \t]*$")]
    private static partial Regex Line();

    [GeneratedRegex(@"\G\s*(?:#[\w:-]+|\.[\w-]+|[\w:-]+=(?:""[^""]*""|'[^']*')|[\w-]+)\s*")]
    private static partial Regex Token();
}
