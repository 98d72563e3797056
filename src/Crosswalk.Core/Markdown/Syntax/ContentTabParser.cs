using System.Text.RegularExpressions;
using Markdig.Parsers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Crosswalk.Markdown.Syntax;

/// <summary>
/// MkDocs (pymdownx.tabbed) content tabs: <c>=== "Label"</c> and a body indented four spaces (<see cref="IndentedBody"/>).
/// Tabs that follow each other form one set; <c>===!</c> starts a new set, <c>===+</c> marks the tab shown first.
/// </summary>
/// <remarks>
/// The quoted label is what tells a tab from a setext heading underline (<c>===</c> under a paragraph), which this
/// parser leaves to Markdig.
/// </remarks>
public sealed partial class ContentTabParser : BlockParser
{
    private static readonly object SetCountKey = new();

    /// <summary>A parser for <c>===</c> lines.</summary>
    public ContentTabParser() => OpeningCharacters = ['='];

    /// <inheritdoc />
    public override BlockState TryOpen(BlockProcessor processor)
    {
        var line = processor.Line;
        if (MarkerLine.Match(processor, Opener()) is not { } match)
        {
            return BlockState.None;
        }
        var flags = match.Groups["flags"].Value;
        var tab = new ContentTabBlock(this)
        {
            Selected = flags.Contains('+'),
            Column = processor.Column,
            Span = new SourceSpan(processor.Start, line.End),
        };
        tab.GetAttributes().AddClass("tabbed-block");
        var label = match.Groups["label"];
        tab.SetLabel(BlockTitle.Create(processor, this, label.Index, label.Index + label.Length - 1));
        // The block before this one in its container: a tab there (closed by this line) is this tab's set.
        if (processor.LastBlock is ContentTabBlock previous && !flags.Contains('!'))
        {
            tab.Join(previous);
        }
        else
        {
            var number = processor.Document.GetData(SetCountKey) is int count ? count + 1 : 1;
            processor.Document.SetData(SetCountKey, number);
            tab.StartSet(number);
        }
        processor.NewBlocks.Push(tab);
        return BlockState.ContinueDiscard;
    }

    /// <inheritdoc />
    public override BlockState TryContinue(BlockProcessor processor, Block block) => IndentedBody.TryContinue(processor, block);

    [GeneratedRegex(@"^===(?<flags>[!+]{0,2}) +""(?<label>.*)"" *$")]
    private static partial Regex Opener();
}
