using Crosswalk.Criteria;
using Crosswalk.Diagnostics;
using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Criteria;

/// <summary>Crosswalk entries that state how source and target relate (<c>subset-of</c>, ...), and the API reading them.</summary>
public sealed class CrosswalkRelationshipTests
{
    private static readonly string SiteRoot = Path.Combine(AppContext.BaseDirectory, "TestData");

    private static (CatalogSet Set, IReadOnlyList<Diagnostic> Diagnostics) Load(params string[] specs)
    {
        var bag = new DiagnosticBag();
        var set = CatalogSet.Load(specs, SiteRoot, bag);
        return (set, bag.ToSortedList());
    }

    private static string Show(IEnumerable<CrosswalkTarget> targets) => string.Join(", ", targets.Select(t => $"{t.Criterion.Id} {t.Relationship?.ToWord() ?? "-"}"));

    private static string Show(IEnumerable<CrosswalkCounterpart> counterparts)
        => string.Join(", ", counterparts.Select(c => $"{(c.IsReverse ? "<" : ">")}{c.Mapping.Id}:{c.Criterion.Id} {c.Relationship?.ToWord() ?? "-"}"));

    [Fact]
    public void Targets_keep_their_stated_relationship_and_map_keeps_returning_criteria()
    {
        // Given / When
        var (set, diagnostics) = Load("300-catalogs/acme.yaml", "300-catalogs/acme-to-soc2-typed.yaml");

        // Then
        Assert.Empty(diagnostics);
        var mapping = set.GetMapping("acme-to-soc2-typed")!;
        Assert.Equal("CC6.1 equal-to", Show(mapping.Targets(mapping.Source["AC-1"])));
        Assert.Equal("CC6.2 -, CC6.3 subset-of", Show(mapping.Targets(mapping.Source["AC-2"])));
        Assert.Equal(["CC6.2", "CC6.3"], mapping.Map("AC-2").Select(c => c.Id));
        // A target stated as unrelated is kept with its relationship but is no counterpart.
        Assert.Equal("CC6.1 intersects-with, CC6.6 no-relationship", Show(mapping.Targets(mapping.Source["AC-3"])));
        Assert.Equal(["CC6.1"], mapping.Map("AC-3").Select(c => c.Id));
        Assert.True(mapping.Contains(mapping.Source["OPS-1"]));
        Assert.Empty(mapping.Targets(mapping.Source["OPS-1"]));
    }

    [Fact]
    public void Counterparts_are_seen_from_the_asked_criterion_inverting_subset_and_superset()
    {
        // Given
        var (set, _) = Load("300-catalogs/acme.yaml", "300-catalogs/acme-to-soc2-typed.yaml", "300-catalogs/acme-to-soc2.yaml");
        var soc2 = set.Get("soc2-tsc-2017")!;
        var acme = set.Get("acme-2024")!;

        // When / Then
        Assert.Equal(">acme-to-soc2-typed:CC6.2 -, >acme-to-soc2-typed:CC6.3 subset-of, >acme-to-soc2:CC6.2 -, >acme-to-soc2:CC6.3 -",
            Show(set.Counterparts(acme["AC-2"])));
        Assert.Equal("<acme-to-soc2-typed:AC-2 superset-of, <acme-to-soc2:AC-2 -", Show(set.Counterparts(soc2["CC6.3"])));
        Assert.Equal("<acme-to-soc2-typed:AC-1 equal-to, <acme-to-soc2-typed:AC-3 intersects-with, <acme-to-soc2:AC-1 -",
            Show(set.Counterparts(soc2["CC6.1"])));
        Assert.Equal("<acme-to-soc2-typed:AC-3 no-relationship", Show(set.Counterparts(soc2["CC6.6"])));
        Assert.Empty(set.Counterparts(soc2["CC1.1"]));
    }

    [Fact]
    public void The_built_in_crosswalk_states_no_relationships()
    {
        var mapping = CatalogSet.BuiltIn.GetMapping("iso27001-2013-to-2022")!;

        var stated = mapping.MappedSources.SelectMany(mapping.Targets).Where(t => t.Relationship is not null).ToList();

        Assert.Empty(stated);
        Assert.Equal(["A.5.36", "A.8.8"], mapping.Targets(mapping.Source["A.18.2.3"]).Select(t => t.Criterion.Id));
        Assert.Equal(
            "<iso27001-2013-to-2022:A.18.2.3 -",
            Show(CatalogSet.BuiltIn.Counterparts(mapping.Target["A.8.8"]).Where(c => c.Criterion.Id == "A.18.2.3")));
    }

    [Theory]
    [InlineData(CrosswalkRelationship.SubsetOf, "subset-of", CrosswalkRelationship.SupersetOf)]
    [InlineData(CrosswalkRelationship.SupersetOf, "superset-of", CrosswalkRelationship.SubsetOf)]
    [InlineData(CrosswalkRelationship.EqualTo, "equal-to", CrosswalkRelationship.EqualTo)]
    [InlineData(CrosswalkRelationship.EquivalentTo, "equivalent-to", CrosswalkRelationship.EquivalentTo)]
    [InlineData(CrosswalkRelationship.IntersectsWith, "intersects-with", CrosswalkRelationship.IntersectsWith)]
    [InlineData(CrosswalkRelationship.NoRelationship, "no-relationship", CrosswalkRelationship.NoRelationship)]
    public void Words_parse_print_and_invert(CrosswalkRelationship relationship, string word, CrosswalkRelationship inverse)
    {
        Assert.Equal(word, relationship.ToWord());
        Assert.Equal(relationship, CrosswalkRelationshipWords.Parse(word));
        Assert.Equal(inverse, relationship.Inverse());
    }

    [Theory]
    [InlineData("  AC-1: { id: CC6.1, relationship: subset }", "x.yaml(7,36): error CW3006: unknown relationship 'subset'; expected equivalent-to, equal-to, subset-of, superset-of, intersects-with, no-relationship", "did you mean 'subset-of'?")]
    [InlineData("  AC-1: [{ id: CC6.1, relationship: equal }]", "x.yaml(7,37): error CW3006: unknown relationship 'equal'; expected equivalent-to, equal-to, subset-of, superset-of, intersects-with, no-relationship", "did you mean 'equal-to'?")]
    [InlineData("  AC-1: [{ id: CC6.1, relationship: Subset-Of }]", "x.yaml(7,37): error CW3006: unknown relationship 'Subset-Of'; expected equivalent-to, equal-to, subset-of, superset-of, intersects-with, no-relationship", "did you mean 'subset-of'?")]
    [InlineData("  AC-1: [{ id: CC6.1, rel: subset-of }]", "x.yaml(7,23): error CW3006: unknown key 'rel' in a crosswalk target; expected id, relationship", null)]
    [InlineData("  AC-1: [{ relationship: subset-of }]", "x.yaml(7,10): error CW3006: a crosswalk target has no 'id'", null)]
    [InlineData("  AC-1: [{ id: CC6.1, relationship: [subset-of] }]", "x.yaml(7,37): error CW3006: 'relationship' must be a single value, not a list or mapping", null)]
    [InlineData("  AC-1: [{ id: CC6.1, relationship: subset-of }, { id: CC6.1, relationship: superset-of }]", "x.yaml(7,56): error CW3006: 'CC6.1' is listed twice for 'AC-1' in crosswalk 'x', as 'subset-of' and as 'superset-of'", null)]
    [InlineData("  AC-1: [{ id: CC6.9, relationship: subset-of }]", "x.yaml(7,16): error CW3006: unknown criterion 'CC6.9' in target catalog 'soc2-tsc-2017' of crosswalk 'x'", "did you mean 'CC6.8', 'CC6.7' or 'CC6.6'?")]
    public void A_bad_relationship_or_target_is_cw3006_at_its_place(string entry, string expected, string? help)
    {
        // Given
        using var site = new TempSite(("x.yaml", $"crosswalk:\n  id: x\n  source: acme-2024\n  target: soc2-tsc-2017\n\nmap:\n{entry}\n"));
        File.Copy(Path.Combine(SiteRoot, "300-catalogs/acme.yaml"), site.PathOf("acme.yaml"));
        var bag = new DiagnosticBag();

        // When
        CatalogSet.Load(["acme.yaml", "x.yaml"], site.Root, bag);

        // Then
        var d = Assert.Single(bag.ToSortedList());
        Assert.Equal(expected, d.ToString().Trim());
        Assert.Equal(help, d.Help);
    }

    [Fact]
    public void A_crosswalk_from_an_oscal_catalog_names_controls_by_label_or_oscal_id()
    {
        // Given
        using var site = new TempSite(("nist-to-soc2.yaml", """
            crosswalk:
              id: nist-to-soc2
              source: nist-800-53-rev5-moderate
              target: soc2-tsc-2017
            map:
              AC-2(1): [{ id: CC6.2, relationship: subset-of }]
              ac-2.2: CC6.3
            """));
        File.Copy(Path.Combine(SiteRoot, OscalCatalogTests.Nist), site.PathOf("nist-800-53-rev5-moderate.json"));
        var bag = new DiagnosticBag();

        // When
        var set = CatalogSet.Load(["nist-800-53-rev5-moderate.json", "nist-to-soc2.yaml"], site.Root, bag);

        // Then
        Assert.Empty(bag.ToSortedList());
        var mapping = set.GetMapping("nist-to-soc2")!;
        Assert.Equal(["AC-2(1)", "AC-2(2)"], mapping.MappedSources.Select(c => c.Id));
        Assert.Equal("CC6.2 subset-of", Show(mapping.Targets(mapping.Source["ac-2.1"])));
        Assert.Equal("<nist-to-soc2:AC-2(1) superset-of", Show(set.Counterparts(set.Get("soc2-tsc-2017")!["CC6.2"])));
    }
}
