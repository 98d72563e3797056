using System.Text;
using Crosswalk.Pipeline;
using Crosswalk.Preview;
using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Preview;

/// <summary>
/// After a body edit, the generated files that every page feeds (the search index, the reviews page) are left until
/// after the reload: the edited page is up to date at once, and those files are brought up to date by Settle or by the
/// first request for one of them, never served stale.
/// </summary>
public sealed class PreviewSettleTests
{
    private const string SearchIndex = "assets/search-index.js";

    private static TempSite Site() => new(
        ("site.yml", "title: Settle\n"),
        ("content/index.md", "# Home\n\n[a](a.md)\n"),
        ("content/a.md", "---\ntitle: A\nowner: alice\nlast_reviewed: 2026-01-10\n---\nOriginal text.\n"),
        ("content/b.md", "---\ntitle: B\nowner: carol\nlast_reviewed: 2026-02-10\n---\nOther text.\n"));

    [Fact]
    public void A_body_edit_leaves_the_search_index_until_it_is_asked_for_and_then_serves_the_edit()
    {
        using var site = Site();
        var preview = new PreviewSite(new BuildOptions { ConfigPath = site.ConfigPath });
        preview.Rebuild();
        Assert.False(preview.HasDeferred);
        Assert.Contains("Original text.", SearchIndexFile.Json(preview.Text(SearchIndex)));

        site.Touch("content/a.md", "---\ntitle: A\nowner: alice\nlast_reviewed: 2026-01-10\n---\nZebrafinch text.\n");
        var build = preview.Rebuild([site.PathOf("content/a.md")]);

        Assert.False(build.Full);
        Assert.True(preview.HasDeferred);
        Assert.Contains("Zebrafinch text.", preview.Text("a/index.html"));
        // Serving the edited page, or the theme's stylesheet and scripts it asks for next, does not write the generated
        // files (the first asset request of every reload used to pay for them); asking for one of them does.
        Assert.True(preview.HasDeferred);
        foreach (var asset in new[] { "assets/crosswalk.css", "assets/crosswalk.js", "assets/search.js" })
        {
            Assert.True(preview.TryGetFile(asset, out var bytes) && bytes.Length > 0, asset);
            Assert.True(preview.HasDeferred, $"asking for {asset} wrote the generated files");
        }
        var index = SearchIndexFile.Json(preview.Text(SearchIndex));
        Assert.False(preview.HasDeferred);
        Assert.Contains("Zebrafinch text.", index);
        Assert.DoesNotContain("Original text.", index);
    }

    [Fact]
    public void A_new_owner_reaches_the_reviews_page_through_settle()
    {
        using var site = Site();
        var preview = new PreviewSite(new BuildOptions { ConfigPath = site.ConfigPath });
        preview.Rebuild();
        Assert.Contains("alice", preview.Text("reviews/index.html"));

        site.Touch("content/a.md", "---\ntitle: A\nowner: dmitri\nlast_reviewed: 2026-01-10\n---\nOriginal text.\n");
        preview.Rebuild([site.PathOf("content/a.md")]);
        Assert.True(preview.HasDeferred);

        Assert.Empty(preview.Settle());

        Assert.False(preview.HasDeferred);
        var reviews = preview.Text("reviews/index.html");
        Assert.Contains("dmitri", reviews);
        Assert.DoesNotContain("alice", reviews);
    }

    [Fact]
    public void Once_settled_the_site_is_the_one_a_fresh_build_makes()
    {
        using var site = Site();
        var options = new BuildOptions { ConfigPath = site.ConfigPath };
        var preview = new PreviewSite(options);
        preview.Rebuild();

        site.Touch("content/b.md", "---\ntitle: B\nowner: erin\nlast_reviewed: 2026-03-01\n---\nOther text, edited.\n");
        preview.Rebuild([site.PathOf("content/b.md")]);
        preview.Settle();
        var fresh = new PreviewSite(options);
        fresh.Rebuild();

        Assert.Equal(fresh.Files.Keys.Order(), preview.Files.Keys.Order());
        Assert.All(fresh.Files, f => Assert.Equal(Encoding.UTF8.GetString(f.Value), Encoding.UTF8.GetString(preview.Files[f.Key])));
    }
}
