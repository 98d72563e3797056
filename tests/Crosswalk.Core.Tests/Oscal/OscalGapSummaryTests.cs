using System.Text;
using System.Text.Json;
using Crosswalk.Oscal;
using Crosswalk.Pipeline;
using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Oscal;

/// <summary>A crosswalk entry stating "no counterpart" (<c>AC-3: []</c>) in the mapping collection's gap summary.</summary>
public sealed class OscalGapSummaryTests
{
    [Fact]
    public void Sources_without_counterpart_are_selected_by_id_in_a_valid_gap_summary()
    {
        // Given: acme-to-soc2 states AC-3: [] (the repository's own crosswalk maps every control, so has no gap).
        var data = Path.Combine(AppContext.BaseDirectory, "TestData", "300-catalogs");
        using var site = new TempSite(
            ("site.yml", "title: Gaps\ncatalogs: [catalogs/acme.yaml, catalogs/acme-to-soc2.yaml]\n"),
            ("catalogs/acme.yaml", File.ReadAllText(Path.Combine(data, "acme.yaml"))),
            ("catalogs/acme-to-soc2.yaml", File.ReadAllText(Path.Combine(data, "acme-to-soc2.yaml"))),
            ("content/index.md", "# Home\n"));

        // When
        var files = OscalExport.Create(SiteBuilder.Analyze(new BuildOptions { ConfigPath = site.ConfigPath }), new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero));
        var text = Encoding.UTF8.GetString(files.Single(f => f.Name == OscalExport.MappingCollectionFile).Content);

        // Then
        var gaps = JsonDocument.Parse(text).RootElement.GetProperty("mapping-collection").GetProperty("mappings")[0]
            .GetProperty("source-gap-summary").GetProperty("unmapped-controls");
        Assert.Equal(["AC-3"], Assert.Single(gaps.EnumerateArray()).GetProperty("with-ids").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal([], OscalSchemas.Errors(OscalSchemas.Mapping, text));
    }
}
