using System.Diagnostics;
using Crosswalk.Cli.Serve;

namespace Crosswalk.Cli.Tests.Serve;

/// <summary>
/// The generated files an edit changes besides its page (the search index) are written after the reload: by the server
/// on its own once the settle delay has passed, or at once when one of them is requested.
/// </summary>
public sealed class ServeSettleTests
{
    private const string SearchIndex = "/assets/search-index.js";

    [Fact]
    public async Task The_server_writes_the_search_index_after_the_reload_without_being_asked()
    {
        await using var site = await ServeSite.StartAsync(options: new PreviewServerOptions { SettleDelay = TimeSpan.FromMilliseconds(50) });
        var marker = "Settled" + Guid.NewGuid().ToString("N");

        site.Write("content/a.md", $"---\ntitle: Page A\n---\n## Section\n\n{marker}\n");
        await site.PollAsync("/a/", b => b.Contains(marker, StringComparison.Ordinal));
        // The page is in the store while its rebuild is still running: wait for the rebuild, then for the settle.
        await WaitForAsync(() => site.Server.Rebuilds > 0 && !site.Server.Site.HasDeferred);

        Assert.False(site.Server.Site.HasDeferred);
        Assert.True(site.Server.Site.TryGetFile(SearchIndex[1..], out var index));
        Assert.Contains(marker, System.Text.Encoding.UTF8.GetString(index));
    }

    [Fact]
    public async Task A_request_for_the_search_index_right_after_the_reload_gets_the_edit()
    {
        // A settle delay longer than the test: only the request can have written the index.
        await using var site = await ServeSite.StartAsync(options: new PreviewServerOptions { SettleDelay = TimeSpan.FromMinutes(10) });
        var marker = "Requested" + Guid.NewGuid().ToString("N");

        site.Write("content/a.md", $"---\ntitle: Page A\n---\n## Section\n\n{marker}\n");
        await site.PollAsync("/a/", b => b.Contains(marker, StringComparison.Ordinal));
        await WaitForAsync(() => site.Server.Rebuilds > 0);
        Assert.True(site.Server.Site.HasDeferred);

        Assert.Contains(marker, await site.GetStringAsync(SearchIndex));
        Assert.False(site.Server.Site.HasDeferred);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var sw = Stopwatch.StartNew();
        while (!condition() && sw.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(10);
        }
    }
}
