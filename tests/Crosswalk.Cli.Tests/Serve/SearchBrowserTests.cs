using System.Buffers;
using Crosswalk.Pipeline;
using Crosswalk.Search;
using Microsoft.Playwright;

namespace Crosswalk.Cli.Tests.Serve;

/// <summary>The search box in headless Chromium (Debian's /usr/bin/chromium): over the live preview and from file://.</summary>
public sealed class SearchBrowserTests
{
    private const float Timeout = 15_000;

    private static Dictionary<string, string> Files() => new()
    {
        ["site.yml"] = "title: Search Test\ncatalogs: [soc2-tsc-2017]\nseverity: { CW2005: off }\n",
        ["content/index.md"] = "# Home\n\nStart at the [access policy](policies/access.md).\n",
        ["content/policies/access.md"] = "---\ntitle: Access Policy\nsatisfies: { soc2-tsc-2017: [CC6.1] }\n---\n# Access Policy\n\n"
            + "Access is granted by role.\n\n## Reviews\n\nAccess rights are reviewed quarterly by each owner.\n",
        ["content/policies/hostile.md"] = "# Hostile\n\n## Trap &lt;img src=x onerror=\"window.__xss=1\"&gt;\n\nText with an onerror word.\n",
    };

    private static async Task<(Browser.Chromium, IPage, List<string>)> OpenAsync()
    {
        var chromium = await Browser.Chromium.LaunchAsync();
        var errors = new List<string>();
        return (chromium, await chromium.NewPageAsync(errors), errors);
    }

    private static string Build(string root)
    {
        foreach (var (path, text) in Files())
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(root, path))!);
            File.WriteAllText(Path.Combine(root, path), text);
        }
        var output = Path.Combine(root, "out");
        Assert.True(SiteBuilder.Build(new BuildOptions { ConfigPath = Path.Combine(root, "site.yml"), OutputDirectory = output }).Written);
        return output;
    }

    [Fact]
    public async Task Search_over_http_finds_a_criterion_id_and_a_body_word_and_opens_a_result_from_the_keyboard()
    {
        await using var site = await ServeSite.StartAsync(Files());
        var (chromium, page, errors) = await OpenAsync();
        await using (chromium)
        {
            await page.GotoAsync(new Uri(site.Url, "/policies/access/").ToString());
            await SearchAndOpenAsync(page, "/policies/access/");
            Assert.Empty(errors);
        }
    }

    [Fact]
    public async Task Search_works_from_file_urls_and_shows_page_text_as_text()
    {
        var root = Path.Combine(Path.GetTempPath(), "crosswalk-search-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var output = Build(root);
            var (chromium, page, errors) = await OpenAsync();
            await using (chromium)
            {
                await page.GotoAsync(new Uri(Path.Combine(output, "policies", "hostile", "index.html")).AbsoluteUri);
                var input = page.Locator("#cw-search-input");
                await input.FillAsync("onerror");
                var options = page.Locator("#cw-search-results [role=option]");
                await Assertions.Expect(options.First).ToContainTextAsync("<img src=x onerror=\"window.__xss=1\">");
                Assert.Equal(0, await page.Locator("#cw-search-results img").CountAsync());
                Assert.Equal("onerror", await options.First.Locator("mark").First.TextContentAsync());
                Assert.False(await page.EvaluateAsync<bool>("() => window.__xss === 1"));

                await SearchAndOpenAsync(page, "/policies/access/index.html");
                Assert.Empty(errors);
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task A_browser_that_cannot_inflate_the_index_keeps_the_box_hidden_as_without_javascript()
    {
        await using var site = await ServeSite.StartAsync(Files());
        var (chromium, page, errors) = await OpenAsync();
        await using (chromium)
        {
            await page.GotoAsync(new Uri(site.Url, "/policies/access/").ToString());
            Assert.False(await page.Locator("[data-cw-search]").IsHiddenAsync());

            await page.AddInitScriptAsync("delete window.DecompressionStream;");
            await page.ReloadAsync();
            await page.WaitForFunctionAsync("() => document.documentElement.classList.contains('js')");

            Assert.True(await page.Locator("[data-cw-search]").IsHiddenAsync());
            Assert.Empty(errors);
        }
    }

    // "/" focuses the box; CC6.1 finds its criterion page first, whole; a body word finds its section; arrows and Enter open it.
    private static async Task SearchAndOpenAsync(IPage page, string expectedPath)
    {
        var input = page.Locator("#cw-search-input");
        // Focus on the page itself (a click could land on an open result list).
        await page.EvaluateAsync("() => document.activeElement && document.activeElement.blur()");
        await page.Keyboard.PressAsync("/");
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement && document.activeElement.id === 'cw-search-input'"));

        await page.Keyboard.TypeAsync("CC6.1");
        var options = page.Locator("#cw-search-results [role=option]");
        await Assertions.Expect(options.First.Locator(".cw-search-title")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^CC6\\.1 "));
        Assert.Equal("true", await input.GetAttributeAsync("aria-expanded"));
        Assert.Equal("CC6.1", await options.First.Locator("mark").First.TextContentAsync());
        // Whole ids only: nothing titled CC6.10 or CC6.2 (there is no CC6.10, and CC6 is its group).
        foreach (var title in await page.Locator("#cw-search-results .cw-search-title").AllTextContentsAsync())
        {
            Assert.DoesNotMatch("^CC6\\.[02-9]", title);
        }

        await input.FillAsync("quarterly rev");
        await Assertions.Expect(options).ToHaveCountAsync(1);
        await Assertions.Expect(options.First.Locator(".cw-search-heading")).ToHaveTextAsync("Reviews");
        Assert.Equal(["rev", "quarterly"], await options.First.Locator(".cw-search-snippet mark").AllTextContentsAsync());

        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal("cw-search-option-0", await input.GetAttributeAsync("aria-activedescendant"));
        Assert.Equal("true", await options.First.GetAttributeAsync("aria-selected"));
        await page.Keyboard.PressAsync("ArrowUp");
        Assert.Equal("cw-search-option-0", await input.GetAttributeAsync("aria-activedescendant"));
        // Waited for from before the key is pressed; a file:// URL is compared as a string (System.Uri reads its '#' as part of the path).
        var opened = page.WaitForURLAsync(url => url.EndsWith(expectedPath + "#reviews", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await page.Keyboard.PressAsync("Enter");
        try
        {
            await opened;
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Enter did not open the result: the page is at {page.Url}, the list {await page.Locator("#cw-search-results").InnerHTMLAsync()}");
        }
    }

    [Fact]
    public async Task The_section_shown_is_the_one_holding_most_terms_however_often_a_term_occurs_before_it()
    {
        var files = Files();
        // "rotated" fills the first section (more than any cap on hits); only the second holds both terms.
        files["content/policies/keys.md"] = "# Key Management\n\n## Storage\n\n" + string.Concat(Enumerable.Repeat("Keys are rotated. ", 40))
            + "\n\n## Rotation\n\nKeys are rotated by the custodian.\n";
        await using var site = await ServeSite.StartAsync(files);
        var (chromium, page, errors) = await OpenAsync();
        await using (chromium)
        {
            await page.GotoAsync(new Uri(site.Url, "/").ToString());
            await page.Locator("#cw-search-input").FillAsync("rotated custodian");
            var options = page.Locator("#cw-search-results [role=option]");
            await Assertions.Expect(options).ToHaveCountAsync(1);
            await Assertions.Expect(options.First.Locator(".cw-search-heading")).ToHaveTextAsync("Rotation");
            Assert.EndsWith("/policies/keys/#rotation", await options.First.Locator("a").GetAttributeAsync("href"));
            Assert.Empty(errors);
        }
    }

    // Ten thousand pages of generated text: every query's count and order are checked against a scoring written here
    // from the rules search.js states (30 at the start of the title, 10 in it, 5 in a heading, 1 in text).
    [Fact]
    public async Task A_query_over_an_index_of_ten_thousand_pages_counts_every_match_and_shows_the_best_first()
    {
        var root = Path.Combine(Path.GetTempPath(), "crosswalk-search-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var site = Build(root);
            var words = new[] { "access", "control", "review", "incident", "vendor", "backup", "encryption", "policy", "owner", "quarterly", "risk", "change" };
            var random = new Random(7);
            string Text(int n) => string.Join(' ', Enumerable.Range(0, n).Select(_ => words[random.Next(words.Length)] + random.Next(100)));
            var entries = Enumerable.Range(0, 10_000).Select(i => new SearchEntry($"/p/{i:D5}/", $"Page {i} {Text(3)}",
                [.. Enumerable.Range(0, 5).Select(s => new SearchSection($"s{s}", Text(3), Text(60) + (i == 9_999 && s == 4 ? " CC6.1" : "")))])).ToList();
            var buffer = new ArrayBufferWriter<byte>();
            SearchIndexBuilder.Write(entries.Select(SearchIndexBuilder.Entry), entries.Count, buffer);
            File.WriteAllBytes(Path.Combine(site, "assets", "search-index.js"), buffer.WrittenSpan.ToArray());

            var (chromium, page, errors) = await OpenAsync();
            await using (chromium)
            {
                await page.GotoAsync(new Uri(Path.Combine(site, "index.html")).AbsoluteUri);
                await page.Locator("#cw-search-input").FillAsync("cc6.1");
                var options = page.Locator("#cw-search-results [role=option]");
                // The first query loads, inflates and prepares the whole index: 1-2 s here, 4.8 s once on a loaded CI machine.
                await Assertions.Expect(options).ToHaveCountAsync(1, new() { Timeout = 60_000 });
                Assert.EndsWith("/p/09999/index.html#s4", await options.First.Locator("a").GetAttributeAsync("href"));

                // Typed one after another, so each narrows the last where it can.
                string[] queries = ["ac", "acc", "access", "access1", "access12 control", "quarterly risk4", "cc6.1", "zzz", "page 9999"];
                var answers = await page.EvaluateAsync<Answer[]>("""
                    (queries) => queries.map(q => {
                      const input = document.getElementById('cw-search-input');
                      input.value = q;
                      input.dispatchEvent(new Event('input'));
                      return {
                        status: document.getElementById('cw-search-status').textContent,
                        urls: [...document.querySelectorAll('#cw-search-results [role=option] a')].map(a => a.getAttribute('href')),
                      };
                    })
                    """, queries);
                foreach (var (query, answer) in queries.Zip(answers))
                {
                    var expected = entries.Select((e, i) => (i, Score: Score(e, query))).Where(x => x.Score > 0).ToList();
                    var status = expected.Count switch { 1 => "1 result", > 20 => $"{expected.Count} results, showing 20", _ => $"{expected.Count} results" };
                    Assert.Equal((query, status), (query, answer.Status));
                    var shown = answer.Urls.Select(u => int.Parse(u.Split("/p/")[1][..5])).ToList();
                    var best = expected.OrderByDescending(x => x.Score).ThenBy(x => entries[x.i].Title.Length).ThenBy(x => x.i).Take(20).Select(x => x.i).ToList();
                    Assert.True(best.SequenceEqual(shown), $"{query}: expected pages {string.Join(' ', best)}, shown {string.Join(' ', shown)}");
                }
                Assert.Empty(errors);
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    // Filled by Playwright, which needs a constructor without parameters.
    private sealed class Answer
    {
        public string Status { get; set; } = "";

        public string[] Urls { get; set; } = [];
    }

    // A query's score in an entry whose words are separated by spaces: a term with a digit matches a whole word, any
    // other the start of one; 0 unless every term is found.
    private static int Score(SearchEntry entry, string query)
    {
        static string[] Words(string text) => text.ToLowerInvariant().Split(' ');
        var title = Words(entry.Title);
        var total = 0;
        foreach (var term in query.Split(' '))
        {
            bool Matches(string word) => term.Any(char.IsDigit) ? word == term : word.StartsWith(term, StringComparison.Ordinal);
            var weight = title.Length > 0 && Matches(title[0]) ? 30
                : title.Any(Matches) ? 10
                : entry.Sections.Any(s => Words(s.Heading).Any(Matches)) ? 5
                : entry.Sections.Any(s => Words(s.Text).Any(Matches)) ? 1
                : 0;
            if (weight == 0)
            {
                return 0;
            }
            total += weight;
        }
        return total;
    }
}
