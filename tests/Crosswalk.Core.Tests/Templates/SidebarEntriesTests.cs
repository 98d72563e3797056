using Crosswalk.Content;
using Crosswalk.Templates;
using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Templates;

/// <summary>
/// Which entries a page's sidebar shows, on random trees: found from the path and each node's place, they must be the
/// entries that reading every list in full gives (the rule as <see cref="SidebarEntries"/> first stated it).
/// </summary>
public sealed class SidebarEntriesTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Every_list_on_every_page_shows_what_reading_the_whole_list_shows(int seed)
    {
        var navigation = RandomTree(new Random(seed));
        var checkedLists = 0;
        foreach (var active in All(navigation.Roots).Prepend(null))
        {
            var path = PathTo(active);
            // The lists a page shows: the top level, the children of each entry on its path.
            foreach (var (nodes, parent) in path.Select(n => ((IReadOnlyList<NavNode>)n.Children, (NavNode?)n)).Prepend((navigation.Roots, null)))
            {
                Assert.Equal(Reference(navigation, nodes, parent, active, path), SidebarEntries.Of(navigation, nodes, parent, active, path));
                checkedLists++;
            }
        }
        Assert.True(navigation.IsPruned);
        Assert.True(checkedLists > navigation.Count, $"{checkedLists} lists checked");
    }

    [Fact]
    public void A_list_that_is_not_on_the_path_shows_its_first_entries_and_counts_the_rest()
    {
        var navigation = RandomTree(new Random(7));
        var section = navigation.Roots.First(r => r.Children.Count > SidebarEntries.ChildLimit + 1);

        var entries = SidebarEntries.Of(navigation, section.Children, section, active: null, path: []);

        Assert.Equal([.. section.Children.Take(SidebarEntries.ChildLimit)], entries.SkipLast(1).Select(e => e.Node));
        var mark = entries[^1];
        Assert.Equal((null, section.Children.Count - SidebarEntries.ChildLimit), (mark.Node, mark.More));
    }

    // Top-level sections, some without an index page, with pages and sub-sections; a home page and two generated
    // sections pinned at the top. Always more than InlineLimit entries.
    private static Navigation RandomTree(Random random)
    {
        var pages = new List<ParsedPage> { Pages.Parse("index.md", "# Home\n") };
        var sections = random.Next(20, 80);
        for (var s = 0; s < sections; s++)
        {
            var folder = $"s{s:D2}";
            if (random.Next(4) > 0)
            {
                pages.Add(Pages.Parse($"{folder}/index.md", $"# Section {s:D2}\n"));
            }
            for (var p = random.Next(0, 14); p > 0; p--)
            {
                pages.Add(Pages.Parse($"{folder}/page-{p:D2}.md", $"# Page {s:D2}.{p:D2}\n"));
            }
            for (var sub = random.Next(0, 3); sub > 0; sub--)
            {
                pages.Add(Pages.Parse($"{folder}/sub-{sub}/index.md", $"# Sub {s:D2}.{sub}\n"));
                for (var p = random.Next(1, 12); p > 0; p--)
                {
                    pages.Add(Pages.Parse($"{folder}/sub-{sub}/leaf-{p:D2}.md", $"# Leaf {s:D2}.{sub}.{p:D2}\n"));
                }
            }
        }
        var navigation = new Navigation(pages, [new("Criteria", Generated[0], [new("SOC 2", "/criteria/soc2/", [])]), new("Reviews", Generated[1], [])]);
        return navigation.Count > Navigation.InlineLimit ? navigation : RandomTree(random);
    }

    // The generated sections' URLs: pinned at the top of every pruned sidebar, with the home page.
    private static readonly string[] Generated = ["/criteria/", "/reviews/"];

    private static IEnumerable<NavNode> All(IReadOnlyList<NavNode> nodes) => nodes.SelectMany(n => All(n.Children).Prepend(n));

    private static HashSet<NavNode> PathTo(NavNode? node)
    {
        var path = new HashSet<NavNode>();
        for (var n = node; n is not null; n = n.Parent)
        {
            path.Add(n);
        }
        return path;
    }

    // The rule read off every entry of the list: the window around the path's entry, the pinned entries at the top
    // (told by their URLs, not by the Navigation under test), a mark for each gap.
    private static List<SidebarEntry> Reference(Navigation navigation, IReadOnlyList<NavNode> nodes, NavNode? parent, NavNode? active, HashSet<NavNode> path)
    {
        var entries = new List<SidebarEntry>();
        var onPath = -1;
        for (var i = 0; i < nodes.Count && onPath < 0; i++)
        {
            onPath = path.Contains(nodes[i]) ? i : -1;
        }
        var (from, to) = onPath < 0 ? (0, SidebarEntries.ChildLimit - 1)
            : nodes[onPath] == active ? (onPath - SidebarEntries.SiblingWindow, onPath + SidebarEntries.SiblingWindow)
            : (onPath, onPath);
        var moreIn = parent is { Url: not null } && parent != active ? parent : null;
        var left = 0;
        for (var i = 0; i < nodes.Count; i++)
        {
            var pinned = parent is null && (nodes[i].Url == navigation.Home?.Url || Generated.Contains(nodes[i].Url));
            if ((i >= from && i <= to) || pinned)
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
