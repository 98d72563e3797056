using Crosswalk.Config;
using Crosswalk.Criteria;
using Crosswalk.Diagnostics;
using Crosswalk.Pipeline;
using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Criteria;

/// <summary>site.yml's catalog_aliases: other ids for loaded catalogs, wherever a catalog id is written.</summary>
public sealed class CatalogSetAliasesTests
{
    private static CatalogIdAlias Alias(string alias, string catalog, int line = 2) =>
        new(alias, catalog, new SourceLocation("site.yml", line, 3), new SourceLocation("site.yml", line, 4 + alias.Length));

    [Fact]
    public void An_alias_finds_its_catalog_and_is_listed_among_the_ids()
    {
        var bag = new DiagnosticBag();

        var set = CatalogSet.Load(["soc2-tsc-2017"], "/", bag).WithAliases([Alias("TSC", "soc2-tsc-2017")], bag);

        Assert.Empty(bag.ToSortedList());
        Assert.Same(set.Get("soc2-tsc-2017"), set.Get("TSC"));
        Assert.Null(set.Get("tsc"));
        Assert.Equal(["soc2-tsc-2017", "TSC"], set.Ids);
        Assert.Equal(["soc2-tsc-2017"], set.All.Select(c => c.Id));
    }

    [Fact]
    public void An_alias_of_a_catalog_not_loaded_is_CW1001_at_its_target_with_a_did_you_mean()
    {
        var bag = new DiagnosticBag();

        var set = CatalogSet.Load(["soc2-tsc-2017"], "/", bag).WithAliases([Alias("TSC", "soc2-tsc-2071")], bag);

        var d = Assert.Single(bag.ToSortedList());
        Assert.Equal("site.yml(2,7): error CW1001: catalog alias 'TSC' stands for 'soc2-tsc-2071', which is not a loaded catalog", d.ToString());
        Assert.Equal("did you mean 'soc2-tsc-2017'?", d.Help);
        Assert.Null(set.Get("TSC"));
    }

    [Fact]
    public void An_alias_that_is_a_loaded_catalogs_id_is_CW1001_at_the_alias()
    {
        var bag = new DiagnosticBag();

        var set = CatalogSet.Load(["soc2-tsc-2017", "iso27001-2022"], "/", bag).WithAliases([Alias("iso27001-2022", "soc2-tsc-2017")], bag);

        var d = Assert.Single(bag.ToSortedList());
        Assert.Equal("site.yml(2,3): error CW1001: catalog alias 'iso27001-2022' is already the id of a loaded catalog (built in)", d.ToString());
        Assert.Equal("iso27001-2022", set.Get("iso27001-2022")!.Id);
    }

    [Fact]
    public void An_alias_of_an_alias_is_not_a_loaded_catalog()
    {
        var bag = new DiagnosticBag();

        CatalogSet.Load(["soc2-tsc-2017"], "/", bag).WithAliases([Alias("TSC", "soc2-tsc-2017"), Alias("SOC", "TSC", 3)], bag);

        Assert.Equal(["site.yml(3,7): error CW1001: catalog alias 'SOC' stands for 'TSC', which is not a loaded catalog"],
            bag.ToSortedList().Select(d => d.ToString()));
    }

    // Every place a catalog id is written: satisfies: keys, mapping and coverage rules, direct_claims.
    private static TempSite AliasedSite(string aliases = "catalog_aliases: { TSC: soc2-tsc-2017 }") => new(
        ("site.yml", $$"""
            title: Aliases
            catalogs: [soc2-tsc-2017]
            {{aliases}}
            mappings:
              - { column: SOC2, catalog: TSC }
            coverage:
              - { key: Category, documents: Documents, catalog: TSC }
            direct_claims: [TSC]
            severity: { CW5002: off }
            """),
        ("content/index.md", "---\ntitle: Overview\n---\n# Overview\n\n| Doc | SOC2 |\n|---|---|\n| [Access](access.md) | CC6.1, CC6.9 |\n\n| Category | Documents |\n|---|---|\n| CC6 | [Access](access.md) |\n| CC7 | [Access](access.md) |\n"),
        ("content/access.md", "---\ntitle: Access\nsatisfies:\n  TSC: [CC6.2, CC6]\n---\n# Access\n\n[Home](index.md)\n"));

    [Fact]
    public void An_alias_is_accepted_in_front_matter_and_in_every_site_yml_rule()
    {
        using var site = AliasedSite();

        var result = SiteBuilder.Check(new BuildOptions { ConfigPath = site.ConfigPath });

        // Only content faults: the typo in the mapping column, the coverage row Access does not back, and CC6's
        // other criteria claimed only through the group (direct_claims).
        var faults = result.Diagnostics.Where(d => d.Severity != Severity.Info).Select(d => $"{d.Location!.Value.File}({d.Location.Value.Line}) {d.Code}").Distinct().ToList();
        Assert.Equal(["content/access.md(4) CW3009", "content/index.md(8) CW3001", "content/index.md(13) CW3004"], faults);
    }

    [Fact]
    public void Without_the_alias_every_place_reports_an_unknown_catalog()
    {
        using var site = AliasedSite(aliases: "# no catalog_aliases");

        var result = SiteBuilder.Check(new BuildOptions { ConfigPath = site.ConfigPath });

        Assert.Equal(
            ["content/access.md(4,3) CW3007", "site.yml(5,5) CW3007", "site.yml(7,5) CW3007", "site.yml(8,17) CW3007"],
            result.Diagnostics.Where(d => d.Code == "CW3007").Select(d => $"{d.Location!.Value.File}({d.Location.Value.Line},{d.Location.Value.Column}) {d.Code}"));
    }

    [Fact]
    public void An_alias_naming_no_loaded_catalog_fails_check_with_CW1001_in_site_yml()
    {
        using var site = AliasedSite("catalog_aliases: { TSC: soc2 }");

        var result = SiteBuilder.Check(new BuildOptions { ConfigPath = site.ConfigPath });

        Assert.Contains(result.Diagnostics, d => d.ToString() == "site.yml(3,25): error CW1001: catalog alias 'TSC' stands for 'soc2', which is not a loaded catalog");
    }
}
