using Crosswalk.Criteria;

namespace Crosswalk.Tests.Criteria;

public sealed class CatalogTests
{
    private static Catalog Soc2 => CatalogSet.BuiltIn.Get("soc2-tsc-2017")!;
    private static Catalog Iso2013 => CatalogSet.BuiltIn.Get("iso27001-2013")!;
    private static Catalog Iso2022 => CatalogSet.BuiltIn.Get("iso27001-2022")!;

    [Fact]
    public void Soc2_has_61_criteria_in_21_groups()
    {
        // Given
        var catalog = Soc2;

        // When
        var criteria = catalog.OfKind("criterion");
        var groups = catalog.OfKind("group");

        // Then
        Assert.Equal(61, criteria.Count);
        Assert.Equal(21, groups.Count);
        Assert.Equal(82, catalog.Criteria.Count);
        Assert.All(criteria, c => Assert.True(c.IsLeaf));
        Assert.Equal(["CC1", "CC2", "CC3", "CC4", "CC5", "CC6", "CC7", "CC8", "CC9", "A1", "C1", "PI1", "P"], catalog.Roots.Select(r => r.Id));
        Assert.Equal(["P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8"], catalog["P"].Children.Select(c => c.Id));
        Assert.Equal(["CC7.1", "CC7.2", "CC7.3", "CC7.4", "CC7.5"], catalog["CC7"].Children.Select(c => c.Id));
    }

    [Fact]
    public void Iso2013_has_14_domains_35_objectives_114_controls_and_clauses_4_to_10()
    {
        // Given
        var catalog = Iso2013;

        // When
        var domains = catalog.OfKind("domain");
        var objectives = catalog.OfKind("objective");
        var controls = catalog.OfKind("control");
        var topClauses = catalog.OfKind("clause").Where(c => c.Parent is null);

        // Then
        Assert.Equal(14, domains.Count);
        Assert.Equal(35, objectives.Count);
        Assert.Equal(114, controls.Count);
        Assert.Equal(["4", "5", "6", "7", "8", "9", "10"], topClauses.Select(c => c.Id));
        Assert.Equal(["9.1", "9.2", "9.3"], catalog["9"].Children.Select(c => c.Id));
        Assert.Equal("A.5", domains[0].Id);
        Assert.Equal("A.18", domains[^1].Id);
        Assert.All(controls, c => Assert.Equal("objective", c.Parent!.Kind));
        Assert.All(objectives, o => Assert.Equal("domain", o.Parent!.Kind));
    }

    [Fact]
    public void Iso2022_has_93_controls_in_4_themes()
    {
        // Given
        var catalog = Iso2022;

        // When
        var themes = catalog.OfKind("theme");
        var controls = catalog.OfKind("control");

        // Then
        Assert.Equal(["A.5", "A.6", "A.7", "A.8"], themes.Select(t => t.Id));
        Assert.Equal(93, controls.Count);
        Assert.Equal([37, 8, 14, 34], themes.Select(t => t.Children.Count));
        Assert.Equal("Planning of changes", catalog["6.3"].Title);
        Assert.Equal("Continual improvement", catalog["10.1"].Title);
    }

    [Fact]
    public void Iso2013_is_withdrawn_in_favour_of_iso2022_through_the_crosswalk()
    {
        // Given
        var catalog = Iso2013;

        // When
        var withdrawn = catalog.Withdrawn;

        // Then
        Assert.NotNull(withdrawn);
        Assert.Equal(new DateOnly(2025, 10, 31), withdrawn.Date);
        Assert.Equal("iso27001-2022", withdrawn.SuccessorId);
        Assert.Equal("iso27001-2013-to-2022", withdrawn.CrosswalkId);
        Assert.True(withdrawn.AppliesTo(catalog["A.9.1.1"]));
        Assert.False(withdrawn.AppliesTo(catalog["9.1"]));
        Assert.False(Iso2022.IsWithdrawn);
        Assert.False(Soc2.IsWithdrawn);
    }

    [Fact]
    public void Find_is_ordinal_and_FindIgnoreCase_returns_the_canonical_criterion()
    {
        // Given
        var catalog = Soc2;

        // When
        var exact = catalog.Find("CC6.1");
        var wrongCase = catalog.Find("cc6.1");
        var ignoringCase = catalog.FindIgnoreCase("cc6.1");

        // Then
        Assert.NotNull(exact);
        Assert.Null(wrongCase);
        Assert.Same(exact, ignoringCase);
        Assert.Equal("CC6.1", ignoringCase!.Id);
        Assert.Throws<KeyNotFoundException>(() => catalog["CC6.9"]);
    }

    [Fact]
    public void Criteria_keep_document_order_and_clause_ids_are_strings()
    {
        // Given
        var catalog = Iso2013;

        // When
        var ids = catalog.Criteria.Select(c => c.Id).ToList();

        // Then
        Assert.Equal("4", ids[0]);
        Assert.True(ids.IndexOf("10.2") < ids.IndexOf("A.5"));
        Assert.Equal(Enumerable.Range(0, catalog.Criteria.Count), catalog.Criteria.Select(c => c.Index));
        Assert.NotNull(catalog.Find("9.1"));
        Assert.Null(catalog.Find("9.10"));
    }

    [Fact]
    public void All_TSC_alias_stands_for_every_root_group_and_matches_ignoring_case_and_spacing()
    {
        // Given
        var catalog = Soc2;

        // When
        var alias = catalog.FindAlias("all   tsc");

        // Then
        Assert.NotNull(alias);
        Assert.Equal("All TSC", alias.Name);
        Assert.Equal(catalog.Roots, alias.Criteria);
        Assert.All(catalog.Criteria, c => Assert.Contains(alias.Criteria, a => c.IsWithin(a)));
    }

    [Fact]
    public void Annex_A_alias_of_iso2013_stands_for_the_14_domains()
    {
        // Given
        var catalog = Iso2013;

        // When
        var alias = catalog.FindAlias("Annex A");

        // Then
        Assert.NotNull(alias);
        Assert.Equal(catalog.OfKind("domain"), alias.Criteria);
    }

    [Fact]
    public void Titles_are_present_for_every_built_in_criterion()
    {
        // Given
        var catalogs = CatalogSet.BuiltIn.All;

        // When
        var untitled = catalogs.SelectMany(c => c.Criteria).Where(c => string.IsNullOrWhiteSpace(c.Title)).ToList();

        // Then
        Assert.Empty(untitled);
        Assert.Equal("Technical compliance review", Iso2013["A.18.2.3"].Title);
    }
}
