using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Crosswalk.Criteria;
using Crosswalk.Pipeline;
using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Criteria;

/// <summary>
/// A criterion page lists one entry per claiming document, its claims folded in, and at most
/// <see cref="CriteriaPages.DocumentsPerPage"/> documents a page: the rest on /page/2/ and on.
/// </summary>
public sealed class CriterionClaimsPagesTests
{
    private const string Config = "title: T\ncatalogs: [soc2-tsc-2017]\nmappings:\n  - { column: SOC2, catalog: soc2-tsc-2017 }\nseverity: { CW2005: off, CW5002: off }\n";

    [Fact]
    public void A_document_claiming_twice_is_one_entry_with_both_places_linked()
    {
        using var site = new TempSite(
            ("site.yml", Config),
            ("content/index.md", "# Home\n"),
            ("content/both.md", "---\nsatisfies: { soc2-tsc-2017: [CC6.1] }\n---\n# Both\n\n| Control | SOC2 |\n|---|---|\n| Keys | CC6.1 |\n"),
            ("content/row.md", "# Row\n\n| Control | SOC2 |\n|---|---|\n| Doors | CC6.1 |\n"));
        Assert.True(SiteBuilder.Build(new BuildOptions { ConfigPath = site.ConfigPath }).Written);
        var page = new HtmlParser().ParseDocument(site.Read("_site/criteria/soc2-tsc-2017/cc6.1/index.html"));

        var rows = page.QuerySelectorAll("#claims ~ table tbody tr").Cast<IHtmlTableRowElement>().ToList();
        Assert.Equal(2, rows.Count);
        var both = rows.Single(r => r.Cells[0].TextContent == "Both");
        // Every claim is direct: no column says so on each row.
        Assert.Equal(["Document", "Stated in"], page.QuerySelectorAll("#claims ~ table th").Select(th => th.TextContent));
        Assert.Contains("Each claims it directly.", page.QuerySelector("#claims ~ p")?.TextContent);
        Assert.Equal(("front matter, line 2table row, line 8", 1), (both.Cells[1].TextContent, both.Cells[1].QuerySelectorAll("br").Length));
        Assert.Equal("../../../both/#cw-row-8", both.Cells[1].QuerySelector("a")?.GetAttribute("href"));
        Assert.Equal("../../../both/", both.Cells[0].QuerySelector("a")?.GetAttribute("href"));
        // A document claiming once in its own table: its link leads to the row, and nothing else is linked.
        var row = rows.Single(r => r.Cells[0].TextContent == "Row");
        Assert.Equal("../../../row/#cw-row-5", row.Cells[0].QuerySelector("a")?.GetAttribute("href"));
        Assert.Equal(("table row, line 5", 0), (row.Cells[1].TextContent, row.Cells[1].QuerySelectorAll("a").Length));
        Assert.Null(page.QuerySelector(".cw-pager"));
    }

    [Fact]
    public void A_document_claiming_both_a_criterion_and_its_group_counts_once_towards_the_pages()
    {
        // 300 documents claim the group CC6, 300 claim CC6.1, 200 of them both: 400 documents cover CC6.1, one page.
        var files = new List<(string, string)> { ("site.yml", Config), ("content/index.md", "# Home\n") };
        for (var i = 0; i < 400; i++)
        {
            var ids = i < 100 ? "CC6" : i < 300 ? "CC6, CC6.1" : "CC6.1";
            files.Add(($"content/docs/d{i:D4}.md", $"---\nsatisfies: {{ soc2-tsc-2017: [{ids}] }}\n---\n# Doc {i:D4}\n"));
        }
        using var site = new TempSite([.. files]);
        var build = SiteBuilder.Build(new BuildOptions { ConfigPath = site.ConfigPath });

        Assert.True(build.Written);
        var page = new HtmlParser().ParseDocument(site.Read("_site/criteria/soc2-tsc-2017/cc6.1/index.html"));
        Assert.Equal(400, page.QuerySelectorAll("#claims ~ table tbody tr").Length);
        Assert.False(File.Exists(site.PathOf("_site/criteria/soc2-tsc-2017/cc6.1/page/2/index.html")));
    }

    [Fact]
    public void Documents_beyond_a_page_go_on_numbered_pages_that_link_each_other_and_check_agrees()
    {
        var files = new List<(string, string)> { ("site.yml", Config), ("content/index.md", "# Home\n") };
        for (var i = 0; i <= CriteriaPages.DocumentsPerPage; i++)
        {
            files.Add(($"content/docs/d{i:D4}.md", $"---\nsatisfies: {{ soc2-tsc-2017: [CC6.1] }}\n---\n# Doc {i:D4}\n"));
        }
        using var site = new TempSite([.. files]);
        var check = SiteBuilder.Check(new BuildOptions { ConfigPath = site.ConfigPath });
        var build = SiteBuilder.Build(new BuildOptions { ConfigPath = site.ConfigPath });
        Assert.True(build.Written);
        Assert.Equal(build.Diagnostics.Select(d => d.ToString()), check.Diagnostics.Select(d => d.ToString()));
        var parser = new HtmlParser();
        var first = parser.ParseDocument(site.Read("_site/criteria/soc2-tsc-2017/cc6.1/index.html"));
        var second = parser.ParseDocument(site.Read("_site/criteria/soc2-tsc-2017/cc6.1/page/2/index.html"));

        Assert.Equal(CriteriaPages.DocumentsPerPage, first.QuerySelectorAll("#claims ~ table tbody tr").Length);
        Assert.Equal("Doc 0500", Assert.IsAssignableFrom<IHtmlTableRowElement>(Assert.Single(second.QuerySelectorAll("#claims ~ table tbody tr"))).Cells[0].TextContent);
        Assert.Equal(["1", "2"], first.QuerySelectorAll(".cw-pager a").Select(a => a.TextContent));
        Assert.Equal("../../../criteria/soc2-tsc-2017/cc6.1/page/2/", first.QuerySelector(".cw-pager a:not([aria-current])")?.GetAttribute("href"));
        Assert.Equal("../../../../../criteria/soc2-tsc-2017/cc6.1/", second.QuerySelector(".cw-pager a:not([aria-current])")?.GetAttribute("href"));
        Assert.Equal("2", second.QuerySelector(".cw-pager [aria-current='page']")?.TextContent);
        // The second page is placed under its criterion: breadcrumbs end with it, the sidebar marks its catalog.
        Assert.Equal("CC6.1", second.QuerySelectorAll(".cw-breadcrumbs a").Last().TextContent);
        Assert.Equal("location", second.QuerySelector("#cw-sidebar [aria-current]")?.GetAttribute("aria-current"));
        Assert.False(File.Exists(site.PathOf("_site/criteria/soc2-tsc-2017/cc6.1/page/3/index.html")));
        // The sitemap lists every page written, the numbered ones too.
        var sitemap = site.Read("_site/sitemap.xml");
        Assert.Contains("<loc>/criteria/soc2-tsc-2017/cc6.1/page/2/</loc>", sitemap);
        Assert.DoesNotContain("/page/3/", sitemap);
        Assert.DoesNotContain("/cc6.2/page/", sitemap);
    }
}
