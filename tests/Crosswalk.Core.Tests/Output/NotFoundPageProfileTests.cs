using Crosswalk.Pipeline;
using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Output;

public sealed class NotFoundPageProfileTests
{
    [Fact]
    public void Under_a_generators_profile_the_trees_own_404_html_is_the_sites()
    {
        using var site = new TempSite(("_config.yml", "title: x"), ("index.md", "# Home\n"), ("404.html", "<p>our own not-found page</p>"));
        var result = SiteBuilder.Build(new BuildOptions { ConfigPath = site.ConfigPath, AllowMissingConfig = true, OutputDirectory = site.PathOf("out") });
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "CW1004");
        Assert.True(result.Written, string.Join("\n", result.Diagnostics));
        Assert.Equal("<p>our own not-found page</p>", site.Read("out/404.html"));
    }

    [Fact]
    public void Without_its_own_the_tree_gets_crosswalks_404_page()
    {
        using var site = new TempSite(("_config.yml", "title: x"), ("index.md", "# Home\n"));
        var result = SiteBuilder.Build(new BuildOptions { ConfigPath = site.ConfigPath, AllowMissingConfig = true, OutputDirectory = site.PathOf("out") });
        Assert.True(result.Written, string.Join("\n", result.Diagnostics));
        Assert.Contains("Page not found", site.Read("out/404.html"));
    }

    [Fact]
    public void A_trees_own_404_page_written_from_markdown_links_from_base_url_since_a_host_serves_it_anywhere()
    {
        using var site = new TempSite(("_config.yml", "baseurl: /docs\n"), ("index.md", "# Home\n"), ("sub/deep/x.md", "# X\n"),
            ("404.md", "---\npermalink: /404.html\n---\n# Lost\n\nTry [the home page](index.md).\n"));
        var result = SiteBuilder.Build(new BuildOptions { ConfigPath = site.ConfigPath, AllowMissingConfig = true, OutputDirectory = site.PathOf("out") });
        Assert.True(result.Written, string.Join("\n", result.Diagnostics));

        var notFound = site.Read("out/404.html");
        Assert.Contains("href=\"/docs/assets/crosswalk.css\"", notFound);
        Assert.DoesNotContain("href=\"./", notFound);
        // Every other page links relatively.
        Assert.Contains("href=\"../../../assets/crosswalk.css\"", site.Read("out/sub/deep/x/index.html"));
    }
}
