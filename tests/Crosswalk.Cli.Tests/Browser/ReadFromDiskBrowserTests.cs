using System.Text.RegularExpressions;

namespace Crosswalk.Cli.Tests.Browser;

/// <summary>
/// A built site opened from disk (file://), as an auditor opens an unzipped copy: under relative_urls (the default) the
/// stylesheet, the script and every link work though base_url is /docs/, which file:// has no idea of.
/// </summary>
public sealed class ReadFromDiskBrowserTests
{
    private static DiskSite Build()
    {
        var files = new Dictionary<string, string>
        {
            ["site.yml"] = "title: Disk Test\nbase_url: /docs/\ncatalogs: [soc2-tsc-2017]\nseverity: { CW2005: off, CW5002: off }\n",
            ["content/index.md"] = "# Home\n\nStart at the [access policy](policies/access.md#reviews).\n",
            ["content/policies/index.md"] = "---\ntitle: Policies\n---\nEvery policy.\n",
            ["content/policies/access.md"] = "---\ntitle: Access Policy\nsatisfies: { soc2-tsc-2017: [CC6.1] }\n---\n# Access Policy\n\n"
                + "See [all policies](index.md) and the [diagram](../img/flow.svg).\n\n![Flow](../img/flow.svg)\n\n## Reviews\n\nQuarterly.\n",
            ["content/img/flow.svg"] = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>",
        };
        return DiskSite.Of(files);
    }

    [Fact]
    public async Task Styles_scripts_and_links_work_from_file_urls_and_a_link_to_a_folder_opens_its_index()
    {
        using var site = Build();
        await using var chromium = await Chromium.LaunchAsync();
        var errors = new List<string>();
        var page = await chromium.NewPageAsync(errors);

        await page.GotoAsync(site.Url("index.html"));
        await AssertStyledAsync(page);

        // A body link with an anchor, one folder down.
        await page.Locator("article a", new() { HasTextString = "access policy" }).ClickAsync();
        await Chromium.ArrivedAsync(page, site.Url("policies/access/index.html") + "#reviews");
        await AssertStyledAsync(page);

        // The sidebar's link to a folder page: the browser would show a folder listing without the theme script.
        await page.Locator("#cw-sidebar a.cw-nav-link", new() { HasTextString = "Policies" }).ClickAsync();
        await Chromium.ArrivedAsync(page, site.Url("policies/index.html"));
        Assert.Equal("Policies", (await page.Locator("h1").First.TextContentAsync())?.Trim());

        // A generated criterion page and back to the document that claims it.
        await page.GotoAsync(site.Url("policies/access/index.html"));
        await page.Locator(".cw-criteria-list a", new() { HasTextString = "CC6.1" }).ClickAsync();
        await Chromium.ArrivedAsync(page, site.Url("criteria/soc2-tsc-2017/cc6.1/index.html"));
        await AssertStyledAsync(page);
        await page.Locator("article a", new() { HasTextString = "Access Policy" }).First.ClickAsync();
        await Chromium.ArrivedAsync(page, new Regex("^" + Regex.Escape(site.Url("policies/access/index.html"))));

        // The image beside the pages loads (an image that failed has no natural width), and the link to it stays on disk.
        await page.GotoAsync(site.Url("policies/access/index.html"));
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('article img[alt=\"Flow\"]'); return !!i && i.complete; }");
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('article img[alt=\"Flow\"]').naturalWidth > 0"), "the image did not load from disk");
        Assert.True(await page.EvaluateAsync<bool>("() => { const i = document.querySelector('article a[href$=\"flow.svg\"]'); return !!i && i.href.startsWith('file:'); }"));
        Assert.Empty(errors);
    }

    private static async Task AssertStyledAsync(Microsoft.Playwright.IPage page)
    {
        // crosswalk.css sets the body's margin to 0 (a browser's own is 8px); crosswalk.js swaps no-js for js. Waited
        // for: the page may still be parsing.
        await page.WaitForFunctionAsync("() => document.body && getComputedStyle(document.body).marginTop === '0px'");
        await page.WaitForFunctionAsync("() => document.documentElement.classList.contains('js')");
    }
}
