using System.Text;
using Deque.AxeCore.Playwright;

namespace Crosswalk.Cli.Tests.Browser;

/// <summary>
/// A site too large to list whole on every page, read from disk (file://): a page's sidebar shows its sections, its
/// siblings and marks for the rest; "Show all pages" loads the whole tree from assets/nav-tree.js, with the keyboard,
/// its folders open one by one, and its links lead to the pages.
/// </summary>
public sealed class LargeSiteSidebarBrowserTests
{
    // Three sections of 60 pages: more entries than a page lists whole.
    private static DiskSite Build()
    {
        var files = new Dictionary<string, string>
        {
            ["site.yml"] = "title: Large\nbase_url: /docs/\ncatalogs: [soc2-tsc-2017]\nseverity: { CW2005: off, CW5002: off }\n",
            ["content/index.md"] = "# Home\n",
        };
        foreach (var section in new[] { "alpha", "beta", "gamma" })
        {
            files[$"content/{section}/index.md"] = $"# Section {section}\n";
            for (var i = 1; i <= 60; i++)
            {
                files[$"content/{section}/page-{i:D2}.md"] = $"# {section} page {i:D2}\n\nText.\n";
            }
        }
        return DiskSite.Of(files, history: false);
    }

    [Fact]
    public async Task The_pruned_sidebar_opens_the_whole_tree_from_the_shared_file_and_its_links_work_from_disk()
    {
        using var site = Build();
        await using var chromium = await Chromium.LaunchAsync();
        var errors = new List<string>();
        var page = await chromium.NewPageAsync(errors);
        await page.GotoAsync(site.Url("beta/page-30/index.html"));

        // The page's part of the tree: its section, three siblings each side, marks for the rest.
        var pruned = page.Locator("#cw-sidebar .cw-sidebar-inner > .cw-nav-list");
        Assert.Equal(["Home", "1 more", "Section beta", "1 more", "Criteria"],
            (await pruned.Locator(":scope > li > :first-child").AllTextContentsAsync()).Select(t => t.Trim()));
        Assert.Equal("beta page 30", (await pruned.Locator("[aria-current='page']").TextContentAsync())?.Trim());
        Assert.Equal(9, await pruned.Locator(".cw-nav-depth-2 > li").CountAsync());
        // The button is in place from the first paint: no script reveals it later.
        var button = page.Locator("[data-cw-nav-full]");
        Assert.True(await button.IsVisibleAsync());
        Assert.Equal("false", await button.GetAttributeAsync("aria-expanded"));

        // With the keyboard: the whole tree, its current page marked in its opened section.
        await button.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var tree = page.Locator("#cw-nav-tree");
        await tree.Locator(".cw-nav-depth-1").WaitForAsync();
        Assert.Equal("true", await button.GetAttributeAsync("aria-expanded"));
        Assert.True(await pruned.IsHiddenAsync());
        Assert.Equal(["Home", "Section alpha", "Section beta", "Section gamma", "Criteria"],
            (await tree.Locator(".cw-nav-depth-1 > li > :first-child").AllTextContentsAsync()).Select(t => t.Trim()));
        var current = tree.Locator("[aria-current='page']");
        Assert.Equal("beta page 30", (await current.TextContentAsync())?.Trim());
        Assert.True(await current.IsVisibleAsync());
        Assert.Equal(60, await tree.Locator(".cw-nav-depth-2:visible > li").CountAsync());

        // A folded section opens with the keyboard, and its links lead to the pages on disk.
        var gamma = tree.Locator(".cw-nav-depth-1 > li", new() { Has = page.Locator(":scope > a", new() { HasTextString = "Section gamma" }) });
        var expander = gamma.Locator(":scope > .cw-nav-expander");
        Assert.Equal("false", await expander.GetAttributeAsync("aria-expanded"));
        await expander.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("true", await expander.GetAttributeAsync("aria-expanded"));
        var axe = await page.RunAxe(new Deque.AxeCore.Commons.AxeRunOptions
        {
            RunOnly = new() { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
        });
        var report = new StringBuilder();
        foreach (var violation in axe.Violations)
        {
            report.Append($"{violation.Id}: {violation.Help} {string.Join(" | ", violation.Nodes.Take(3).Select(n => n.Html))}\n");
        }
        Assert.True(report.Length == 0, "axe-core violations with the whole tree open:\n" + report);
        await gamma.Locator("a", new() { HasTextString = "gamma page 42" }).ClickAsync();
        await Chromium.ArrivedAsync(page, site.Url("gamma/page-42/index.html"));
        Assert.Equal("gamma page 42", (await page.Locator("h1").First.TextContentAsync())?.Trim().TrimEnd('#'));

        // The home page's entry in the tree leads home, from one folder down too.
        await page.Locator("[data-cw-nav-full]").ClickAsync();
        await page.Locator("#cw-nav-tree .cw-nav-depth-1 > li > a", new() { HasTextString = "Home" }).ClickAsync();
        await Chromium.ArrivedAsync(page, site.Url("index.html"));
        Assert.Empty(errors);
    }
}
