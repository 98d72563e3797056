using System.Text.Json;
using AngleSharp.Html.Parser;
using Crosswalk.Pipeline;
using Crosswalk.Templates;
using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Templates;

/// <summary>
/// A site larger than <see cref="Navigation.InlineLimit"/> entries: each page's sidebar lists its sections, a window of
/// its siblings and its first children, and the whole tree is written once as assets/nav-tree.js.
/// </summary>
public sealed class PrunedSidebarTests
{
    // Three sections of 60 pages each (page-01 … page-60), and a home page: 184 entries.
    private static TempSite LargeSite()
    {
        var files = new List<(string, string)>
        {
            ("site.yml", "title: T\ncatalogs: [soc2-tsc-2017]\nseverity: { CW2005: off, CW5002: off }\n"),
            ("content/index.md", "# Home\n"),
        };
        foreach (var section in new[] { "alpha", "beta", "gamma" })
        {
            files.Add(($"content/{section}/index.md", $"# Section {section}\n"));
            for (var i = 1; i <= 60; i++)
            {
                files.Add(($"content/{section}/page-{i:D2}.md", $"# {section} page {i:D2}\n"));
            }
        }
        return new TempSite([.. files]);
    }

    private static List<string> Texts(AngleSharp.Dom.IDocument page, string selector) =>
        [.. page.QuerySelectorAll(selector).Select(e => e.TextContent.Trim())];

    [Fact]
    public void A_page_lists_its_sections_a_window_of_siblings_and_marks_the_gaps()
    {
        using var site = LargeSite();
        Assert.True(SiteBuilder.Build(new BuildOptions { ConfigPath = site.ConfigPath }).Written);
        var page = new HtmlParser().ParseDocument(site.Read("_site/beta/page-30/index.html"));

        // Top level: home, the section on the way (the other two in the marks around it), Criteria.
        Assert.Equal(["Home", "1 more", "Section beta", "1 more", "Criteria"], Texts(page, "#cw-sidebar .cw-nav-depth-1 > li > :first-child"));
        // The page's own list: three siblings each side, the rest counted, linking to the section's page.
        Assert.Equal(["26 more in Section beta", "beta page 27", "beta page 28", "beta page 29", "beta page 30", "beta page 31", "beta page 32",
            "beta page 33", "27 more in Section beta"], Texts(page, "#cw-sidebar .cw-nav-depth-2 > li > :first-child"));
        var current = Assert.Single(page.QuerySelectorAll("#cw-sidebar [aria-current]"));
        Assert.Equal(("page", "beta page 30"), (current.GetAttribute("aria-current"), current.TextContent));
        // Links are written from the page: to its section, a sibling, the home page.
        Assert.Equal("../", page.QuerySelector("#cw-sidebar .cw-nav-more a")?.GetAttribute("href"));
        Assert.Equal("../page-31/", page.QuerySelector("#cw-sidebar a:not([aria-current])[href$='page-31/']")?.GetAttribute("href"));
        Assert.Equal("../../", page.QuerySelector("#cw-sidebar .cw-nav-depth-1 > li > a")?.GetAttribute("href"));
        // The tree's URL names a digest of its bytes: a browser holding an older tree fetches this build's.
        var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(site.PathOf("_site/assets/nav-tree.js"))))[..12];
        Assert.Equal("../../assets/nav-tree.js?v=" + digest, page.QuerySelector("[data-cw-nav-full]")?.GetAttribute("data-cw-nav-full"));

        // A section's page: its first children, then a mark without a link (it is the page itself).
        var section = new HtmlParser().ParseDocument(site.Read("_site/gamma/index.html"));
        var children = Texts(section, "#cw-sidebar .cw-nav-depth-2 > li > :first-child");
        Assert.Equal([.. Enumerable.Range(1, SidebarEntries.ChildLimit).Select(i => $"gamma page {i:D2}"), $"{60 - SidebarEntries.ChildLimit} more"], children);
        Assert.Null(section.QuerySelector("#cw-sidebar .cw-nav-depth-2 .cw-nav-more a"));
    }

    [Fact]
    public void The_whole_tree_is_written_once_with_urls_relative_to_the_root()
    {
        using var site = LargeSite();
        Assert.True(SiteBuilder.Build(new BuildOptions { ConfigPath = site.ConfigPath }).Written);
        var script = site.Read("_site/assets/nav-tree.js");
        const string Prefix = "window.crosswalkNav=";
        var json = script[(script.IndexOf(Prefix, StringComparison.Ordinal) + Prefix.Length)..].TrimEnd().TrimEnd(';');
        var tree = JsonDocument.Parse(json).RootElement.GetProperty("tree");

        Assert.Equal(["Home", "Section alpha", "Section beta", "Section gamma", "Criteria"], tree.EnumerateArray().Select(n => n[0].GetString()));
        Assert.Equal("", tree[0][1].GetString());
        var beta = tree[2];
        Assert.Equal("beta/", beta[1].GetString());
        Assert.Equal(60, beta[2].GetArrayLength());
        Assert.Equal(("beta page 01", "beta/page-01/"), (beta[2][0][0].GetString(), beta[2][0][1].GetString()));
        Assert.Equal(1, tree[4][2].GetArrayLength());
    }

    [Fact]
    public void A_small_site_lists_the_whole_tree_on_every_page_and_writes_no_tree_file()
    {
        using var site = new TempSite(
            ("site.yml", "title: T\nseverity: { CW2005: off, CW5002: off }\n"),
            ("content/index.md", "# Home\n"),
            ("content/a/index.md", "# A\n"),
            ("content/a/one.md", "# One\n"),
            ("content/b/two.md", "# Two\n"));
        Assert.True(SiteBuilder.Build(new BuildOptions { ConfigPath = site.ConfigPath }).Written);
        var page = new HtmlParser().ParseDocument(site.Read("_site/a/one/index.html"));

        Assert.Equal(["Home", "A", "B"], Texts(page, "#cw-sidebar .cw-nav-depth-1 > li > :first-child"));
        Assert.Empty(page.QuerySelectorAll(".cw-nav-more, [data-cw-nav-full]"));
        Assert.False(File.Exists(Path.Combine(site.Root, "_site/assets/nav-tree.js")));
    }
}
