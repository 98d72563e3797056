using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Crosswalk.Cli.Serve;

namespace Crosswalk.Cli.Tests.Serve;

/// <summary>The preview server over real loopback HTTP.</summary>
public sealed class PreviewServerTests
{
    [Fact]
    public async Task Serves_pages_with_their_content_type_and_the_live_script()
    {
        await using var site = await ServeSite.StartAsync();

        using var home = await site.Http.GetAsync("/");
        var html = await home.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal("text/html", home.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", string.Join(",", home.Headers.GetValues("X-Content-Type-Options")));
        // In head, deferred and render-blocking: nothing is painted before the page is parsed and the script ran; the
        // theme's deferred search script follows it there, render-blocking too, and is no longer in the body.
        Assert.Matches("<script src=\"/__crosswalk/live.js\\?v=[0-9a-f]{32}\" defer blocking=\"render\"></script>" +
                       "<script src=\"./assets/search.js\\?v=[0-9a-f]{32}\" defer blocking=\"render\"></script></head>", html);
        Assert.Equal(1, CountOf(html, "search.js"));
        Assert.DoesNotContain("class=\"cw-diagnostics\"", html);

        var a = await site.GetStringAsync("/a/");
        Assert.Contains("Original text.", a);
        Assert.Contains("Deep page.", await site.GetStringAsync("/b/c/"));
        Assert.Contains("Deep page.", await site.GetStringAsync("/b/c/index.html"));

        using var css = await site.Http.GetAsync("/assets/crosswalk.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("live.js", await css.Content.ReadAsStringAsync());

        using var script = await site.Http.GetAsync("/__crosswalk/live.js");
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        var js = await script.Content.ReadAsStringAsync();
        Assert.Contains("new EventSource('/__crosswalk/events')", js);
        Assert.Contains("location.reload()", js);

        // Served from memory: nothing was written to the output folder.
        Assert.False(Directory.Exists(site.PathOf("_site")));
    }

    [Fact]
    public async Task Head_answers_headers_without_a_body()
    {
        await using var site = await ServeSite.StartAsync();

        using var get = await site.Http.GetAsync("/a/");
        using var head = await site.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/a/"));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("text/html", head.Content.Headers.ContentType?.MediaType);
        Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("OPTIONS")]
    [InlineData("PATCH")]
    public async Task Other_methods_are_refused_with_405_and_allow(string method)
    {
        await using var site = await ServeSite.StartAsync();

        using var response = await site.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/a/") { Content = new StringContent("x") });

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow.Order());
    }

    [Theory]
    [InlineData("/../site.yml")]
    [InlineData("/%2e%2e/site.yml")]
    [InlineData("/%2E%2E/site.yml")]
    [InlineData("/%252e%252e/site.yml")]
    [InlineData("/%25252e%25252e/site.yml")]
    [InlineData("/a/%2f..%2f..%2fsite.yml")]
    [InlineData("/a/..%2f..%2fsite.yml")]
    [InlineData("/..%5csite.yml")]
    [InlineData("/..%255csite.yml")]
    [InlineData("/..\\site.yml")]
    [InlineData("/.%2e/site.yml")]
    [InlineData("/%c0%ae%c0%ae/site.yml")]
    [InlineData("/%e0%80%ae%e0%80%ae/site.yml")]
    [InlineData("/a/../../site.yml")]
    [InlineData("//etc/passwd")]
    [InlineData("/%2fetc/passwd")]
    [InlineData("/C:/Windows/win.ini")]
    [InlineData("/site.yml%00.html")]
    [InlineData("/%0d%0aX-Injected:%201")]
    [InlineData("/.../site.yml")]
    [InlineData("/site.yml")]
    [InlineData("/content/a.md")]
    public async Task Traversal_in_any_encoding_is_refused(string target)
    {
        await using var site = await ServeSite.StartAsync();

        var response = await site.RawAsync(target);

        Assert.True(response.Status is 400 or 404, $"{target}: {response.Status}");
        Assert.DoesNotContain(ServeSite.Secret, response.Body);
        Assert.DoesNotContain("Original text.", response.Body);
        Assert.DoesNotContain("X-Injected", response.Headers);
    }

    [Fact]
    public async Task Unknown_paths_get_404_with_the_sites_not_found_page()
    {
        await using var site = await ServeSite.StartAsync();
        Assert.True(site.Server.Site.TryGetFile("404.html", out var stored));
        var built = System.Text.Encoding.UTF8.GetString(stored);
        // Its deferred scripts are in head when served (DeferredScriptsTests).
        var (expected, _) = DeferredScripts.Take(built, built.IndexOf("</head>", StringComparison.Ordinal) + "</head>".Length);
        var marker = expected[expected.IndexOf("<body", StringComparison.Ordinal)..expected.IndexOf("</body>", StringComparison.Ordinal)];

        foreach (var path in new[] { "/no/such/page/", "/nothing.css", "/a/b/c", "/__crosswalk/", "/__crosswalk/nope" })
        {
            using var response = await site.Http.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            // As built, but for the versions the preview gives the stylesheets and scripts it can resolve from there.
            Assert.Contains(marker, System.Text.RegularExpressions.Regex.Replace(body, "\\?v=[0-9a-f]{32}\"", "\""));
        }
    }

    [Fact]
    public async Task A_folder_without_its_slash_redirects_to_it()
    {
        await using var site = await ServeSite.StartAsync();

        using var a = await site.Http.GetAsync("/a");
        using var c = await site.Http.GetAsync("/b/c?x=1");
        using var head = await site.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/b"));

        Assert.Equal(HttpStatusCode.MovedPermanently, a.StatusCode);
        Assert.Equal("/a/", a.Headers.Location?.OriginalString);
        Assert.Equal("/b/c/?x=1", c.Headers.Location?.OriginalString);
        // No /b/index.html: no redirect, no listing.
        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
    }

    [Fact]
    public async Task Binds_loopback_only_by_default_and_refuses_foreign_host_names()
    {
        await using var site = await ServeSite.StartAsync();

        Assert.Equal("127.0.0.1", site.Url.Host);
        Assert.NotEmpty(site.Server.Endpoints);
        Assert.All(site.Server.Endpoints, e => Assert.True(IPAddress.IsLoopback(e.Address)));
        Assert.Equal("", site.Err.ToString().Split('\n').FirstOrDefault(l => l.StartsWith("warning", StringComparison.Ordinal)) ?? "");

        // DNS rebinding: a page on another name that resolves to 127.0.0.1 gets nothing.
        var foreign = await site.RawAsync("/a/", host: $"attacker.example:{site.Port}");
        Assert.Equal(403, foreign.Status);
        Assert.DoesNotContain("Original text.", foreign.Body);
        Assert.Equal(200, (await site.RawAsync("/a/", host: $"localhost:{site.Port}")).Status);
        Assert.Equal(200, (await site.RawAsync("/a/", host: $"[::1]:{site.Port}")).Status);
    }

    [Fact]
    public async Task Binding_all_interfaces_warns()
    {
        await using var site = await ServeSite.StartAsync(host: "0.0.0.0");

        Assert.Contains("warning: serving on 0.0.0.0", site.Err.ToString());
        Assert.All(site.Server.Endpoints, e => Assert.Equal(IPAddress.Any, e.Address));
        Assert.Contains("Original text.", await site.GetStringAsync("/a/"));
    }

    [Fact]
    public async Task An_edit_is_served_and_summarised()
    {
        await using var site = await ServeSite.StartAsync();
        Assert.Contains("Original text.", await site.GetStringAsync("/a/"));

        // How fast is measured by the benchmark's serve-latency, not here: PollAsync's timeout only guards a hang.
        var marker = "Edited-" + Guid.NewGuid().ToString("N");
        site.Write("content/a.md", $"---\ntitle: Page A\n---\n## Section\n\n{marker}\n");
        await site.PollAsync("/a/", b => b.Contains(marker, StringComparison.Ordinal));

        // The reload is announced before the summary is printed.
        await WaitForAsync(() => site.Err.ToString().Contains("rebuilt ", StringComparison.Ordinal));
        Assert.Matches(@"rebuilt \d+ pages? in \d+ ms: no new or fixed diagnostics \(now 0 errors, 0 warnings\)", site.Err.ToString());
    }

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 3)]
    public async Task Without_incremental_an_edit_re_renders_every_page(bool incremental, int rendered)
    {
        await using var site = await ServeSite.StartAsync(options: new PreviewServerOptions { Incremental = incremental });

        var marker = "Edited-" + Guid.NewGuid().ToString("N");
        site.Write("content/a.md", $"---\ntitle: Page A\n---\n## Section\n\n{marker}\n");
        await site.PollAsync("/a/", b => b.Contains(marker, StringComparison.Ordinal));

        await WaitForAsync(() => site.Err.ToString().Contains("rebuilt ", StringComparison.Ordinal));
        Assert.Matches($@"rebuilt {rendered} pages? in \d+ ms", site.Err.ToString());
    }

    [Fact]
    public async Task A_reload_event_is_delivered_after_an_edit()
    {
        await using var site = await ServeSite.StartAsync();
        using var response = await site.Http.GetAsync("/__crosswalk/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoCache);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var hello = await ReadEventAsync(reader, timeout.Token);
        Assert.Equal("hello", hello.Name);
        var version = JsonDocument.Parse(hello.Data).RootElement.GetProperty("version").GetInt64();
        Assert.Equal(site.Server.Version, version);

        site.Write("content/b/c.md", "# Page C\n\nDeep page, edited.\n");
        // First that a file changed (pages start reloading), then the rebuild's version.
        Assert.Equal("changing", (await ReadEventAsync(reader, timeout.Token)).Name);
        var next = await ReadEventAsync(reader, timeout.Token);

        Assert.Equal("reload", next.Name);
        Assert.True(JsonDocument.Parse(next.Data).RootElement.GetProperty("version").GetInt64() > version);
        Assert.Contains("Deep page, edited.", await site.GetStringAsync("/b/c/"));
    }

    [Fact]
    public async Task A_page_asked_for_as_soon_as_a_change_is_announced_is_answered_with_the_edit()
    {
        // A long quiet period: answered from the site as it was, the page would miss the edit every time.
        await using var site = await ServeSite.StartAsync(options: new PreviewServerOptions { Debounce = TimeSpan.FromMilliseconds(400) });
        using var response = await site.Http.GetAsync("/__crosswalk/events", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Assert.Equal("hello", (await ReadEventAsync(reader, timeout.Token)).Name);

        // Timed from before the write: the quiet period starts after it, so however late "changing" arrives, an answer
        // that waited for the rebuild comes at least 400 ms after this.
        var sw = Stopwatch.StartNew();
        site.Write("content/b/c.md", "# Page C\n\nDeep page, edited.\n");
        Assert.Equal("changing", (await ReadEventAsync(reader, timeout.Token)).Name);
        var page = await site.GetStringAsync("/b/c/");

        Assert.Contains("Deep page, edited.", page);
        Assert.True(sw.Elapsed >= TimeSpan.FromMilliseconds(300), $"answered after {sw.ElapsedMilliseconds} ms, before the rebuild could have run");
        Assert.Contains($"<meta name=\"crosswalk-version\" content=\"{site.Server.Version}\">", page);
        Assert.Equal("reload", (await ReadEventAsync(reader, timeout.Token)).Name);
    }

    [Fact]
    public async Task A_save_that_truncates_then_writes_a_little_later_is_rebuilt_once_with_the_text()
    {
        // A grace far longer than the pause between the two writes: on a loaded machine (CI runs two test suites at
        // once) a 25 ms pause took longer than the default 50 ms grace and the empty file was rebuilt first.
        await using var site = await ServeSite.StartAsync(options: new PreviewServerOptions { TruncateGrace = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(3) });
        File.WriteAllText(site.PathOf("content/a.md"), "");
        await Task.Delay(25);
        site.Write("content/a.md", "---\ntitle: Page A\n---\n## Section\n\nWritten after the truncate.\n");

        await site.PollAsync("/a/", page => page.Contains("Written after the truncate.", StringComparison.Ordinal));
        await Task.Delay(300);

        // Not a first rebuild of the empty file (a blank page, the reader's place lost), then a second.
        Assert.Equal(1, site.Server.Rebuilds);
    }

    [Fact]
    public async Task A_file_left_empty_is_rebuilt_as_it_is()
    {
        await using var site = await ServeSite.StartAsync();
        File.WriteAllText(site.PathOf("content/a.md"), "");

        await site.PollAsync("/a/", page => !page.Contains("Original text.", StringComparison.Ordinal));
        Assert.Equal(1, site.Server.Rebuilds);
    }

    [Fact]
    public async Task The_live_script_and_event_stream_are_answered_while_a_rebuild_is_awaited()
    {
        // A quiet period far longer than two local requests take, even on a loaded machine.
        await using var site = await ServeSite.StartAsync(options: new PreviewServerOptions { Debounce = TimeSpan.FromSeconds(8), MaxDelay = TimeSpan.FromSeconds(15) });
        site.Write("content/b/c.md", "# Page C\n\nDeep page, edited.\n");
        await WaitForAsync(() => site.Server.ChangePending);

        using var script = await site.Http.GetAsync(PreviewServer.LiveScriptPath);
        using var events = await site.Http.GetAsync(PreviewServer.EventsPath, HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(System.Net.HttpStatusCode.OK, script.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, events.StatusCode);
        // Answered while the rebuild was still awaited, not after it.
        Assert.True(site.Server.ChangePending);
    }

    [Fact]
    public async Task Event_streams_end_when_the_server_stops()
    {
        var site = await ServeSite.StartAsync();
        try
        {
            using var response = await site.Http.GetAsync("/__crosswalk/events", HttpCompletionOption.ResponseHeadersRead);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            Assert.Equal("hello", (await ReadEventAsync(reader, timeout.Token)).Name);

            var sw = Stopwatch.StartNew();
            await site.Server.StopAsync();
            Assert.Null(await reader.ReadLineAsync(timeout.Token));
            // A hang guard: stopping may wait up to a second for Kestrel and a second for the rebuild loop.
            Assert.True(sw.Elapsed < TimeSpan.FromSeconds(10), $"stopping took {sw.ElapsedMilliseconds} ms");
        }
        finally
        {
            await site.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_overlay_shows_a_broken_link_on_every_page_and_clears_when_fixed()
    {
        await using var site = await ServeSite.StartAsync();
        Assert.DoesNotContain("cw-diagnostics", await site.GetStringAsync("/"));

        site.Write("content/a.md", "---\ntitle: Page A\n---\n## Section\n\nSee [gone](missing-<page>.md).\n");
        var (a, _) = await site.PollAsync("/a/", b => b.Contains("class=\"cw-diagnostics\"", StringComparison.Ordinal));

        Assert.Contains("<div class=\"cw-diagnostics\" role=\"alert\" data-severity=\"error\"><div class=\"cw-diagnostics-header\">1 problem</div><ul><li class=\"error\"><code>CW2001</code> content/a.md(6,5): ", a);
        Assert.Contains("missing-&lt;page&gt;.md", a);
        Assert.DoesNotContain("missing-<page>", a[a.IndexOf("cw-diagnostics", StringComparison.Ordinal)..]);
        // Diagnostics of the whole site: other pages show it too, the 404 page included.
        Assert.Contains("<code>CW2001</code> content/a.md", await site.GetStringAsync("/b/c/"));
        Assert.Contains("<code>CW2001</code> content/a.md", await site.GetStringAsync("/nope/"));
        // The terminal gets the same line as `check`.
        await WaitForAsync(() => site.Err.ToString().Contains("1 error,", StringComparison.Ordinal));
        Assert.Contains("content/a.md(6,5): error CW2001: ", site.Out.ToString());
        Assert.Matches(@"rebuilt \d+ pages? in \d+ ms: 1 new error \(now 1 error, 0 warnings\)", site.Err.ToString());

        site.Write("content/a.md", "---\ntitle: Page A\n---\n## Section\n\nSee [home](index.md).\n");
        var (fixedPage, _) = await site.PollAsync("/a/", b => !b.Contains("cw-diagnostics", StringComparison.Ordinal));
        Assert.Contains("See <a", fixedPage);
        Assert.DoesNotContain("cw-diagnostics", await site.GetStringAsync("/b/c/"));
    }

    [Fact]
    public async Task Diagnostics_endpoint_returns_the_whole_sites_problems_as_json()
    {
        await using var site = await ServeSite.StartAsync();
        using (var clean = JsonDocument.Parse(await site.GetStringAsync("/__crosswalk/diagnostics")))
        {
            Assert.Equal(0, clean.RootElement.GetProperty("errors").GetInt32());
            Assert.Empty(clean.RootElement.GetProperty("diagnostics").EnumerateArray());
        }

        site.Write("content/b/c.md", "# Page C\n\nSee [x](nowhere.md).\n");
        var (body, _) = await site.PollAsync("/__crosswalk/diagnostics", b => b.Contains("CW2001", StringComparison.Ordinal));

        using var doc = JsonDocument.Parse(body);
        var root = doc.RootElement;
        Assert.True(root.GetProperty("version").GetInt64() > 1);
        Assert.Equal(1, root.GetProperty("errors").GetInt32());
        Assert.Equal(0, root.GetProperty("warnings").GetInt32());
        var d = Assert.Single(root.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("CW2001", d.GetProperty("code").GetString());
        Assert.Equal("error", d.GetProperty("severity").GetString());
        Assert.Equal("content/b/c.md", d.GetProperty("file").GetString());
        Assert.Equal(3, d.GetProperty("line").GetInt32());
        Assert.Equal(5, d.GetProperty("column").GetInt32());
        Assert.Contains("nowhere.md", d.GetProperty("message").GetString());
        Assert.True(d.TryGetProperty("help", out _));
    }

    [Fact]
    public async Task Editor_swap_and_temp_files_do_not_trigger_a_rebuild()
    {
        await using var site = await ServeSite.StartAsync();
        var version = site.Server.Version;

        site.Write("content/.a.md.swp", "swap");
        site.Write("content/.a.md.swx", "swap");
        site.Write("content/a.md~", "backup");
        site.Write("content/4913", "");
        site.Write("content/.#a.md", "lock");
        site.Write("content/#a.md#", "autosave");
        site.Write("content/a.md.tmp", "temp");
        site.Write("content/.DS_Store", "");
        site.Write("content/.git/HEAD", "ref: refs/heads/main\n");
        site.Write("content/b/.c.md.swp", "swap");
        await Task.Delay(500);

        Assert.Equal(0, site.Server.Rebuilds);
        Assert.Equal(version, site.Server.Version);

        // The watcher is live: a real edit does rebuild.
        site.Write("content/b/c.md", "# Page C\n\nStill watched.\n");
        await site.PollAsync("/b/c/", b => b.Contains("Still watched.", StringComparison.Ordinal));
        await WaitForAsync(() => site.Server.Rebuilds > 0);
        Assert.True(site.Server.Rebuilds > 0);
    }

    [Fact]
    public async Task Renames_deletes_and_new_pages_are_picked_up()
    {
        await using var site = await ServeSite.StartAsync();

        File.Move(site.PathOf("content/b/c.md"), site.PathOf("content/b/d.md"));
        var (d, _) = await site.PollAsync("/b/d/", b => b.Contains("Deep page.", StringComparison.Ordinal));
        Assert.Contains("Deep page.", d);
        // The old URL goes with the same rebuild (the store drops stale files once the build completes).
        await site.PollAsync("/b/c/", b => b.Contains("cw-not-found", StringComparison.Ordinal));
        using (var gone = await site.Http.GetAsync("/b/c/"))
        {
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }
        // The home page links to b/c.md, which no longer exists.
        await site.PollAsync("/", b => b.Contains("<code>CW2001</code> content/index.md", StringComparison.Ordinal));

        site.Write("content/b/c.md", "# Page C\n\nBack again.\n");
        await site.PollAsync("/", b => !b.Contains("cw-diagnostics", StringComparison.Ordinal));
        File.Delete(site.PathOf("content/b/d.md"));
        await site.PollAsync("/b/d/", b => b.Contains("cw-not-found", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_config_change_rebuilds_everything_and_a_broken_config_keeps_the_last_good_site()
    {
        await using var site = await ServeSite.StartAsync();

        site.Write("site.yml", $"title: Renamed Site\n# {ServeSite.Secret}\n");
        await site.PollAsync("/b/c/", b => b.Contains("Renamed Site", StringComparison.Ordinal));

        site.Write("site.yml", "title: [unclosed\n");
        var (broken, _) = await site.PollAsync("/b/c/", b => b.Contains("cw-diagnostics", StringComparison.Ordinal));
        Assert.Contains("Deep page.", broken);
        Assert.Contains("CW1001", broken);
        await WaitForAsync(() => site.Err.ToString().Contains("still serving", StringComparison.Ordinal));
        Assert.Contains("still serving the last good build", site.Err.ToString());

        site.Write("site.yml", "title: Fixed Site\n");
        var (fixedPage, _) = await site.PollAsync("/b/c/", b => b.Contains("Fixed Site", StringComparison.Ordinal) && !b.Contains("cw-diagnostics", StringComparison.Ordinal));
        Assert.Contains("Deep page.", fixedPage);
    }

    [Fact]
    public async Task Html_in_the_overlay_and_pages_get_the_version_meta()
    {
        await using var site = await ServeSite.StartAsync();

        var html = await site.GetStringAsync("/");

        Assert.Contains($"<meta name=\"crosswalk-version\" content=\"{site.Server.Version}\"><script src=\"/__crosswalk/live.js", html);
        Assert.Equal(1, CountOf(html, "/__crosswalk/live.js"));
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var sw = Stopwatch.StartNew();
        while (!condition() && sw.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(10);
        }
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    private static async Task<(string Name, string Data)> ReadEventAsync(StreamReader reader, CancellationToken token)
    {
        string? name = null;
        var data = new List<string>();
        while (true)
        {
            var line = await reader.ReadLineAsync(token) ?? throw new EndOfStreamException("event stream ended");
            if (line.Length == 0)
            {
                if (name is not null || data.Count > 0)
                {
                    return (name ?? "message", string.Join('\n', data));
                }
                continue;
            }
            if (line.StartsWith(':'))
            {
                continue;
            }
            if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                name = line[6..].Trim();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data.Add(line[5..].TrimStart());
            }
        }
    }
}
