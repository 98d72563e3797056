using AngleSharp.Html.Parser;
using Crosswalk.Criteria;
using Crosswalk.Pipeline;
using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Criteria;

/// <summary>Direct and inherited claims, the coverage report and its comparison with a baseline.</summary>
public sealed class CoverageTests
{
    private const string Config = "title: T\ncatalogs: [soc2-tsc-2017]\nmappings:\n  - { column: SOC2, catalog: soc2-tsc-2017 }\nseverity: { CW2005: off, CW5002: off }\n";

    private static TempSite Site(string readiness = "| Area | SOC2 |\n|---|---|\n| Everything | All TSC |\n") => new(
        ("site.yml", Config),
        ("content/index.md", "# Home\n\n[a](a.md) [c](c.md) [r](r.md)\n"),
        ("content/a.md", "---\ntitle: Access\nsatisfies: { soc2-tsc-2017: [CC6.1, CC6.2] }\n---\n# Access\n"),
        ("content/c.md", "---\ntitle: Change\nsatisfies: { soc2-tsc-2017: [CC8] }\n---\n# Change\n"),
        ("content/r.md", "# Readiness\n\n" + readiness));

    private static SiteAnalysis Analyze(TempSite site) => SiteBuilder.Analyze(new BuildOptions { ConfigPath = site.ConfigPath });

    [Fact]
    public void A_claim_of_the_criterion_itself_is_direct_and_one_through_a_group_or_an_alias_is_inherited()
    {
        using var site = Site();
        var analysis = Analyze(site);
        var soc2 = analysis.Catalogs!.Get("soc2-tsc-2017")!;
        Criterion C(string id) => soc2.Find(id)!;

        Assert.Equal(Coverage.Direct, analysis.Claims.CoverageOf(C("CC6.1")));
        Assert.Equal(Coverage.Inherited, analysis.Claims.CoverageOf(C("CC8.1")));
        Assert.Equal(Coverage.Inherited, analysis.Claims.CoverageOf(C("P8.1")));
        var hows = analysis.Claims.Covering(C("CC8.1")).Select(c => $"{c.Page.Title} {c.HowFor(C("CC8.1"))}").Order().ToList();
        Assert.Equal(["Change through CC8", "Readiness through 'All TSC'"], hows);
        var totals = CoverageSnapshot.Of([soc2], analysis.Claims).Catalogs[0].Totals;
        Assert.Equal((61, 2, 59, 0), totals);
        Assert.Equal((61, 2, 0, 59), CoverageSnapshot.Of([soc2], analysis.Claims, directOnly: true).Catalogs[0].Totals);
    }

    [Fact]
    public void The_matrix_marks_inherited_cells_apart_and_every_cell_says_what_it_shows()
    {
        using var site = Site(readiness: "| Area | SOC2 |\n|---|---|\n| Monitoring | CC4 |\n");
        var result = SiteBuilder.Build(new BuildOptions { ConfigPath = site.ConfigPath, OutputDirectory = site.PathOf("_site") });
        Assert.True(result.Written);

        var page = new HtmlParser().ParseDocument(site.Read("_site/criteria/soc2-tsc-2017/index.html"));

        Assert.Equal("2 of 61 criteria claimed directly; 3 only through a group or alias; 56 gaps.", page.QuerySelector(".cw-coverage-totals")!.TextContent);
        var row = page.QuerySelector("tr[id='cc8.1']")!;
        var cell = Assert.Single(row.QuerySelectorAll("td.covered.inherited"));
        Assert.Equal("Change claims CC8.1 through CC8", cell.GetAttribute("title"));
        Assert.Equal("Change claims CC8.1 through CC8", cell.QuerySelector(".cw-visually-hidden")!.TextContent);
        var direct = Assert.Single(page.QuerySelector("tr[id='cc6.1']")!.QuerySelectorAll("td.covered"));
        Assert.False(direct.ClassList.Contains("inherited"));
        Assert.Equal("Access claims CC6.1 directly", direct.QuerySelector(".cw-visually-hidden")!.TextContent);
        Assert.All(page.QuerySelector("tr[id='p8.1']")!.QuerySelectorAll("td.gap"), gap => Assert.Equal("gap: no document claims P8.1", gap.TextContent));
        Assert.Contains("(inherited: holds CC8.1)", site.Read("_site/criteria/soc2-tsc-2017/cc8.1/index.html").Replace("<small>", "").Replace("</small>", "").Replace("<a href=\"/criteria/soc2-tsc-2017/cc8/\">CC8</a> ", ""));
    }

    [Fact]
    public void Between_two_trees_the_comparison_names_exactly_the_criteria_lost_and_gained()
    {
        using var site = Site(readiness: "| Area | SOC2 |\n|---|---|\n| Monitoring | CC4.1 |\n");
        var catalogs = (SiteAnalysis a) => a.Configured;
        var before = Analyze(site);
        var baseline = CoverageSnapshot.FromJson(CoverageSnapshot.Of(catalogs(before), before.Claims).ToJson());
        site.Write("content/a.md", "---\ntitle: Access\nsatisfies: { soc2-tsc-2017: [CC6.1, CC6.3] }\n---\n# Access\n");
        site.Write("content/r.md", "# Readiness\n\n| Area | SOC2 |\n|---|---|\n| Monitoring | CC4 |\n");
        var after = Analyze(site);

        var diff = CoverageDiff.Compare(baseline, CoverageSnapshot.Of(catalogs(after), after.Claims));

        Assert.Equal(["CC6.2"], diff.Lost.Select(c => c.Id));
        Assert.Equal(["Access"], diff.Lost[0].Pages.Select(p => p.Title));
        Assert.Equal(["CC4.2", "CC6.3"], diff.Gained.Select(c => c.Id));
        Assert.Equal(["CC4.1"], diff.Weakened.Select(c => c.Id));
        Assert.Empty(diff.Strengthened);
        Assert.Equal(
        [
            "content/a.md: +soc2-tsc-2017 CC6.3 -soc2-tsc-2017 CC6.2",
            "content/r.md: +soc2-tsc-2017 CC4.2",
        ], diff.Documents.Select(d => $"{d.Source}: {string.Join(' ', d.Added.Select(x => "+" + x).Concat(d.Removed.Select(x => "-" + x)))}"));
    }

    [Fact]
    public void A_report_reads_back_as_it_was_written()
    {
        using var site = Site();
        var analysis = Analyze(site);
        var json = CoverageSnapshot.Of(analysis.Configured, analysis.Claims).ToJson();

        Assert.Equal(json, CoverageSnapshot.FromJson(json).ToJson());
        Assert.True(CoverageDiff.Compare(CoverageSnapshot.FromJson(json), CoverageSnapshot.Of(analysis.Configured, analysis.Claims)).IsEmpty);
        Assert.Throws<FormatException>(() => CoverageSnapshot.FromJson("{\"criteria\": []}"));
        Assert.Throws<FormatException>(() => CoverageSnapshot.FromJson("not json"));
    }

    [Fact]
    public void Direct_claims_rules_warn_where_the_covering_claim_is_written()
    {
        using var site = Site();
        site.Write("site.yml", Config + "direct_claims:\n  - { catalog: soc2-tsc-2017, criteria: [CC6, CC8.1, CC9.9] }\n");

        var result = SiteBuilder.Check(new BuildOptions { ConfigPath = site.ConfigPath });

        Assert.Equal(
        [
            "content/c.md(3,30): warning CW3009: CC8.1 is claimed only through CC8 ('Change'), and site.yml asks for a direct claim",
            "content/r.md(5,16): warning CW3009: CC6.3 is claimed only through 'All TSC' ('Readiness'), and site.yml asks for a direct claim",
            "content/r.md(5,16): warning CW3009: CC6.4 is claimed only through 'All TSC' ('Readiness'), and site.yml asks for a direct claim",
            "content/r.md(5,16): warning CW3009: CC6.5 is claimed only through 'All TSC' ('Readiness'), and site.yml asks for a direct claim",
            "content/r.md(5,16): warning CW3009: CC6.6 is claimed only through 'All TSC' ('Readiness'), and site.yml asks for a direct claim",
            "content/r.md(5,16): warning CW3009: CC6.7 is claimed only through 'All TSC' ('Readiness'), and site.yml asks for a direct claim",
            "content/r.md(5,16): warning CW3009: CC6.8 is claimed only through 'All TSC' ('Readiness'), and site.yml asks for a direct claim",
            "site.yml(7,54): error CW3001: unknown criterion 'CC9.9' of 'soc2-tsc-2017' in 'direct_claims'",
        ], result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Criterion_pages_show_the_relationship_a_crosswalk_states_from_either_side()
    {
        using var site = new TempSite(
            ("site.yml", "title: T\ncatalogs: [acme.yaml, soc2-tsc-2017, acme-to-soc2-typed.yaml]\nseverity: { CW2005: off, CW5002: off }\n"),
            ("content/index.md", "# Home\n"));
        foreach (var file in new[] { "acme.yaml", "acme-to-soc2-typed.yaml" })
        {
            site.Write(file, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "300-catalogs", file)));
        }

        var result = SiteBuilder.Build(new BuildOptions { ConfigPath = site.ConfigPath, OutputDirectory = site.PathOf("_site") });

        Assert.True(result.Written, string.Join("\n", result.Diagnostics));
        string Counterparts(string path) => string.Join(" | ", new HtmlParser().ParseDocument(site.Read(path))
            .QuerySelectorAll("#counterparts + ul li").Select(li => li.TextContent));
        Assert.Equal("In AICPA 2017 Trust Services Criteria: CC6.2 User registration, authorization and credential removal (AICPA 2017 Trust Services Criteria) | "
            + "In AICPA 2017 Trust Services Criteria: CC6.3 Role-based access, least privilege and segregation of duties (AICPA 2017 Trust Services Criteria; AC-2 is subset-of CC6.3)",
            Counterparts("_site/criteria/acme-2024/ac-2/index.html"));
        // From the target's side the statement is read the other way round; a stated no-relationship is no counterpart.
        Assert.Contains("CC6.3 is superset-of AC-2", Counterparts("_site/criteria/soc2-tsc-2017/cc6.3/index.html"));
        Assert.DoesNotContain("AC-3", Counterparts("_site/criteria/soc2-tsc-2017/cc6.6/index.html"));
    }

    [Fact]
    public void A_baseline_from_an_older_crosswalk_compares_covered_and_gaps_only_and_a_removed_catalog_is_reported()
    {
        using var site = Site(readiness: "| Area | SOC2 |\n|---|---|\n| Monitoring | CC4 |\n");
        var analysis = Analyze(site);
        var now = CoverageSnapshot.Of(analysis.Configured, analysis.Claims);
        // An older report: no version, no 'direct' (every covering page listed alike).
        var report = System.Text.Json.Nodes.JsonNode.Parse(now.ToJson())!.AsObject();
        report.Remove("version");
        report.Remove("direct_only");
        foreach (var criterion in report["catalogs"]!.AsArray().SelectMany(c => c!["criteria"]!.AsArray()))
        {
            criterion!.AsObject().Remove("coverage");
            foreach (var page in criterion["pages"]!.AsArray())
            {
                page!.AsObject().Remove("direct");
            }
        }
        var old = report.ToJsonString();

        var diff = CoverageDiff.Compare(CoverageSnapshot.FromJson(old), now);
        var gone = CoverageDiff.Compare(now, now with { Catalogs = [] });

        Assert.False(CoverageSnapshot.FromJson(old).KnowsDirect);
        Assert.True(diff.IsEmpty);
        Assert.Equal(["CC4.1", "CC4.2", "CC6.1", "CC6.2", "CC8.1"], gone.Dropped.Select(c => c.Id));
        Assert.False(gone.IsEmpty);
    }
}
