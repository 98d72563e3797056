using Markdig.Parsers;
using Markdig.Syntax;

namespace Crosswalk.Markdown.Syntax;

/// <summary>
/// One tab of an MkDocs content tab set (<see cref="ContentTabParser"/>): a label and an ordinary Markdown body.
/// Consecutive tabs form one set, which the first tab's renderer writes whole, so every tab's body is in the page.
/// </summary>
public sealed class ContentTabBlock(BlockParser parser) : ContainerBlock(parser)
{
    /// <summary>The label as written (the first child), or null when it is empty.</summary>
    public BlockTitle? Label { get; private set; }

    /// <summary>Whether the tab is shown first (<c>===+</c>).</summary>
    public bool Selected { get; init; }

    /// <summary>The tabs of this tab's set, in order; the same list for each of them.</summary>
    public IReadOnlyList<ContentTabBlock> Set => _set;

    /// <summary>The set's number in its page, from 1, in the order sets start.</summary>
    public int SetNumber { get; private set; }

    private List<ContentTabBlock> _set = [];

    /// <summary>Makes <paramref name="label"/> the written label, the first child.</summary>
    internal void SetLabel(BlockTitle? label)
    {
        if (label is not null)
        {
            Label = label;
            Insert(0, label);
        }
    }

    /// <summary>Starts a new set with this tab, numbered <paramref name="number"/>.</summary>
    internal void StartSet(int number)
    {
        SetNumber = number;
        _set = [this];
    }

    /// <summary>Adds this tab to the set of <paramref name="previous"/>.</summary>
    internal void Join(ContentTabBlock previous)
    {
        SetNumber = previous.SetNumber;
        _set = previous._set;
        _set.Add(this);
    }
}
