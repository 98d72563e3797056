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
        var onPath = -1;
        for (var i = 0; i < nodes.Count && onPath < 0; i++)
        {
            onPath = path.Contains(nodes[i]) ? i : -1;
        }
        // The page's own list: a window around it. A list above it: the section on the way. Below it: its first children.
        var (from, to) = onPath < 0 ? (0, ChildLimit - 1)
            : nodes[onPath] == active ? (onPath - SiblingWindow, onPath + SiblingWindow)
            : (onPath, onPath);
        var moreIn = parent is { Url: not null } && parent != active ? parent : null;
        var left = 0;
        for (var i = 0; i < nodes.Count; i++)
        {
            if ((i >= from && i <= to) || (parent is null && navigation.IsPinned(nodes[i])))
            {
                if (left > 0)
                {
                    entries.Add(new SidebarEntry(null, left, moreIn));
                    left = 0;
                }
                entries.Add(new SidebarEntry(nodes[i]));
            }
            else
            {
                left++;
            }
        }
        if (left > 0)
        {
            entries.Add(new SidebarEntry(null, left, moreIn));
        }
        return entries;
    }
}
