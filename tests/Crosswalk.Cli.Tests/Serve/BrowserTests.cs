using Microsoft.Playwright;

namespace Crosswalk.Cli.Tests.Serve;

/// <summary>Headless Chromium (Debian's /usr/bin/chromium, never a downloaded browser) against the live preview.</summary>
public sealed class BrowserTests
{
    private const float Timeout = 15_000;

    [Fact]
    public async Task An_open_page_reloads_itself_after_an_edit_and_is_first_painted_whole_where_the_reader_was()
    {
        // Long enough that the browser's parser yields several times, each a chance to paint part of the page (its top,
        // before the scroll position is restored): the first frame after the reload must be of the whole page, where
        // the reader was.
        var files = ServeSite.DefaultFiles();
        var body = string.Join("\n\n", Enumerable.Range(1, 4000).Select(i => $"Paragraph {i} of a very long policy, with [a link](#section) and *emphasis* in it."));
        files["content/a.md"] = $"---\ntitle: Page A\n---\n## Section\n\nOriginal text.\n\n{body}\n";
        await using var site = await ServeSite.StartAsync(files);

        await using var chromium = await Browser.Chromium.LaunchAsync();
        var page = await chromium.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1000, Height = 600 } });
        page.SetDefaultTimeout(Timeout);
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        // Before any page script: at the first frame, whether the parse was done, the page's last element there, whether
        // DOMContentLoaded was (so the deferred scripts ran: the theme's search box is shown), and the scroll position.
        await page.AddInitScriptAsync("""
            document.addEventListener('DOMContentLoaded', function () { window.__dcl = true; });
            requestAnimationFrame(function () {
              var search = document.querySelector('[data-cw-search]');
              window.__firstFrame = { parsed: document.readyState !== 'loading', footer: !!document.querySelector('footer'),
                loaded: window.__dcl === true, search: !!search && !search.hidden, y: window.scrollY };
            });
            """);
        await page.GotoAsync(new Uri(site.Url, "/a/").ToString());
        await Assertions.Expect(page.Locator("article")).ToContainTextAsync("Original text.", new() { Timeout = Timeout });
        // The page's event stream is open before the edit, so the reload comes from the event.
        await WaitAsync(() => site.Server.EventClients >= 1, "the page to open /__crosswalk/events");
        await page.EvaluateAsync("() => { window.scrollTo({ top: 20000, behavior: 'instant' }); window.__beforeEdit = true; }");
        var before = await page.EvaluateAsync<double>("() => window.scrollY");
        Assert.True(before > 15000, $"page did not scroll: {before}");

        var marker = "Edited-" + Guid.NewGuid().ToString("N")[..8];
        site.Write("content/a.md", $"---\ntitle: Page A\n---\n## Section\n\n{marker}\n\n{body}\n");

        await Assertions.Expect(page.Locator("article")).ToContainTextAsync(marker, new() { Timeout = Timeout });
        // A real reload (not a patch): the page's own state is gone.
        Assert.False(await page.EvaluateAsync<bool>("() => window.__beforeEdit === true"));
        await page.WaitForFunctionAsync("() => window.__firstFrame !== undefined", null, new() { Timeout = Timeout });
        Assert.Equal($$"""{"parsed":true,"footer":true,"loaded":true,"search":true,"y":{{before.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}""", await page.EvaluateAsync<string>("() => JSON.stringify(window.__firstFrame)"));
        await page.WaitForFunctionAsync($"() => Math.abs(window.scrollY - {before}) < 2", null, new() { Timeout = Timeout });
        Assert.Equal(0, await page.Locator(".cw-diagnostics").CountAsync());
        Assert.Empty(scriptErrors);
    }

    [Fact]
    public async Task A_theme_stylesheet_edit_reaches_an_open_page_that_keeps_its_files_for_good()
    {
        var files = ServeSite.DefaultFiles();
        files["site.yml"] = $"title: Serve Test\ntemplates: theme\n# {ServeSite.Secret}\n";
        files["theme/assets/crosswalk.css"] = "article { color: rgb(10, 20, 30); }\n";
        await using var site = await ServeSite.StartAsync(files);
        await using var chromium = await Browser.Chromium.LaunchAsync();
        var page = await chromium.Browser.NewPageAsync();
        page.SetDefaultTimeout(Timeout);
        var stylesheets = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("crosswalk.css", StringComparison.Ordinal))
            {
                stylesheets.Add(request.Url);
            }
        };
        await page.GotoAsync(new Uri(site.Url, "/a/").ToString());
        await WaitAsync(() => site.Server.EventClients >= 1, "the page to open /__crosswalk/events");
        Assert.Equal("rgb(10, 20, 30)", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('article')).color"));
        // A reload with no change takes the stylesheet from the browser's cache without asking (a 304 would carry headers).
        await page.ReloadAsync();
        Assert.Equal(0, await page.EvaluateAsync<int>(StylesheetTransferSize));

        site.Write("theme/assets/crosswalk.css", "article { color: rgb(200, 100, 50); }\n");

        // While the page reloads its article may not be parsed yet: that is "not yet", not an error.
        await page.WaitForFunctionAsync("() => { const a = document.querySelector('article'); return a !== null && getComputedStyle(a).color === 'rgb(200, 100, 50)'; }", null, new() { Timeout = Timeout });
        Assert.True(await page.EvaluateAsync<int>(StylesheetTransferSize) > 0);
        Assert.Equal(2, stylesheets.Distinct().Count());
        Assert.All(stylesheets, url => Assert.Matches(@"crosswalk\.css\?v=[0-9a-f]{32}$", url));
    }

    private const string StylesheetTransferSize =
        "() => performance.getEntriesByType('resource').filter(r => r.name.includes('crosswalk.css'))[0].transferSize";

    private static async Task WaitAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(Timeout);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"timed out waiting for {what}");
            }
            await Task.Delay(20);
        }
    }
}
