using System.Xml.Linq;
using Crosswalk.Diagnostics;
using Crosswalk.Output;
using Crosswalk.Pipeline;
using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Output;

public sealed class CrawlerFilesTests
{
    private static TempSite Site(string config, params (string Path, string Text)[] more) => new(
        [("site.yml", "title: T\nseverity: { CW2005: off }\n" + config),
         ("content/index.md", "# Home\n\n[a](a.md)\n"),
         ("content/a.md", "# A\n"),
         .. more]);

    private static (BuildResult Result, MemoryOutput Output) Run(TempSite site, RunMode mode = RunMode.Check)
    {
        var memory = new MemoryOutput();
        // Check renders to nowhere, as the command does.
        var run = PipelineRunner.Run(new BuildOptions { ConfigPath = site.ConfigPath }, mode, new SiteStages(), mode == RunMode.Check ? null : memory);
        return (run.Result, memory);
    }

    private static string Text(MemoryOutput output, string path) => System.Text.Encoding.UTF8.GetString(output.Files[path]);

    [Fact]
    public void With_site_url_every_sitemap_loc_is_absolute_under_base_url()
    {
        using var site = Site("site_url: https://docs.example.com/\nbase_url: /base/\n");

        var (result, output) = Run(site, RunMode.Preview);

        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locs = XDocument.Parse(Text(output, "sitemap.xml")).Descendants(ns + "loc").Select(l => l.Value).ToList();
        Assert.Equal(["https://docs.example.com/base/", "https://docs.example.com/base/a/"], locs);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "CW5002");
    }

    [Fact]
    public void Robots_txt_allows_everything_and_names_the_absolute_sitemap()
    {
        using var site = Site("site_url: https://docs.example.com\nbase_url: /base/\n");

        var (_, output) = Run(site, RunMode.Preview);

        Assert.Equal("User-agent: *\nAllow: /\n\nSitemap: https://docs.example.com/base/sitemap.xml\n", Text(output, "robots.txt"));
    }

    [Fact]
    public void Without_site_url_robots_txt_has_no_sitemap_line_and_check_and_build_both_warn_CW5002()
    {
        using var site = Site("");

        var (check, _) = Run(site, RunMode.Check);
        var build = SiteBuilder.Build(new BuildOptions { ConfigPath = site.ConfigPath });
        var (preview, previewOutput) = Run(site, RunMode.Preview);

        var warning = Assert.Single(check.Diagnostics, d => d.Code == "CW5002");
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal(check.Diagnostics, build.Diagnostics);
        Assert.True(build.Written);
        Assert.Equal("User-agent: *\nAllow: /\n", site.Read("_site/robots.txt"));
        Assert.Contains("<loc>/a/</loc>", site.Read("_site/sitemap.xml"));
        // A preview is not published: no warning there.
        Assert.DoesNotContain(preview.Diagnostics, d => d.Code == "CW5002");
        Assert.Equal("User-agent: *\nAllow: /\n", Text(previewOutput, "robots.txt"));
    }

    [Fact]
    public void CW5002_can_be_turned_off()
    {
        using var site = new TempSite(("site.yml", "title: T\nseverity: { CW2005: off, CW5002: off }\n"), ("content/index.md", "# Home\n"));

        var (result, _) = Run(site);

        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "CW5002");
    }

    [Theory]
    [InlineData("content/robots.txt")]
    [InlineData("static/robots.txt")]
    public void A_robots_txt_of_the_site_wins_without_a_conflict(string path)
    {
        using var site = Site("site_url: https://docs.example.com\nstatic: [static]\n", (path, "User-agent: *\nDisallow: /private/\n"));

        var (result, output) = Run(site, RunMode.Preview);

        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "CW1004");
        Assert.Equal("User-agent: *\nDisallow: /private/\n", Text(output, "robots.txt"));
    }

    [Fact]
    public void A_page_with_the_permalink_robots_txt_wins_too()
    {
        using var site = Site("site_url: https://docs.example.com\n", ("content/robots.md", "---\npermalink: /robots.txt\n---\nUser-agent: *\n"));

        var (result, output) = Run(site, RunMode.Preview);

        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "CW1004");
        Assert.DoesNotContain("Sitemap:", Text(output, "robots.txt"));
    }
}
