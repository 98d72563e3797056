using System.Diagnostics;
using Crosswalk.Cli.Serve;
using Crosswalk.Tests.Support;

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

        // One save can make two rebuilds (its truncate and its write): the index is read only while nothing waits to
        // be settled, which does not write it (a request for a file waiting to be settled would).
        var settled = false;
        await WaitForAsync(() => settled = site.Server.Rebuilds > 0 && !site.Server.Site.HasDeferred
            && site.Server.Site.TryGetFile(SearchIndex[1..], out var index) && SearchIndexFile.Json(System.Text.Encoding.UTF8.GetString(index)).Contains(marker, StringComparison.Ordinal));

        Assert.True(settled, "the search index was not written without a request");
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

        Assert.Contains(marker, SearchIndexFile.Json(await site.GetStringAsync(SearchIndex)));
        Assert.False(site.Server.Site.HasDeferred);
    }

    [Fact]
    public async Task A_page_that_names_a_generated_file_is_answered_without_writing_it()
    {
        // A theme that loads the search index with every page.
        var files = ServeSite.DefaultFiles();
        files["site.yml"] = $"title: Serve Test\ntemplates: theme\n# {ServeSite.Secret}\n";
        files["theme/partials/footer.html"] = "<footer><script src=\"{{ page.root }}assets/search-index.js\"></script></footer>\n";
        await using var site = await ServeSite.StartAsync(files, options: new PreviewServerOptions { SettleDelay = TimeSpan.FromMinutes(10) });
        var marker = "Named" + Guid.NewGuid().ToString("N");

        site.Write("content/a.md", $"---\ntitle: Page A\n---\n## Section\n\n{marker}\n");
        await site.PollAsync("/a/", b => b.Contains(marker, StringComparison.Ordinal));
        await WaitForAsync(() => site.Server.Rebuilds > 0);
        Assert.True(site.Server.Site.HasDeferred);

        // Versioning the page's scripts must not look at the index: that would write every generated file first.
        var page = await site.GetStringAsync("/b/c/");
        Assert.Contains("<script src=\"../../assets/search-index.js\"></script>", page);
        Assert.True(site.Server.Site.HasDeferred);
        Assert.Matches("assets/crosswalk.css\\?v=[0-9a-f]{32}", page);
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
