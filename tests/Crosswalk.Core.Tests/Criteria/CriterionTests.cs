using Crosswalk.Criteria;

namespace Crosswalk.Tests.Criteria;

public sealed class CriterionTests
{
    private static Catalog Soc2 => CatalogSet.BuiltIn.Get("soc2-tsc-2017")!;
    private static Catalog Iso2013 => CatalogSet.BuiltIn.Get("iso27001-2013")!;

    [Fact]
    public void Knows_its_catalog_parent_kind_and_depth()
    {
        // Given
        var control = Iso2013["A.9.1.1"];

        // When
        var parent = control.Parent;

        // Then
        Assert.Same(Iso2013, control.Catalog);
        Assert.Equal("control", control.Kind);
        Assert.Equal("Access control policy", control.Title);
        Assert.Equal("A.9.1", parent!.Id);
        Assert.Equal(2, control.Depth);
        Assert.Equal("A.9.1.1", control.ToString());
    }

    [Fact]
    public void Ancestors_run_from_the_parent_to_the_root()
    {
        // Given
        var control = Iso2013["A.9.1.1"];

        // When
        var ancestors = control.Ancestors;

        // Then
        Assert.Equal(["A.9.1", "A.9"], ancestors.Select(a => a.Id));
        Assert.Empty(Iso2013["A.9"].Ancestors);
    }

    [Fact]
    public void IsWithin_is_true_for_itself_and_any_ancestor_only()
    {
        // Given
        var control = Iso2013["A.9.1.1"];

        // When / Then
        Assert.True(control.IsWithin(control));
        Assert.True(control.IsWithin(Iso2013["A.9.1"]));
        Assert.True(control.IsWithin(Iso2013["A.9"]));
        Assert.False(control.IsWithin(Iso2013["A.9.2"]));
        Assert.False(Iso2013["A.9"].IsWithin(control));
        Assert.False(control.IsWithin(CatalogSet.BuiltIn.Get("iso27001-2022")!["A.5.15"]));
    }

    [Fact]
    public void LeafDescendants_of_a_domain_are_its_controls_in_catalog_order()
    {
        // Given
        var domain = Iso2013["A.9"];

        // When
        var leaves = domain.LeafDescendants();
        var all = domain.Descendants();

        // Then
        Assert.Equal(14, leaves.Count);
        Assert.Equal("A.9.1.1", leaves[0].Id);
        Assert.Equal("A.9.4.5", leaves[^1].Id);
        Assert.Equal(18, all.Count);
        Assert.Equal("A.9.1", all[0].Id);
        Assert.Equal([Soc2["CC7.2"]], Soc2["CC7.2"].LeafDescendants());
    }

    [Fact]
    public void Privacy_group_contains_nested_groups()
    {
        // Given
        var privacy = Soc2["P"];

        // When
        var leaves = privacy.LeafDescendants();

        // Then
        Assert.Equal(18, leaves.Count);
        Assert.True(Soc2["P6.7"].IsWithin(privacy));
        Assert.Equal("group", Soc2["P6"].Kind);
    }

    [Fact]
    public void Siblings_of_a_root_are_the_catalog_roots()
    {
        // Given
        var root = Soc2["CC1"];

        // When
        var siblings = root.Siblings;

        // Then
        Assert.Same(Soc2.Roots, siblings);
        Assert.Equal(Soc2["CC7"].Children, Soc2["CC7.3"].Siblings);
    }
}
