using Crosswalk.Content;
using Crosswalk.Diagnostics;
using Markdig;

namespace Crosswalk.Markdown;

/// <summary>
/// One document's links, as <see cref="LinkCaptureExtension"/> finds them: each is recorded as written, with its
/// position in the file, and its URL in the document is replaced with a placeholder. Made per parse and handed to
/// the parser in a <see cref="MarkdownParserContext"/> (<see cref="AddTo"/>), so a shared pipeline holds none of it.
/// </summary>
/// <param name="placeholders">The placeholders a link's URL is replaced with; link ids count from 0 per document.</param>
/// <param name="locate">The file position of a Markdig position (0-based line and column of the parsed text).</param>
public sealed class LinkCapture(LinkPlaceholders placeholders, Func<int, int, SourceLocation> locate)
{
    private readonly Dictionary<string, int> _byPlaceholder = new(StringComparer.Ordinal);

    /// <summary>Where a link's URL and text are kept once for the whole site (a build's parse), if anywhere.</summary>
    internal StringPool? Strings { get; init; }

    /// <summary>The links found, in document order; a link's id is its index.</summary>
    public List<LinkRef> Links { get; } = [];

    /// <summary>Makes <paramref name="context"/> ask for links to be captured into this; returns it.</summary>
    public MarkdownParserContext AddTo(MarkdownParserContext context)
    {
        context.Properties[typeof(LinkCapture)] = this;
        return context;
    }

    /// <summary>The capture <paramref name="context"/> asks for, if any.</summary>
    internal static LinkCapture? From(MarkdownParserContext? context) =>
        context is not null && context.Properties.TryGetValue(typeof(LinkCapture), out var capture) ? capture as LinkCapture : null;

    /// <summary>The id of the link whose URL was replaced with <paramref name="placeholder"/>, or -1.</summary>
    public int IdOf(string? placeholder) => placeholder is not null && _byPlaceholder.TryGetValue(placeholder, out var id) ? id : -1;

    /// <summary>Records a link at a Markdig position; returns the placeholder that replaces its URL.</summary>
    internal string Add(string url, LinkKind kind, int line, int column, string text)
    {
        var id = Links.Count;
        Links.Add(new LinkRef(id, Strings?.Intern(url) ?? url, kind, locate(line, column), Strings?.Intern(text) ?? text));
        var placeholder = placeholders.For(id);
        _byPlaceholder[placeholder] = id;
        return placeholder;
    }
}
