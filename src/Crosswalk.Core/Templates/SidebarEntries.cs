namespace Crosswalk.Templates;

/// <summary>One entry of a list in a page's sidebar: a node, or (node null) a mark for <c>More</c> entries left out.</summary>
/// <param name="Node">The entry's node; null for a mark.</param>
/// <param name="More">How many entries the mark stands for.</param>
/// <param name="MoreIn">The section holding those entries, when it has a page other than the current one (where they are listed).</param>
public readonly record struct SidebarEntry(NavNode? Node, int More = 0, NavNode? MoreIn = null);

/// <summary>
/// Which entries of each list a page's sidebar shows. A site of up to <see cref="Navigation.InlineLimit"/> entries shows
/// them all, as it always did (folders off the page's branch collapsed). A larger one shows per page what the reader
/// needs there, so a page does not grow with the site: the chain of sections down to the page, a window of the page's
/// siblings, its first children, and the home page and generated sections at the top; a mark says how many entries
/// each gap holds. The whole tree is written once beside the site (<see cref="NavigationScript"/>).
/// </summary>
public static class SidebarEntries
{
    /// <summary>Siblings shown on each side of the current page.</summary>
    public const int SiblingWindow = 3;

    /// <summary>Children of the current page shown.</summary>
    public const int ChildLimit = 8;

    /// <summary>
    /// The entries of <paramref name="nodes"/> (the children of <paramref name="parent"/>; null: the top level) shown on a
    /// page whose entry is <paramref name="active"/>, with <paramref name="path"/> the entries from it up to the top.
    /// </summary>
    public static List<SidebarEntry> Of(Navigation navigation, IReadOnlyList<NavNode> nodes, NavNode? parent, NavNode? active, HashSet<NavNode> path)
    {
        var entries = new List<SidebarEntry>(Math.Min(nodes.Count, 2 * SiblingWindow + 8));
        if (!navigation.IsPruned)
        {
            foreach (var node in nodes)
            {
                entries.Add(new SidebarEntry(node));
            }
            return entries;
        }
        // The entry of this list on the path (at most one: the path is a chain of parents), found from the path, which
        // holds a few entries, rather than by reading the list, which can hold hundreds.
        var onPath = -1;
        foreach (var node in path)
        {
            if (node.Parent == parent)
            {
                onPath = node.Place;
                break;
            }
        }
        // The page's own list: a window around it. A list above it: the section on the way. Below it: its first children.
        var (from, to) = onPath < 0 ? (0, ChildLimit - 1)
            : nodes[onPath] == active ? (onPath - SiblingWindow, onPath + SiblingWindow)
            : (onPath, onPath);
        from = Math.Max(from, 0);
        to = Math.Min(to, nodes.Count - 1);
        var moreIn = parent is { Url: not null } && parent != active ? parent : null;
        // The entries shown, in list order: the pinned ones of the top level around the window; a mark for each gap.
        var pinned = parent is null ? navigation.PinnedPlaces : [];
        var shown = -1;
        foreach (var place in pinned)
        {
            if (place < from)
            {
                Show(place);
            }
        }
        for (var i = from; i <= to; i++)
        {
            Show(i);
        }
        foreach (var place in pinned)
        {
            if (place > to)
            {
                Show(place);
            }
        }
        if (nodes.Count - 1 - shown > 0)
        {
            entries.Add(new SidebarEntry(null, nodes.Count - 1 - shown, moreIn));
        }
        return entries;

        void Show(int place)
        {
            if (place - shown - 1 > 0)
            {
                entries.Add(new SidebarEntry(null, place - shown - 1, moreIn));
            }
            entries.Add(new SidebarEntry(nodes[place]));
            shown = place;
        }
    }
}
