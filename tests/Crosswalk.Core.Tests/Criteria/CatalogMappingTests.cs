using Crosswalk.Criteria;

namespace Crosswalk.Tests.Criteria;

public sealed class CatalogMappingTests
{
    private static CatalogMapping Crosswalk => CatalogSet.BuiltIn.GetMapping("iso27001-2013-to-2022")!;

    [Fact]
    public void Crosswalk_maps_iso2013_to_iso2022()
    {
        // Given
        var mapping = Crosswalk;

        // When
        var source = mapping.Source;
        var target = mapping.Target;

        // Then
        Assert.Equal("iso27001-2013", source.Id);
        Assert.Equal("iso27001-2022", target.Id);
        Assert.Same(CatalogSet.BuiltIn.Get("iso27001-2013"), source);
    }

    [Fact]
    public void Every_2013_control_is_mapped_to_at_least_one_2022_control()
    {
        // Given
        var controls = Crosswalk.Source.OfKind("control");

        // When
        var unmapped = controls.Where(c => Crosswalk.Map(c).Count == 0).ToList();

        // Then
        Assert.Equal(114, controls.Count);
        Assert.Empty(unmapped);
        Assert.All(controls, c => Assert.All(Crosswalk.Map(c), t => Assert.Equal("control", t.Kind)));
    }

    [Fact]
    public void A_18_2_3_is_split_over_A_5_36_and_A_8_8()
    {
        // Given
        var mapping = Crosswalk;

        // When
        var targets = mapping.Map("A.18.2.3");

        // Then
        Assert.Equal(["A.5.36", "A.8.8"], targets.Select(t => t.Id));
        Assert.Same(mapping.Target, targets[0].Catalog);
    }

    [Fact]
    public void Eleven_2022_controls_have_no_2013_predecessor()
    {
        // Given
        var mapped = Crosswalk.MappedSources.SelectMany(Crosswalk.Map).ToHashSet();

        // When
        var newControls = Crosswalk.Target.OfKind("control").Where(c => !mapped.Contains(c)).Select(c => c.Id);

        // Then
        Assert.Equal(["A.5.7", "A.5.23", "A.5.30", "A.7.4", "A.8.9", "A.8.10", "A.8.11", "A.8.12", "A.8.16", "A.8.23", "A.8.28"], newControls);
    }

    [Fact]
    public void Renumbered_clauses_are_mapped_and_unknown_ids_map_to_nothing()
    {
        // Given
        var mapping = Crosswalk;

        // When
        var continual = mapping.Map("10.2");
        var unknown = mapping.Map("A.99");

        // Then
        Assert.Equal(["10.1"], continual.Select(c => c.Id));
        Assert.Empty(unknown);
        Assert.False(mapping.Contains(mapping.Source["A.9"]));
    }
}
