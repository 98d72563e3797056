using AngleSharp.Html.Parser;
using Crosswalk.Pipeline;
using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Criteria;

/// <summary>Mapping tables, front-matter claims and coverage tables through the whole pipeline.</summary>
public sealed class ResolveCriteriaTests
{
    private const string SiteYml = """
        title: Criteria Test
        relative_urls: false
        catalogs: [soc2-tsc-2017, iso27001-2013]
        mappings:
          - { column: SOC2 Mapping, catalog: soc2-tsc-2017 }
          - { column: ISO 27001 Mapping, catalog: iso27001-2013 }
          - { column: Control, catalog: iso27001-2013, header: [Control, Requirement, Evidence] }
        coverage:
          - { key: Category, documents: Primary Documents, catalog: soc2-tsc-2017 }
        severity:
          CW3005: info
          CW5002: off
        """;

    private const string Overview = """
        ---
        title: Overview
        ---
        # Overview

        | Document | SOC2 Mapping | ISO 27001 Mapping |
        |----------|--------------|-------------------|
        | [Incident Response](ir.md) | CC7.2, CC7.3, CC7.9 | A.16.1 |
        | [Access](access.md) | CC6.1-CC6.3 | A.9.1-A.9.4 |
        | [Change](change.md) | CC8.1; A.9.1 | N/A |
        | [Metrics](metrics.md) | CC7.4-CC7.2 | - |
        | [Checklist](checklist.md) | All TSC | Clause 9, 10 |

        | Category | Criteria | Primary Documents |
        |----------|----------|-------------------|
        | CC2: Communication | x | Incident Response |
        | CC6: Logical Access | x | [Access](access.md) |
        | CC8: Change | x | Change, Metrics |
        | CC1: Control Environment | x | Checklist |
        | CC3: Risk | x | Threat Modle |

        | Control | Description |
        |---------|-------------|
        | Audit logging | Not IDs, and no rule reads this column |
        """;

    private static TempSite Site() => new(
        ("site.yml", SiteYml),
        ("content/index.md", Overview),
        ("content/ir.md", "---\ntitle: Incident Response\nsatisfies:\n  soc2-tsc-2017: [CC2.2, CC9.1]\n---\n# IR\n"),
        ("content/access.md", "---\ntitle: Access\nsatisfies:\n  soc2-tsc-2017: [CC6.9]\n  soc3: [X]\n---\n# Access\n\n| Control | Requirement | Evidence |\n|---|---|---|\n| A.9.2.1 | Register users | tickets |\n"),
        ("content/change.md", "---\ntitle: Change\n---\n# Change\n"),
        ("content/metrics.md", "---\ntitle: Metrics\n---\n# Metrics\n"),
        ("content/checklist.md", "---\ntitle: Checklist\n---\n# Checklist\n"),
        ("content/threat.md", "---\ntitle: Threat Model\n---\n# Threats\n"));

    [Theory]
    [InlineData(nameof(RunMode.Build))]
    [InlineData(nameof(RunMode.Check))]
    [InlineData(nameof(RunMode.Preview))]
    public void A_build_or_check_lets_go_of_the_mapping_cells_references_once_they_are_claims_and_a_preview_keeps_them(string command)
    {
        var mode = Enum.Parse<RunMode>(command);
        using var site = Site();
        var options = new BuildOptions { ConfigPath = site.ConfigPath, OutputDirectory = mode == RunMode.Build ? site.PathOf("out") : null };

        var run = PipelineRunner.Run(options, mode, new SiteStages(), mode == RunMode.Preview ? new Crosswalk.Output.MemoryOutput() : null);

        var overview = run.Site!.Pages.Single(p => p.Source.RelativePath == "index.md");
        // The claims the references made are there either way: Incident Response claims CC7.2 through the overview's row.
        Assert.Contains(run.Claims!.Claims.Of(run.Site.Pages.Single(p => p.Title == "Incident Response")), c => c.Criterion.Id == "CC7.2" && c.Holder == overview);
        if (mode == RunMode.Preview)
        {
            Assert.NotEmpty(overview.TableClaims);
        }
        else
        {
            Assert.Empty(overview.TableClaims);
        }
    }

    [Fact]
    public void Reports_every_planted_fault_at_its_column_and_nothing_else()
    {
        using var site = Site();

        var result = SiteBuilder.Check(new BuildOptions { ConfigPath = site.ConfigPath });

        var actual = result.Diagnostics.Where(d => d.SeverityName != "info").Select(d => $"{d.Location!.Value.File}({d.Location!.Value.Line},{d.Location!.Value.Column}) {d.Code}").ToList();
        Assert.Equal(
        [
            "content/access.md(4,19) CW3001",   // CC6.9 in front matter
            "content/access.md(5,3) CW3007",    // unknown catalog soc3, at its key
            "content/index.md(8,46) CW3001",    // CC7.9
            "content/index.md(10,32) CW3002",   // A.9.1 in a SOC 2 column
            "content/index.md(11,27) CW3003",   // reversed range
            "content/index.md(18,29) CW3004",   // Metrics claims nothing in CC8
            "content/index.md(20,19) CW2001",   // 'Threat Modle' is no page
        ], actual);
    }

    [Fact]
    public void Messages_name_the_column_and_give_did_you_mean()
    {
        using var site = Site();
        var result = SiteBuilder.Check(new BuildOptions { ConfigPath = site.ConfigPath });

        var unknown = result.Diagnostics.Single(d => d.Code == "CW3001" && d.Location!.Value.File == "content/index.md");
        Assert.Equal("unknown criterion 'CC7.9' in column 'SOC2 Mapping'", unknown.Message);
        Assert.Contains("'CC7.4'", unknown.Help);
        var coverage = result.Diagnostics.Single(d => d.Code == "CW3004");
        Assert.Equal("coverage table lists 'Metrics' for CC8 (Change Management), but it claims no criterion in CC8", coverage.Message);
        Assert.StartsWith("'Metrics' claims nothing in soc2-tsc-2017", coverage.Help);
        Assert.Equal("did you mean 'Threat Model'?", result.Diagnostics.Single(d => d.Code == "CW2001").Help);
        var withdrawn = result.Diagnostics.Where(d => d.Code == "CW3005").ToList();
        Assert.Contains(withdrawn, d => d.Message.Contains("'A.16.1' corresponds to A.5.24"));
    }

    [Fact]
    public void Publishes_criterion_pages_linked_cells_row_ids_and_a_coverage_matrix()
    {
        using var site = Site();
        // Remove the faults so the site builds.
        site.Write("content/index.md", Overview.Replace(", CC7.9", "").Replace("; A.9.1", "").Replace("CC7.4-CC7.2", "CC7.2-CC7.4")
            .Replace("Change, Metrics", "Change").Replace("All TSC", "CC1").Replace("| CC3: Risk | x | Threat Modle |\n", "").Replace("| CC2: Communication | x | Incident Response |\n", ""));
        site.Write("content/access.md", "---\ntitle: Access\nsatisfies:\n  soc2-tsc-2017: [CC6.6]\n---\n# Access\n");

        var result = SiteBuilder.Build(new BuildOptions { ConfigPath = site.ConfigPath });

        Assert.True(result.Written, string.Join("\n", result.Diagnostics));
        var parser = new HtmlParser();
        var overview = parser.ParseDocument(site.Read("_site/index.html"));
        var cc72 = overview.QuerySelectorAll("a.criterion-ref").First(a => a.TextContent == "CC7.2");
        Assert.Equal("/criteria/soc2-tsc-2017/cc7.2/", cc72.GetAttribute("href"));
        Assert.Contains("CC7.2:", cc72.GetAttribute("title"));
        Assert.NotNull(overview.QuerySelector("tr#cw-row-8"));

        var criterion = parser.ParseDocument(site.Read("_site/criteria/soc2-tsc-2017/cc7.2/index.html"));
        var rowLink = criterion.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/ir/", rowLink);
        Assert.Contains("/#cw-row-8", rowLink);

        var iso = parser.ParseDocument(site.Read("_site/criteria/iso27001-2013/a.16.1/index.html"));
        Assert.Contains(iso.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/criteria/iso27001-2022/a.5.24/");

        var matrix = parser.ParseDocument(site.Read("_site/criteria/soc2-tsc-2017/index.html"));
        var cc61 = matrix.QuerySelector("tr[id='cc6.1']")!;
        Assert.Contains("covered", cc61.QuerySelectorAll("td").Select(td => td.ClassName));
        Assert.Equal("gap", matrix.QuerySelector("tr[id='a1.1']")!.ClassName);

        var access = parser.ParseDocument(site.Read("_site/access/index.html"));
        Assert.Contains("CC6.6", access.Body!.TextContent);
        Assert.NotNull(access.QuerySelector("a[href='/criteria/soc2-tsc-2017/cc6.6/']"));
    }

    [Fact]
    public void An_unknown_catalog_in_satisfies_is_reported_once_at_its_key_however_many_criteria_it_lists()
    {
        using var site = Site();
        site.Write("content/access.md", "---\ntitle: Access\nsatisfies:\n  soc2-tsc-2017: [CC6.1]\n  soc3:\n    - CC1.1\n    - CC1.2\n    - CC1.3\n---\n# Access\n");

        var result = SiteBuilder.Check(new BuildOptions { ConfigPath = site.ConfigPath });

        var d = Assert.Single(result.Diagnostics, d => d.Code == "CW3007");
        Assert.Equal("content/access.md(5,3): error CW3007: catalog 'soc3' in 'satisfies' is not loaded", d.ToString());
        Assert.Equal("loaded catalogs: soc2-tsc-2017, iso27001-2013, iso27001-2022", d.Help);
    }
}
