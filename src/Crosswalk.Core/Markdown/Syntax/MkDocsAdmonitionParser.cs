using System.Text.RegularExpressions;
using Markdig.Parsers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Crosswalk.Markdown.Syntax;

/// <summary>
/// MkDocs (Python-Markdown admonition, pymdownx.details) admonitions: <c>!!! note</c>, <c>!!! warning "Title"</c>,
/// <c>!!! note ""</c> (no title), collapsible <c>??? note</c> and <c>???+ note</c> (open); extra words after the kind are
/// extra classes. The body is indented four spaces (<see cref="IndentedBody"/>).
/// </summary>
public sealed partial class MkDocsAdmonitionParser : BlockParser
{
    /// <summary>A parser for <c>!!!</c> and <c>???</c> lines.</summary>
    public MkDocsAdmonitionParser() => OpeningCharacters = ['!', '?'];

    /// <inheritdoc />
    public override BlockState TryOpen(BlockProcessor processor)
    {
        var line = processor.Line;
        if (MarkerLine.Match(processor, Opener()) is not { } match)
        {
            return BlockState.None;
        }
        var marker = match.Groups["marker"].Value;
        var classes = match.Groups["classes"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var kind = classes[0].ToLowerInvariant();
        var title = match.Groups["title"];
        var admonition = new AdmonitionBlock(this)
        {
            Kind = kind,
            // A written "" means no title; a collapsible box still needs a summary to click.
            DefaultTitle = title.Success && marker == "!!!" ? null : AdmonitionBlock.Capitalise(kind),
            Fold = marker switch { "???" => AdmonitionFold.Closed, "???+" => AdmonitionFold.Open, _ => AdmonitionFold.None },
            Column = processor.Column,
            Span = new SourceSpan(processor.Start, line.End),
        };
        var attributes = admonition.GetAttributes();
        attributes.AddClass("admonition");
        attributes.AddClass(kind);
        foreach (var extra in classes.Skip(1))
        {
            attributes.AddClass(extra);
        }
        if (title.Success)
        {
            admonition.SetTitle(BlockTitle.Create(processor, this, title.Index, title.Index + title.Length - 1));
        }
        processor.NewBlocks.Push(admonition);
        return BlockState.ContinueDiscard;
    }

    /// <inheritdoc />
    public override BlockState TryContinue(BlockProcessor processor, Block block) => IndentedBody.TryContinue(processor, block);

    // Python-Markdown's own pattern: the title runs from the first quote to the last one at the end of the line.
    [GeneratedRegex(@"^(?<marker>!!!|\?\?\?\+?) ?(?<classes>[\w-]+(?: +[\w-]+)*)(?: +""(?<title>.*)"")? *$")]
    private static partial Regex Opener();
}
