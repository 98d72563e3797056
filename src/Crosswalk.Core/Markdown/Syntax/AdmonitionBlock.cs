using Markdig.Parsers;
using Markdig.Syntax;

namespace Crosswalk.Markdown.Syntax;

/// <summary>Whether an admonition folds, and how it starts.</summary>
public enum AdmonitionFold
{
    /// <summary>Always shown (<c>!!!</c>, <c>:::</c>).</summary>
    None,

    /// <summary>Collapsible, closed at first (<c>???</c>).</summary>
    Closed,

    /// <summary>Collapsible, open at first (<c>???+</c>).</summary>
    Open,
}

/// <summary>
/// A call-out box in MkDocs (<see cref="MkDocsAdmonitionParser"/>) or Docusaurus syntax
/// (<see cref="DocusaurusAdmonitionParser"/>). Its body is ordinary Markdown: headings in it get ids and links in it are
/// captured. Its classes (<c>admonition</c>, the kind, any extra) are its HTML attributes.
/// </summary>
public sealed class AdmonitionBlock(BlockParser parser) : ContainerBlock(parser)
{
    /// <summary>The kind, lower case: <c>note</c>, <c>warning</c>, …</summary>
    public required string Kind { get; init; }

    /// <summary>The title as written (the first child), or null.</summary>
    public BlockTitle? Title { get; private set; }

    /// <summary>The title shown when none is written (the kind, capitalised), or null for no title at all.</summary>
    public string? DefaultTitle { get; init; }

    /// <summary>Whether it folds.</summary>
    public AdmonitionFold Fold { get; init; }

    /// <summary>The number of colons of a Docusaurus opening fence; a closing fence needs as many (0 for MkDocs).</summary>
    internal int FenceLength { get; init; }

    /// <summary>Makes <paramref name="title"/> the written title, the first child.</summary>
    internal void SetTitle(BlockTitle? title)
    {
        if (title is not null)
        {
            Title = title;
            Insert(0, title);
        }
    }

    /// <summary>Python-Markdown's default title: the kind with its first letter upper case and the rest lower.</summary>
    internal static string Capitalise(string kind) =>
        kind.Length == 0 ? kind : char.ToUpperInvariant(kind[0]) + kind[1..].ToLowerInvariant();
}
