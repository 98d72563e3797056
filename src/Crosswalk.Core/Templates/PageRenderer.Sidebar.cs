using System.Text;
using Crosswalk.Markdown;
using Scriban.Runtime;

namespace Crosswalk.Templates;

// The sidebar of a page: page.nav (objects) and page.nav_html (markup), each entry off the page's branch built once.
public sealed partial class PageRenderer
{
    private static HashSet<NavNode> PathTo(NavNode? active)
    {
        var path = new HashSet<NavNode>();
        for (var n = active; n is not null; n = n.Parent)
        {
            path.Add(n);
        }
        return path;
    }

    // The sidebar entry of the page and the entries on the way to it (expanded). The entry is the current page
    // (aria-current="page"), or for a generated page without an entry of its own (a criterion) its section's, marked
    // as the current location.
    private (NavNode? Active, string Current, HashSet<NavNode> Path) Place(PageView view)
    {
        if (view.Page is { } page)
        {
            var node = Sidebar.NodeOf(page);
            return (node, "page", PathTo(node));
        }
        var (section, exact) = Sidebar.PlaceOf(view.Url);
        return (section, exact ? "page" : "location", PathTo(section));
    }

    internal ScriptArray Nav(PageView view)
    {
        var (active, current, path) = Place(view);
        return Nodes(Sidebar.Roots);

        ScriptArray Nodes(IReadOnlyList<NavNode> nodes)
        {
            var array = new ScriptArray(nodes.Count);
            foreach (var node in nodes)
            {
                array.Add(path.Contains(node) ? PathNode(node) : _collapsed.GetOrAdd(node, CollapsedNode));
            }
            return array;
        }

        ScriptObject PathNode(NavNode node)
        {
            // Only the current page's branch is expanded: a 10,000-page sidebar per page would dominate the build.
            var isActive = node == active;
            return NavObject(node, isActive ? current : null, inPath: !isActive, Nodes(node.Children), expanded: node.Children.Count > 0);
        }
    }

    // Nodes off the current page's branch look the same on every page: built once and shared, read-only so that no
    // template can change what the next page sees.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<NavNode, ScriptObject> _collapsed = new();

    private ScriptObject CollapsedNode(NavNode node)
    {
        var collapsed = NavObject(node, current: null, inPath: false, new ScriptArray { IsReadOnly = true }, expanded: false);
        collapsed.IsReadOnly = true;
        return collapsed;
    }

    // current: "page" for the page's own entry, "location" for the section of a generated page, else null.
    private ScriptObject NavObject(NavNode node, string? current, bool inPath, ScriptArray children, bool expanded) => new(9)
    {
        ["title"] = HtmlEscape.Text(node.Title),
        ["url"] = node.Url is null ? null : Href(node.Url),
        ["active"] = current is not null,
        ["current"] = current,
        ["in_path"] = inPath,
        ["has_children"] = node.Children.Count > 0,
        ["children"] = children,
        ["expanded"] = expanded,
    };

    /// <summary>
    /// The sidebar's nested lists as HTML (<c>page.nav_html</c>): the markup the built-in theme shows, built here because
    /// a sidebar of a hundred entries per page costs more through a template than the rest of the page. Entries off the
    /// current page's branch are the same on every page and built once.
    /// </summary>
    internal string NavHtml(PageView view)
    {
        var (active, current, path) = Place(view);
        // One builder per thread: grown to the size of a sidebar once, not once per page.
        var html = t_nav ??= new StringBuilder(16 * 1024);
        html.Clear();
        AppendList(Sidebar.Roots, 1);
        return html.ToString();

        void AppendList(IReadOnlyList<NavNode> nodes, int depth)
        {
            html.Append("<ol class=\"cw-nav-list cw-nav-depth-").Append(depth).Append("\">");
            for (var i = 0; i < nodes.Count; i++)
            {
                var node = nodes[i];
                if (!path.Contains(node))
                {
                    html.Append(_collapsedHtml.GetOrAdd(node, _collapsedItemHtml ??= CollapsedItemHtml));
                    continue;
                }
                var isActive = node == active;
                var hasChildren = node.Children.Count > 0;
                AppendItemStart(html, node, (isActive ? " is-active" : " is-in-path") + (hasChildren ? " has-children is-expanded" : ""), isActive ? current : null);
                if (hasChildren)
                {
                    html.Append("\n    ");
                    AppendList(node.Children, depth + 1);
                }
                html.Append("\n  </li>");
            }
            html.Append("\n</ol>\n");
        }
    }

    [ThreadStatic]
    private static StringBuilder? t_nav;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<NavNode, string> _collapsedHtml = new();

    // A method group makes a new delegate at each use; this one is looked up for every collapsed entry of every page.
    private Func<NavNode, string>? _collapsedItemHtml;

    private string CollapsedItemHtml(NavNode node)
    {
        var item = new StringBuilder();
        AppendItemStart(item, node, node.Children.Count > 0 ? " has-children is-collapsed" : "", current: null);
        return item.Append("\n  </li>").ToString();
    }

    private void AppendItemStart(StringBuilder html, NavNode node, string classes, string? current)
    {
        html.Append("\n  <li class=\"cw-nav-item").Append(classes).Append("\">");
        if (node.Url is null)
        {
            html.Append("\n    <span class=\"cw-nav-label\">").Append(HtmlEscape.Text(node.Title)).Append("</span>");
            return;
        }
        html.Append("\n    <a class=\"cw-nav-link\" href=\"").Append(Href(node.Url)).Append('"')
            .Append(current is null ? "" : $" aria-current=\"{current}\"").Append('>').Append(HtmlEscape.Text(node.Title)).Append("</a>");
    }
}
