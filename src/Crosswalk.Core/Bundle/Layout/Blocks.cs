namespace Crosswalk.Bundle.Layout;

/// <summary>How a run of text is set.</summary>
[Flags]
internal enum RunStyle
{
    /// <summary>Body text.</summary>
    Plain = 0,
    /// <summary>Bold.</summary>
    Bold = 1,
    /// <summary>Italic.</summary>
    Italic = 2,
    /// <summary>Monospaced (code).</summary>
    Mono = 4,
    /// <summary>A link's text or target, set in the link colour.</summary>
    Link = 8,
}

/// <summary>A piece of inline text in one style; <c>\n</c> in it is a hard line break.</summary>
internal sealed record Run(string Text, RunStyle Style = RunStyle.Plain);

/// <summary>A block of a document, what the layout places on pages.</summary>
internal abstract record Block;

/// <summary>A paragraph, at <paramref name="Size"/> points (0: the body size).</summary>
internal sealed record ParagraphBlock(IReadOnlyList<Run> Runs, double Size = 0) : Block;

/// <summary>A heading; level 1 and 2 headings become bookmarks when <paramref name="Bookmark"/> is set.</summary>
internal sealed record HeadingBlock(int Level, string Text, bool Bookmark = true) : Block;

/// <summary>A bulleted or numbered list: each item is a list of blocks.</summary>
internal sealed record ListBlock(bool Ordered, int Start, IReadOnlyList<IReadOnlyList<Block>> Items) : Block;

/// <summary>Preformatted code, set in the mono face and wrapped at the width.</summary>
internal sealed record CodeBlock(string Text) : Block;

/// <summary>A block quote (or an alert), indented with a bar.</summary>
internal sealed record QuoteBlock(IReadOnlyList<Block> Blocks) : Block;

/// <summary>A table: a header row and body rows of cells, each cell a list of runs; <paramref name="Widths"/> are relative.</summary>
internal sealed record TableBlock(IReadOnlyList<IReadOnlyList<Run>> Header, IReadOnlyList<IReadOnlyList<IReadOnlyList<Run>>> Rows,
    IReadOnlyList<double>? Widths = null) : Block;

/// <summary>A PNG or JPEG image embedded at most the text width wide.</summary>
internal sealed record ImageBlock(byte[] Data, string Alt) : Block;

/// <summary>A horizontal rule.</summary>
internal sealed record RuleBlock : Block;

/// <summary>A line of a table of contents: text at the left, a page number at the right.</summary>
internal sealed record EntryBlock(string Text, string Page, int Indent = 0, bool Bold = false) : Block;

/// <summary>Starts a new page (a document or a section starts on its own page).</summary>
internal sealed record PageBreakBlock : Block;
