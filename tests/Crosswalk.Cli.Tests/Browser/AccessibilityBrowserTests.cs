using System.Text;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Crosswalk.Cli.Tests.Browser;

/// <summary>
/// axe-core (Deque.AxeCore.Playwright) on the repository's own site, read from disk: six kinds of page, in the light
/// and the dark scheme, at a laptop's width and a phone's. Every violation of every run is listed when it fails.
/// </summary>
public sealed class AccessibilityBrowserTests
{
    // One page of each kind the site has.
    private static readonly string[] Pages =
    [
        "compliance/index.html",                    // a content page with wide mapping tables
        "compliance/access-control-policy/index.html", // a controlled document: control block, revision history
        "criteria/index.html",                      // the criteria index
        "criteria/soc2-tsc-2017/index.html",        // a catalog's coverage matrix
        "criteria/soc2-tsc-2017/cc6.1/index.html",  // a criterion and the documents that claim it
        "reviews/index.html",                       // the reviews page
    ];

    // WCAG 2.0 to 2.2 A and AA (target size included, which axe leaves out by default) and axe's best practices.
    private static readonly Deque.AxeCore.Commons.AxeRunOptions Rules = new()
    {
        RunOnly = new() { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    };

    [Fact]
    public async Task The_repository_site_has_no_axe_violation_in_either_scheme_on_a_laptop_or_a_phone()
    {
        using var site = DiskSite.OfRepository();
        await using var chromium = await Chromium.LaunchAsync();
        var report = new StringBuilder();
        var runs = 0;
        foreach (var (width, height) in new[] { (1366, 900), (390, 844) })
        {
            foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
            {
                var errors = new List<string>();
                var page = await chromium.NewPageAsync(errors, width, height, scheme);
                foreach (var path in Pages)
                {
                    await Chromium.GotoPaintedAsync(page, site.Url(path));
                    var axe = await page.RunAxe(Rules);
                    runs++;
                    foreach (var violation in axe.Violations)
                    {
                        report.Append($"{path} {width}px {scheme}: {violation.Id} ({violation.Impact}) {violation.Help}\n");
                        foreach (var node in violation.Nodes.Take(5))
                        {
                            report.Append($"    {string.Join(" ", node.Target)}: {node.Html}\n");
                        }
                    }
                }
                Assert.Empty(errors);
                await page.Context.CloseAsync();
            }
        }
        Assert.Equal(Pages.Length * 4, runs);
        Assert.True(report.Length == 0, "axe-core violations:\n" + report);
    }
}
