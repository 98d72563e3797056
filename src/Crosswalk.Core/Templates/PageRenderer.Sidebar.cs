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

    /// <summary>
    /// Where the page finds the whole tree (<c>page.nav_script</c>), from its root like the search index: null when
    /// its sidebar lists it all. The URL carries a digest of the tree, so a browser holding the tree of an earlier
    /// build fetches the new one.
    /// </summary>
    internal string? NavScript(PageView view) => Sidebar.IsPruned ? HtmlEscape.Text(Root(view)) + NavigationScript.Path + "?v=" + NavigationScript.Digest(Sidebar) : null;

    internal ScriptArray Nav(PageView view)
    {
        var (active, current, path) = Place(view);
        return Nodes(Sidebar.Roots, null);

        ScriptArray Nodes(IReadOnlyList<NavNode> nodes, NavNode? parent)
        {
            var entries = SidebarEntries.Of(Sidebar, nodes, parent, active, path);
            var array = new ScriptArray(entries.Count);
            foreach (var entry in entries)
            {
                array.Add(entry.Node is not { } node ? MoreObject(entry) : path.Contains(node) ? PathNode(node) : _collapsed.GetOrAdd(node, CollapsedNode));
            }
            return array;
        }

        ScriptObject PathNode(NavNode node)
        {
            // Only the current page's branch is expanded: a 10,000-page sidebar per page would dominate the build.
            var isActive = node == active;
            return NavObject(node, isActive ? current : null, inPath: !isActive, Nodes(node.Children, node), expanded: node.Children.Count > 0);
        }
    }

    // A mark for entries a pruned sidebar leaves out: an entry titled "N more", linking to their section when it has a page.
    private ScriptObject MoreObject(SidebarEntry entry) => new(10)
    {
        ["title"] = HtmlEscape.Text(MoreText(entry)),
        ["url"] = entry.MoreIn?.Url is { } url ? Href(url) : null,
        ["active"] = false,
        ["current"] = null,
        ["in_path"] = false,
        ["has_children"] = false,
        ["children"] = new ScriptArray { IsReadOnly = true },
        ["expanded"] = false,
        ["more"] = entry.More,
    };

    private static string MoreText(SidebarEntry entry) =>
        entry.MoreIn is { } section ? $"{entry.More} more in {section.Title}" : $"{entry.More} more";

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
        // A pruned sidebar is made for each page anyway: its links are written from the page (../page-2/ rather than
        // the path from the root, most of which the page shares), which keeps a leaf's sidebar small.
        var href = Sidebar.IsPruned && config.RelativeUrls && !view.ServedAnywhere && view.Url.EndsWith('/') ? (Func<string, string>)(url => FromPage(view.Url, url)) : null;
        // Every byte of it is on every page: without the indentation a small sidebar is written with.
        var markup = Sidebar.IsPruned ? NavMarkup.Compact : NavMarkup.Indented;
        // One builder per thread: grown to the size of a sidebar once, not once per page.
        var html = t_nav ??= new StringBuilder(16 * 1024);
        html.Clear();
        AppendList(Sidebar.Roots, null, 1);
        return html.ToString();

        void AppendList(IReadOnlyList<NavNode> nodes, NavNode? parent, int depth)
        {
            html.Append("<ol class=\"cw-nav-list cw-nav-depth-").Append(depth).Append("\">");
            foreach (var entry in SidebarEntries.Of(Sidebar, nodes, parent, active, path))
            {
                if (entry.Node is not { } node)
                {
                    AppendMore(html, entry, href, markup);
                    continue;
                }
                if (!path.Contains(node))
                {
                    if (!Sidebar.IsPruned)
                    {
                        html.Append(_collapsedHtml.GetOrAdd(node, _collapsedItemHtml ??= CollapsedItemHtml));
                    }
                    else
                    {
                        AppendItemStart(html, node, node.Children.Count > 0 ? " has-children is-collapsed" : "", current: null, markup, href);
                        html.Append(markup.ItemEnd);
                    }
                    continue;
                }
                var isActive = node == active;
                var hasChildren = node.Children.Count > 0;
                AppendItemStart(html, node, (isActive ? " is-active" : " is-in-path") + (hasChildren ? " has-children is-expanded" : ""), isActive ? current : null, markup, href);
                if (hasChildren)
                {
                    html.Append(markup.Inner);
                    AppendList(node.Children, node, depth + 1);
                }
                html.Append(markup.ItemEnd);
            }
            html.Append(markup.ListEnd);
        }
    }

    private void AppendMore(StringBuilder html, SidebarEntry entry, Func<string, string>? href, NavMarkup markup)
    {
        html.Append(markup.Item).Append(" cw-nav-more\">").Append(markup.Inner);
        var text = HtmlEscape.Text(MoreText(entry));
        if (entry.MoreIn?.Url is { } url)
        {
            html.Append("<a class=\"cw-nav-link\" href=\"").Append(href is null ? Href(url) : href(url)).Append("\">").Append(text).Append("</a>");
        }
        else
        {
            html.Append("<span class=\"cw-nav-label\">").Append(text).Append("</span>");
        }
        html.Append(markup.ItemEnd);
    }

    // The whitespace between the sidebar's tags: indented as the theme's templates are, or none (a pruned sidebar).
    private sealed record NavMarkup(string Item, string Inner, string ItemEnd, string ListEnd)
    {
        public static readonly NavMarkup Indented = new("\n  <li class=\"cw-nav-item", "\n    ", "\n  </li>", "\n</ol>\n");
        public static readonly NavMarkup Compact = new("\n<li class=\"cw-nav-item", "", "</li>", "</ol>\n");
    }

    /// <summary>
    /// The escaped link from the page at <paramref name="page"/> (a folder URL) to the site path <paramref name="url"/>:
    /// up to the folder they share, then down (<c>../b/</c> from <c>/a/x/</c> to <c>/a/b/</c>; <c>./</c> to itself).
    /// </summary>
    internal static string FromPage(string page, string url)
    {
        var from = page.AsSpan(1);
        var to = url.AsSpan(1);
        var common = 0;
        for (var i = 0; i < from.Length && i < to.Length && from[i] == to[i]; i++)
        {
            common = from[i] == '/' ? i + 1 : common;
        }
        var up = from[common..].Count('/');
        var down = to[common..].ToString();
        // A first segment with a colon would read as a scheme (c:d/): written from the current folder.
        var relative = up > 0 ? string.Concat(Enumerable.Repeat("../", up)) + down
            : down.Length == 0 ? "./" : down.Split('/')[0].Contains(':') ? "./" + down : down;
        return HtmlEscape.Text(HtmlEscape.Path(relative));
    }

    [ThreadStatic]
    private static StringBuilder? t_nav;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<NavNode, string> _collapsedHtml = new();

    // A method group makes a new delegate at each use; this one is looked up for every collapsed entry of every page.
    private Func<NavNode, string>? _collapsedItemHtml;

    private string CollapsedItemHtml(NavNode node)
    {
        var item = new StringBuilder();
        AppendItemStart(item, node, node.Children.Count > 0 ? " has-children is-collapsed" : "", current: null, NavMarkup.Indented);
        return item.Append(NavMarkup.Indented.ItemEnd).ToString();
    }

    private void AppendItemStart(StringBuilder html, NavNode node, string classes, string? current, NavMarkup markup, Func<string, string>? href = null)
    {
        html.Append(markup.Item).Append(classes).Append("\">").Append(markup.Inner);
        if (node.Url is null)
        {
            html.Append("<span class=\"cw-nav-label\">").Append(HtmlEscape.Text(node.Title)).Append("</span>");
            return;
        }
        html.Append("<a class=\"cw-nav-link\" href=\"").Append(href is null ? Href(node.Url) : href(node.Url)).Append('"')
            .Append(current is null ? "" : $" aria-current=\"{current}\"").Append('>').Append(HtmlEscape.Text(node.Title)).Append("</a>");
    }
}
