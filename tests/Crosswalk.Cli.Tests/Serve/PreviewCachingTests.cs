using System.Net;
using System.Net.Http.Headers;
using Crosswalk.Cli.Serve;

namespace Crosswalk.Cli.Tests.Serve;

/// <summary>
/// What a reload may reuse: pages never (no-store), every other file only after asking (no-cache with a strong ETag),
/// so a reload gets a 304 for unchanged CSS and scripts and the new bytes right after a theme edit.
/// </summary>
public sealed class PreviewCachingTests
{
    private static Dictionary<string, string> ThemedFiles()
    {
        var files = ServeSite.DefaultFiles();
        files["site.yml"] = $"title: Serve Test\ntemplates: theme\n# {ServeSite.Secret}\n";
        files["theme/assets/crosswalk.css"] = "body { color: rebeccapurple; }\n";
        return files;
    }

    private static async Task<HttpResponseMessage> GetAsync(ServeSite site, string path, EntityTagHeaderValue? tag = null, HttpMethod? method = null)
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Get, path);
        if (tag is not null)
        {
            request.Headers.IfNoneMatch.Add(tag);
        }
        return await site.Http.SendAsync(request);
    }

    [Theory]
    [InlineData("/assets/crosswalk.css")]
    [InlineData("/assets/crosswalk.js")]
    [InlineData("/assets/search-index.js")]
    [InlineData(PreviewServer.LiveScriptPath)]
    public async Task A_file_besides_pages_is_revalidated_and_answered_304_while_its_bytes_are_the_same(string path)
    {
        await using var site = await ServeSite.StartAsync();

        using var first = await GetAsync(site, path);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True(first.Headers.CacheControl?.NoCache);
        Assert.False(first.Headers.CacheControl?.NoStore);
        var tag = first.Headers.ETag;
        Assert.NotNull(tag);
        Assert.False(tag.IsWeak);

        using var again = await GetAsync(site, path, tag);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(tag, again.Headers.ETag);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());

        using var head = await GetAsync(site, path, tag, HttpMethod.Head);
        Assert.Equal(HttpStatusCode.NotModified, head.StatusCode);

        // A tag for other bytes, or the weak form of this one (If-None-Match compares weakly).
        using var other = await GetAsync(site, path, new EntityTagHeaderValue("\"0123456789abcdef\""));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await other.Content.ReadAsByteArrayAsync());
        using var weak = await GetAsync(site, path, new EntityTagHeaderValue(tag.Tag, isWeak: true));
        Assert.Equal(HttpStatusCode.NotModified, weak.StatusCode);
    }

    [Fact]
    public async Task Pages_are_never_stored_and_never_answered_304()
    {
        await using var site = await ServeSite.StartAsync();

        using var page = await GetAsync(site, "/a/");
        Assert.True(page.Headers.CacheControl?.NoStore);
        Assert.Null(page.Headers.ETag);

        using var asked = await GetAsync(site, "/a/", new EntityTagHeaderValue("\"x\""));
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        using var any = new HttpRequestMessage(HttpMethod.Get, "/a/");
        any.Headers.TryAddWithoutValidation("If-None-Match", "*");
        using var star = await site.Http.SendAsync(any);
        Assert.Equal(HttpStatusCode.OK, star.StatusCode);
        Assert.Contains("Original text.", await star.Content.ReadAsStringAsync());

        using var missing = await GetAsync(site, "/nothing.css", new EntityTagHeaderValue("\"x\""));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_theme_asset_edit_is_served_to_a_browser_holding_the_old_bytes()
    {
        await using var site = await ServeSite.StartAsync(ThemedFiles());
        using var before = await GetAsync(site, "/assets/crosswalk.css");
        Assert.Contains("rebeccapurple", await before.Content.ReadAsStringAsync());
        var tag = before.Headers.ETag;

        site.Write("theme/assets/crosswalk.css", "body { color: papayawhip; }\n");

        // Asked as a reloading browser asks, with the tag it holds: the new bytes and a new tag, never a 304 for them.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        HttpResponseMessage after;
        while (true)
        {
            after = await GetAsync(site, "/assets/crosswalk.css", tag);
            if (after.StatusCode != HttpStatusCode.NotModified || DateTime.UtcNow > deadline)
            {
                break;
            }
            after.Dispose();
            await Task.Delay(20);
        }
        using (after)
        {
            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
            Assert.Contains("papayawhip", await after.Content.ReadAsStringAsync());
            Assert.NotEqual(tag, after.Headers.ETag);
            using var revalidated = await GetAsync(site, "/assets/crosswalk.css", after.Headers.ETag);
            Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        }
    }

    [Fact]
    public async Task A_page_names_its_stylesheets_and_scripts_by_version_and_those_are_kept_for_good()
    {
        await using var site = await ServeSite.StartAsync();
        var html = await site.GetStringAsync("/b/c/");

        foreach (var (file, path) in new[] { ("crosswalk.css", "/assets/crosswalk.css"), ("crosswalk.js", "/assets/crosswalk.js"), ("live.js", PreviewServer.LiveScriptPath) })
        {
            var version = VersionIn(html, file);
            using var plain = await GetAsync(site, path);
            Assert.Equal("\"" + version + "\"", plain.Headers.ETag!.Tag);

            using var versioned = await GetAsync(site, path + "?v=" + version);
            Assert.Equal(HttpStatusCode.OK, versioned.StatusCode);
            Assert.False(versioned.Headers.CacheControl!.NoCache);
            Assert.Equal(TimeSpan.FromDays(365), versioned.Headers.CacheControl.MaxAge);
            Assert.Contains("immutable", versioned.Headers.CacheControl.Extensions.Select(e => e.Name));
            Assert.Equal(await plain.Content.ReadAsByteArrayAsync(), await versioned.Content.ReadAsByteArrayAsync());

            // Another version than the file's: not to be kept.
            using var stale = await GetAsync(site, path + "?v=0123456789abcdef");
            Assert.True(stale.Headers.CacheControl!.NoCache);
        }
        // Only the response: the page as built names its files as the theme wrote them.
        Assert.True(site.Server.Site.TryGetFile("b/c/index.html", out var built));
        var text = System.Text.Encoding.UTF8.GetString(built);
        Assert.Contains("href=\"../../assets/crosswalk.css\"", text);
        Assert.DoesNotContain("?v=", text);
    }

    [Fact]
    public async Task After_a_theme_asset_edit_pages_name_the_new_version()
    {
        await using var site = await ServeSite.StartAsync(ThemedFiles());
        var before = VersionIn(await site.GetStringAsync("/a/"), "crosswalk.css");

        site.Write("theme/assets/crosswalk.css", "body { color: papayawhip; }\n");
        var (html, _) = await site.PollAsync("/a/", page => VersionIn(page, "crosswalk.css") != before);

        var after = VersionIn(html, "crosswalk.css");
        Assert.NotEqual(before, after);
        using var css = await GetAsync(site, "/assets/crosswalk.css?v=" + after);
        Assert.Contains("papayawhip", await css.Content.ReadAsStringAsync());
        Assert.Equal(TimeSpan.FromDays(365), css.Headers.CacheControl!.MaxAge);
    }

    private static string VersionIn(string html, string file)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, System.Text.RegularExpressions.Regex.Escape(file) + @"\?v=([0-9a-f]+)""");
        Assert.True(match.Success, $"{file} is not named by version in: {html}");
        return match.Groups[1].Value;
    }
}
