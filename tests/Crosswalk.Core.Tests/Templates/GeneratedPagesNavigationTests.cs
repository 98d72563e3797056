using AngleSharp.Html.Parser;
using Crosswalk.Pipeline;
using Crosswalk.Templates;
using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Templates;

/// <summary>Where generated pages stand in the sidebar: the catalogs under Criteria, a criterion under its catalog.</summary>
public sealed class GeneratedPagesNavigationTests
{
    [Theory]
    [InlineData("/criteria/", "/criteria/", true)]
    [InlineData("/criteria/soc2/", "/criteria/soc2/", true)]
    [InlineData("/criteria/soc2/cc6.1/", "/criteria/soc2/", false)]
    [InlineData("/criteria/soc2/cc6/", "/criteria/soc2/", false)]
    [InlineData("/criteria/other/x/", "/criteria/", false)]
    [InlineData("/reviews/", "/reviews/", true)]
    [InlineData("/404.html", null, false)]
    [InlineData("/criteria", null, false)]
    public void A_generated_page_finds_its_entry_or_its_sections(string url, string? expected, bool exact)
    {
        var navigation = new Navigation([], [new("Criteria", "/criteria/", [new("SOC 2", "/criteria/soc2/", [])]), new("Reviews", "/reviews/", [])]);

        var (node, isExact) = navigation.PlaceOf(url);

        Assert.Equal(expected, node?.Url);
        Assert.Equal(exact, isExact);
    }

    [Fact]
    public void A_criterion_page_marks_its_catalog_as_the_current_location_and_a_catalog_page_itself_as_the_page()
    {
        using var site = new TempSite(
            ("site.yml", "title: T\ncatalogs: [soc2-tsc-2017, iso27001-2022]\nseverity: { CW2005: off, CW5002: off }\n"),
            ("content/index.md", "---\nsatisfies: { soc2-tsc-2017: [CC6.1] }\n---\n# Home\n"));
        Assert.True(SiteBuilder.Build(new BuildOptions { ConfigPath = site.ConfigPath }).Written);
        var parser = new HtmlParser();

        var criterion = parser.ParseDocument(site.Read("_site/criteria/soc2-tsc-2017/cc6.1/index.html"));
        var catalog = parser.ParseDocument(site.Read("_site/criteria/soc2-tsc-2017/index.html"));
        var index = parser.ParseDocument(site.Read("_site/criteria/index.html"));

        // Both catalogs are listed under Criteria, which is expanded.
        Assert.Equal(["AICPA 2017 Trust Services Criteria", "ISO/IEC 27001:2022"],
            criterion.QuerySelectorAll("#cw-sidebar .cw-nav-depth-2 .cw-nav-link").Select(a => a.TextContent));
        var marked = Assert.Single(criterion.QuerySelectorAll("#cw-sidebar [aria-current]"));
        Assert.Equal(("location", "../../../criteria/soc2-tsc-2017/"), (marked.GetAttribute("aria-current"), marked.GetAttribute("href")));
        Assert.Equal("AICPA 2017 Trust Services Criteria", marked.TextContent);
        marked = Assert.Single(catalog.QuerySelectorAll("#cw-sidebar [aria-current]"));
        Assert.Equal(("page", "AICPA 2017 Trust Services Criteria"), (marked.GetAttribute("aria-current"), marked.TextContent));
        marked = Assert.Single(index.QuerySelectorAll("#cw-sidebar [aria-current]"));
        Assert.Equal(("page", "Criteria"), (marked.GetAttribute("aria-current"), marked.TextContent));
        // A content page's sidebar shows Criteria folded.
        var home = parser.ParseDocument(site.Read("_site/index.html"));
        Assert.Empty(home.QuerySelectorAll("#cw-sidebar .cw-nav-depth-2"));
        Assert.Equal("page", home.QuerySelector("#cw-sidebar a[href='./']")?.GetAttribute("aria-current"));
    }
}
