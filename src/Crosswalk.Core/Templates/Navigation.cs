using Crosswalk.Content;

namespace Crosswalk.Templates;

/// <summary>A node of the sidebar: a folder (with or without an index page) or a page.</summary>
public sealed class NavNode
{
    /// <summary>Label.</summary>
    public required string Title { get; init; }
    /// <summary>Canonical URL (without base_url) or null for a folder without index page.</summary>
    public string? Url { get; init; }
    /// <summary>Children in sidebar order.</summary>
    public List<NavNode> Children { get; } = [];
    /// <summary>Sort key from <c>nav_order</c>.</summary>
    public double? Order { get; init; }
    /// <summary>The parent node (null for top-level nodes).</summary>
    public NavNode? Parent { get; set; }
    /// <summary>
    /// Where the node stands in its list (<see cref="Navigation.Roots"/> or its parent's children): a pruned sidebar finds
    /// its window and the pinned entries without reading every entry of the lists it shows (the top level of a
    /// 100,000-page site held 474, read on each of its pages).
    /// </summary>
    public int Place { get; internal set; }
}

/// <summary>A sidebar entry for generated pages (the criteria and their catalogs, the reviews page), with its children.</summary>
public sealed record GeneratedNav(string Title, string Url, IReadOnlyList<GeneratedNav> Children);

/// <summary>
/// The site's folder tree as a sidebar: within a folder its index page stands for the folder; siblings sort by
/// <c>nav_order</c>, then title. Built once per build; each page then sees a pruned copy.
/// </summary>
public sealed class Navigation
{
    // Nodes by their page's source file, not by the parse: a preview's new parse of a page with the same title, URL
    // and place finds the node of the last one, so the sidebar serves again unchanged.
    private readonly Dictionary<string, NavNode> _byPage = new(StringComparer.Ordinal);

    /// <summary>Top-level nodes; the home page (root index) comes first.</summary>
    public IReadOnlyList<NavNode> Roots { get; }

    /// <summary>The root index page, if any, as parsed when the sidebar was made (its title and URL are the sidebar's).</summary>
    public ParsedPage? Home { get; }

    /// <summary>
    /// Builds the tree from <paramref name="pages"/> (source order does not matter); <paramref name="extra"/> adds
    /// top-level entries after the folders, for generated sections such as the criteria.
    /// </summary>
    public Navigation(IEnumerable<ParsedPage> pages, IEnumerable<GeneratedNav>? extra = null)
    {
        var folders = new Dictionary<string, FolderBuilder>(StringComparer.Ordinal) { [""] = new FolderBuilder("") };
        foreach (var page in pages.Where(p => !p.Meta.HideFromNav))
        {
            var folder = GetFolder(folders, page.Source.Folder);
            if (page.Source.IsIndex && folder.Index is null)
            {
                folder.Index = page;
            }
            else
            {
                folder.Pages.Add(page);
            }
        }

        var roots = new List<NavNode>();
        var root = folders[""];
        if (root.Index is { } home)
        {
            Home = home;
            var homeNode = new NavNode { Title = home.NavTitle, Url = home.Url, Order = double.MinValue };
            _byPage[home.Source.FullPath] = homeNode;
            roots.Add(homeNode);
        }
        roots.AddRange(BuildChildren(root, null));
        roots.AddRange((extra ?? []).Select(e => Generated(e, null)));
        Roots = roots;
        var pageNodes = _byPage.Values.ToHashSet();
        AddInOrder(roots, pageNodes);
        Count = CountOf(roots);
        IsPruned = Count > InlineLimit;
        // Pinned: the top-level entries every pruned sidebar keeps, the home page and the generated sections.
        HashSet<NavNode> pinned = [.. roots.Where(r => r.Url is { } url && _generated.ContainsKey(url))];
        if (Home is { } homePage)
        {
            pinned.Add(_byPage[homePage.Source.FullPath]);
        }
        Number(roots);
        PinnedPlaces = [.. pinned.Select(n => n.Place).Order()];
    }

    // Nothing adds to or reorders the lists after the constructor, so each node's place is given once.
    private static void Number(List<NavNode> nodes)
    {
        for (var i = 0; i < nodes.Count; i++)
        {
            nodes[i].Place = i;
            Number(nodes[i].Children);
        }
    }

    /// <summary>The places in <see cref="Roots"/> of the entries every pruned sidebar keeps (the home page and the generated sections), in order.</summary>
    public IReadOnlyList<int> PinnedPlaces { get; }

    /// <summary>
    /// The most entries a sidebar lists in full on every page, as it always did. A larger site's pages each list only
    /// their part of it (<see cref="SidebarEntries"/>), and the whole tree is written once (<see cref="NavigationScript"/>).
    /// </summary>
    public const int InlineLimit = 150;

    /// <summary>How many entries the whole tree has.</summary>
    public int Count { get; }

    /// <summary>True when the site is larger than <see cref="InlineLimit"/>: each page lists only its part of the tree.</summary>
    public bool IsPruned { get; }

    private static int CountOf(IReadOnlyList<NavNode> nodes) => nodes.Count + nodes.Sum(n => CountOf(n.Children));

    // Generated entries by URL: a generated page finds its place in the sidebar by its URL, having no source file.
    private readonly Dictionary<string, NavNode> _generated = new(StringComparer.Ordinal);

    private NavNode Generated(GeneratedNav entry, NavNode? parent)
    {
        var node = new NavNode { Title = entry.Title, Url = entry.Url, Parent = parent };
        _generated.TryAdd(entry.Url, node);
        node.Children.AddRange(entry.Children.Select(c => Generated(c, node)));
        return node;
    }

    /// <summary>
    /// Where a generated page at <paramref name="url"/> stands in the sidebar: its own entry (<c>Exact</c>), or the
    /// entry of the deepest generated section holding it (a criterion's catalog); null when none does.
    /// </summary>
    public (NavNode? Node, bool Exact) PlaceOf(string url)
    {
        if (_generated.TryGetValue(url, out var node))
        {
            return (node, true);
        }
        // Up the URL's folders: /criteria/soc2/cc6.1/ is under /criteria/soc2/, itself under /criteria/.
        for (var end = url.TrimEnd('/').LastIndexOf('/'); end > 0; end = url.LastIndexOf('/', end - 1))
        {
            if (_generated.TryGetValue(url[..(end + 1)], out var section))
            {
                return (section, false);
            }
        }
        return (null, false);
    }

    // The content pages' nodes as the sidebar lists them, depth first: what previous and next step through.
    private readonly List<NavNode> _sequence = [];
    private readonly Dictionary<NavNode, int> _position = [];

    private void AddInOrder(IReadOnlyList<NavNode> nodes, HashSet<NavNode> pageNodes)
    {
        foreach (var node in nodes)
        {
            if (pageNodes.Contains(node))
            {
                _position[node] = _sequence.Count;
                _sequence.Add(node);
            }
            AddInOrder(node.Children, pageNodes);
        }
    }

    /// <summary>
    /// The content pages before and after <paramref name="page"/> in sidebar order (generated pages such as the criteria
    /// are left out); none for a page not in the sidebar.
    /// </summary>
    public (NavNode? Previous, NavNode? Next) Neighbours(ParsedPage page)
    {
        if (NodeOf(page) is not { } node || !_position.TryGetValue(node, out var at))
        {
            return (null, null);
        }
        return (at > 0 ? _sequence[at - 1] : null, at + 1 < _sequence.Count ? _sequence[at + 1] : null);
    }

    private List<NavNode> BuildChildren(FolderBuilder folder, NavNode? parent)
    {
        var nodes = new List<NavNode>();
        foreach (var page in folder.Pages)
        {
            var node = new NavNode { Title = page.NavTitle, Url = page.Url, Order = page.Meta.NavOrder, Parent = parent };
            _byPage[page.Source.FullPath] = node;
            nodes.Add(node);
        }
        foreach (var sub in folder.Subfolders.Values)
        {
            var name = sub.Path[(sub.Path.LastIndexOf('/') + 1)..];
            var node = new NavNode
            {
                Title = sub.Index?.NavTitle ?? Humanize(name),
                Url = sub.Index?.Url,
                Order = sub.Index?.Meta.NavOrder,
                Parent = parent,
            };
            if (sub.Index is not null)
            {
                _byPage[sub.Index.Source.FullPath] = node;
            }
            node.Children.AddRange(BuildChildren(sub, node));
            nodes.Add(node);
        }
        nodes.Sort((a, b) =>
        {
            var order = (a.Order ?? double.MaxValue).CompareTo(b.Order ?? double.MaxValue);
            if (order != 0)
            {
                return order;
            }
            var title = StringComparer.OrdinalIgnoreCase.Compare(a.Title, b.Title);
            return title != 0 ? title : StringComparer.Ordinal.Compare(a.Url ?? "", b.Url ?? "");
        });
        return nodes;
    }

    /// <summary>The node of <paramref name="page"/>, if it is in the sidebar.</summary>
    public NavNode? NodeOf(ParsedPage page) => _byPage.GetValueOrDefault(page.Source.FullPath);

    /// <summary>True when <paramref name="page"/> is (a parse of) the home page.</summary>
    public bool IsHome(ParsedPage page) => Home is { } home && home.Source.FullPath == page.Source.FullPath;

    /// <summary>From the home page down to the parent of <paramref name="page"/>: the trail of linked ancestors.</summary>
    public IReadOnlyList<NavNode> Breadcrumbs(ParsedPage page)
    {
        var trail = new List<NavNode>();
        for (var node = NodeOf(page)?.Parent; node is not null; node = node.Parent)
        {
            trail.Insert(0, node);
        }
        if (Home is { } home && !IsHome(page))
        {
            trail.Insert(0, _byPage[home.Source.FullPath]);
        }
        return trail;
    }

    private static string Humanize(string name)
    {
        var text = name.Replace('-', ' ').Replace('_', ' ');
        return text.Length == 0 ? name : char.ToUpperInvariant(text[0]) + text[1..];
    }

    private static FolderBuilder GetFolder(Dictionary<string, FolderBuilder> folders, string path)
    {
        if (folders.TryGetValue(path, out var existing))
        {
            return existing;
        }
        var parentPath = path.LastIndexOf('/') is var i and >= 0 ? path[..i] : "";
        var parent = GetFolder(folders, parentPath);
        var folder = new FolderBuilder(path);
        parent.Subfolders.Add(path, folder);
        folders[path] = folder;
        return folder;
    }

    private sealed class FolderBuilder(string path)
    {
        public string Path { get; } = path;
        public ParsedPage? Index { get; set; }
        public List<ParsedPage> Pages { get; } = [];
        public SortedDictionary<string, FolderBuilder> Subfolders { get; } = new(StringComparer.Ordinal);
    }
}
