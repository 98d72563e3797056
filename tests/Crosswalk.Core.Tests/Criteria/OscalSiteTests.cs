using AngleSharp.Html.Parser;
using Crosswalk.Pipeline;
using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Criteria;

/// <summary>A site whose <c>catalogs:</c> names the NIST SP 800-53 catalog in OSCAL: claims, diagnostics and pages.</summary>
public sealed class OscalSiteTests
{
    private const string Id = OscalCatalogTests.NistId;

    private const string SiteYml = """
        title: OSCAL Site
        relative_urls: false
        catalogs: [soc2-tsc-2017, catalogs/nist-800-53-rev5-moderate.json]
        mappings:
          - { column: NIST Mapping, catalog: nist-800-53-rev5-moderate }
        """;

    private const string Index = """
        ---
        title: Overview
        ---
        # Overview

        | Document | NIST Mapping |
        |----------|--------------|
        | [Accounts](accounts.md) | AC-2(1), ac-2.1 |
        | [Logging](logging.md) | AU-2-AU-4 |
        """;

    private const string Accounts = """
        ---
        title: Accounts
        satisfies:
          nist-800-53-rev5-moderate: [AC-2(1), ac-2.1, AC-2(2)]
        ---
        # Accounts
        """;

    private static TempSite Site(string accounts = Accounts)
    {
        var site = new TempSite(("site.yml", SiteYml), ("content/index.md", Index), ("content/accounts.md", accounts),
            ("content/logging.md", "---\ntitle: Logging\n---\n# Logging\n"));
        Directory.CreateDirectory(site.PathOf("catalogs"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "TestData", OscalCatalogTests.Nist), site.PathOf("catalogs/nist-800-53-rev5-moderate.json"));
        return site;
    }

    [Fact]
    public void Label_and_oscal_id_claim_the_same_criterion_in_tables_and_front_matter()
    {
        // Given
        using var site = Site();

        // When
        var analysis = SiteBuilder.Analyze(new BuildOptions { ConfigPath = site.ConfigPath });

        // Then
        Assert.DoesNotContain(analysis.Result.Diagnostics, d => d.SeverityName != "info");
        var nist = analysis.Catalogs!.Get(Id)!;
        var ac21 = nist["AC-2(1)"];
        var claims = analysis.Claims.Direct(ac21);
        // Both spellings name the one criterion: the row claims it once for the page it links; each front-matter item claims it.
        Assert.Equal(
            ["accounts.md content/accounts.md(4,31)", "accounts.md content/accounts.md(4,40)", "accounts.md content/index.md(8,29)"],
            claims.Select(c => $"{c.Page.Source.RelativePath} {c.Location.File}({c.Location.Line},{c.Location.Column})").Order());
        Assert.Equal(["Accounts"], analysis.Claims.PagesCovering(nist["AC-2(2)"]).Select(p => p.Title));
        Assert.Equal(["Logging"], analysis.Claims.PagesCovering(nist["AU-3"]).Select(p => p.Title));
        Assert.Empty(analysis.Claims.PagesCovering(nist["AC-2"]));
    }

    [Fact]
    public void An_unknown_control_is_cw3001_at_its_place_with_did_you_mean()
    {
        // Given
        using var site = Site(Accounts.Replace("AC-2(2)]", "AC-99]"));
        site.Write("content/index.md", Index.Replace("AU-2-AU-4", "AU-2, AC-99"));

        // When
        var result = SiteBuilder.Check(new BuildOptions { ConfigPath = site.ConfigPath });

        // Then
        var unknown = result.Diagnostics.Where(d => d.Code == "CW3001").Select(d => $"{d.Location} {d.Message} | {d.Help}").ToList();
        Assert.Equal(
            [
                $"content/accounts.md(4,48) unknown criterion 'AC-99' in catalog '{Id}' | did you mean 'AC-19'?",
                $"content/index.md(9,33) unknown criterion 'AC-99' in column 'NIST Mapping' | did you mean 'AC-19'?",
            ],
            unknown);
    }

    [Fact]
    public void Builds_criterion_pages_and_a_matrix_for_the_catalog()
    {
        // Given
        using var site = Site();

        // When
        var result = SiteBuilder.Build(new BuildOptions { ConfigPath = site.ConfigPath });

        // Then
        Assert.True(result.Written, string.Join("\n", result.Diagnostics));
        var parser = new HtmlParser();
        var overview = parser.ParseDocument(site.Read("_site/index.html"));
        Assert.Equal(
            [$"AC-2(1) /criteria/{Id}/ac-2.1/", $"ac-2.1 /criteria/{Id}/ac-2.1/"],
            overview.QuerySelectorAll("a.criterion-ref").Take(2).Select(a => $"{a.TextContent} {a.GetAttribute("href")}"));
        var page = parser.ParseDocument(site.Read($"_site/criteria/{Id}/ac-2.1/index.html"));
        Assert.Equal("AC-2(1) Automated System Account Management", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/accounts/");
        Assert.Contains(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/criteria/{Id}/ac-2/");
        var matrix = parser.ParseDocument(site.Read($"_site/criteria/{Id}/index.html"));
        Assert.Contains("covered", matrix.QuerySelector("tr[id='ac-2.1']")!.QuerySelectorAll("td").Select(td => td.ClassName));
        Assert.Equal("gap", matrix.QuerySelector("tr[id='ac-2.3']")!.ClassName);
        Assert.True(File.Exists(site.PathOf($"_site/criteria/{Id}/ac/index.html")));
    }
}
