using System.Text;
using System.Text.Json;
using Crosswalk.Output;
using Crosswalk.Pipeline;
using Crosswalk.Preview.Incremental;
using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Output;

public sealed class SearchIndexTests
{
    private static TempSite Site() => new(
        ("site.yml", "title: T\ncatalogs: [soc2-tsc-2017]\nseverity: { CW2005: off }\n"),
        ("content/index.md", "# Home\n\nWelcome. See [access](policies/access.md).\n"),
        ("content/policies/access.md",
            "---\ntitle: Access Policy\nsatisfies: { soc2-tsc-2017: [CC6.1] }\n---\n# Access Policy\n\nIntro about quarterly reviews.\n\n"
            + "## Scope & Roles\n\nApplies to <script>alert(1)</script> every operator.\n"));

    private static JsonElement Pages(string index) => SearchIndexFile.Parse(index).GetProperty("pages");

    private static JsonElement Page(JsonElement pages, string url) => pages.EnumerateArray().Single(p => p[0].GetString() == url);

    [Fact]
    public void A_build_writes_the_index_of_content_and_criterion_pages_in_url_order()
    {
        using var site = Site();
        var options = new BuildOptions { ConfigPath = site.ConfigPath, OutputDirectory = site.PathOf("out") };

        Assert.True(PipelineRunner.Run(options, RunMode.Build, new SiteStages()).Result.Written);

        var pages = Pages(site.Read("out/" + SearchIndex.Path));
        var urls = pages.EnumerateArray().Select(p => p[0].GetString()!).ToList();
        Assert.Equal(urls.Order(StringComparer.Ordinal), urls);
        var access = Page(pages, "/policies/access/");
        Assert.Equal("Access Policy", access[1].GetString());
        // The leading h1 is the title; the h2 is a section with its id, heading and text (a raw script is no text).
        Assert.Equal(["", "", "Intro about quarterly reviews."], access[2][0].EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["scope--roles", "Scope & Roles", "Applies to every operator."], access[2][1].EnumerateArray().Select(e => e.GetString()));
        var criterion = pages.EnumerateArray().Single(p => p[1].GetString()!.StartsWith("CC6.1 ", StringComparison.Ordinal));
        Assert.StartsWith("/criteria/", criterion[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("CC6 ", criterion[2][0][2].GetString(), StringComparison.Ordinal);
        Assert.Contains("/criteria/", urls);
        Assert.Contains("/", urls);

        // Every page finds the script and the index from its own folder, so the site works from file:// too.
        Assert.Contains("data-cw-root=\"../../\"", site.Read("out/policies/access/index.html"), StringComparison.Ordinal);
        Assert.Contains("<script src=\"../../assets/search.js\" defer>", site.Read("out/policies/access/index.html"), StringComparison.Ordinal);
        Assert.Contains("data-cw-root=\"./\"", site.Read("out/index.html"), StringComparison.Ordinal);
        Assert.Contains("data-cw-root=\"/\"", site.Read("out/404.html"), StringComparison.Ordinal);
        Assert.True(File.Exists(site.PathOf("out/assets/search.js")));
    }

    [Fact]
    public void A_site_of_several_batches_has_every_page_once_in_url_order()
    {
        // More pages than one batch of entries, in folders whose order differs from the order they are read in.
        using var site = Site();
        var count = SearchIndex.Batch * 2 + 17;
        for (var i = 0; i < count; i++)
        {
            site.Write($"content/{(char)('z' - i % 26)}/p{i}.md", $"# Page {i}\n\nWord{i} here.\n");
        }
        var options = new BuildOptions { ConfigPath = site.ConfigPath, OutputDirectory = site.PathOf("out") };

        Assert.True(PipelineRunner.Run(options, RunMode.Build, new SiteStages()).Result.Written);

        var pages = Pages(site.Read("out/" + SearchIndex.Path));
        var urls = pages.EnumerateArray().Select(p => p[0].GetString()!).ToList();
        Assert.Equal(urls.Order(StringComparer.Ordinal), urls);
        Assert.Equal(urls.Count, urls.Distinct().Count());
        Assert.True(urls.Count > count + 2, $"{urls.Count} entries");
        Assert.All(Enumerable.Range(0, count), i => Assert.Contains($"Word{i} here.", Page(pages, $"/{(char)('z' - i % 26)}/p{i}/")[2][0][2].GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_site_gives_the_same_index_and_check_reserves_it_without_making_it()
    {
        using var site = Site();
        var first = new BuildOptions { ConfigPath = site.ConfigPath, OutputDirectory = site.PathOf("one") };
        var second = first with { OutputDirectory = site.PathOf("two") };

        PipelineRunner.Run(first, RunMode.Build, new SiteStages());
        PipelineRunner.Run(second, RunMode.Build, new SiteStages());
        var check = PipelineRunner.Run(new BuildOptions { ConfigPath = site.ConfigPath }, RunMode.Check, new SiteStages());

        Assert.Equal(File.ReadAllBytes(site.PathOf("one/" + SearchIndex.Path)), File.ReadAllBytes(site.PathOf("two/" + SearchIndex.Path)));
        Assert.Contains(SearchIndex.Path, check.Rendered!.OutputPaths);
    }

    [Fact]
    public void A_page_on_the_index_path_is_CW1004()
    {
        using var site = Site();
        site.Write("content/clash.md", "---\npermalink: /assets/search-index.js\n---\n# Clash\n");

        var check = PipelineRunner.Run(new BuildOptions { ConfigPath = site.ConfigPath }, RunMode.Check, new SiteStages());

        Assert.Contains(check.Result.Diagnostics, d => d.Code == "CW1004" && d.Message.Contains("the search index", StringComparison.Ordinal));
    }

    [Fact]
    public void The_preview_writes_the_index_again_after_an_edit()
    {
        using var site = Site();
        var options = new BuildOptions { ConfigPath = site.ConfigPath };
        var stages = new IncrementalStages();
        var memory = new MemoryOutput();
        PipelineRunner.Run(options, RunMode.Preview, stages, memory);
        Assert.DoesNotContain("Zanzibar", Encoding.UTF8.GetString(memory.Files[SearchIndex.Path]), StringComparison.Ordinal);

        site.Touch("content/index.md", "# Home\n\nWelcome to Zanzibar. See [access](policies/access.md).\n");
        stages.Changed = new HashSet<string> { site.PathOf("content/index.md") };
        PipelineRunner.Run(options, RunMode.Preview, stages, memory);
        // A body edit leaves the index until after the reload (serve settles it then, or when it is requested).
        Assert.DoesNotContain("Zanzibar", Encoding.UTF8.GetString(memory.Files[SearchIndex.Path]), StringComparison.Ordinal);
        stages.Settle();

        Assert.Contains("Welcome to Zanzibar.", SearchIndexFile.Json(Encoding.UTF8.GetString(memory.Files[SearchIndex.Path])), StringComparison.Ordinal);
    }
}
