using System.Text;
using System.Text.Json;
using Crosswalk.Oscal;
using Crosswalk.Pipeline;
using Crosswalk.Tests.Criteria;
using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Oscal;

/// <summary>The export of a site whose catalog came from OSCAL and whose crosswalk states relationships.</summary>
public sealed class OscalCatalogExportTests
{
    private static TempSite Site()
    {
        var site = new TempSite(
            ("site.yml", """
                title: Round trip
                catalogs: [catalogs/nist-800-53-rev5-moderate.json, soc2-tsc-2017, catalogs/nist-to-soc2.yaml]
                """),
            ("catalogs/nist-to-soc2.yaml", """
                crosswalk:
                  id: nist-to-soc2
                  source: nist-800-53-rev5-moderate
                  target: soc2-tsc-2017
                map:
                  AC-2(1): [{ id: CC6.2, relationship: subset-of }, CC6.3]
                  ac-3: { id: CC6.1, relationship: no-relationship }
                """),
            ("content/accounts.md", "---\ntitle: Accounts\nsatisfies:\n  nist-800-53-rev5-moderate: [AC-2(1)]\n---\n# Accounts\n"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "TestData", OscalCatalogTests.Nist), site.PathOf("catalogs/nist-800-53-rev5-moderate.json"));
        return site;
    }

    private static (JsonElement Component, JsonElement Mapping, string ComponentText, string MappingText) Export()
    {
        using var site = Site();
        var analysis = SiteBuilder.Analyze(new BuildOptions { ConfigPath = site.ConfigPath });
        Assert.DoesNotContain(analysis.Result.Diagnostics, d => d.SeverityName == "error");
        var files = OscalExport.Create(analysis, new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero));
        var component = Encoding.UTF8.GetString(files.Single(f => f.Name == OscalExport.ComponentDefinitionFile).Content);
        var mapping = Encoding.UTF8.GetString(files.Single(f => f.Name == OscalExport.MappingCollectionFile).Content);
        return (JsonDocument.Parse(component).RootElement, JsonDocument.Parse(mapping).RootElement, component, mapping);
    }

    private static string? Prop(JsonElement element, string name) =>
        element.TryGetProperty("props", out var props) && props.EnumerateArray().FirstOrDefault(p => p.GetProperty("name").GetString() == name) is { ValueKind: JsonValueKind.Object } p
            ? p.GetProperty("value").GetString() : null;

    [Fact]
    public void A_control_of_an_oscal_catalog_is_exported_by_its_oscal_id_with_its_label_in_a_prop()
    {
        var (component, _, text, _) = Export();

        var requirement = component.GetProperty("component-definition").GetProperty("components").EnumerateArray()
            .SelectMany(c => c.GetProperty("control-implementations").EnumerateArray())
            .SelectMany(ci => ci.GetProperty("implemented-requirements").EnumerateArray())
            .Single();
        Assert.Equal("ac-2.1", requirement.GetProperty("control-id").GetString());
        Assert.Equal("AC-2(1)", Prop(requirement, "criterion"));
        Assert.Equal([], OscalSchemas.Errors(OscalSchemas.Component, text));
    }

    [Fact]
    public void Map_entries_carry_the_stated_relationships_and_mark_the_unstated()
    {
        var (_, collection, _, text) = Export();

        var maps = collection.GetProperty("mapping-collection").GetProperty("mappings")[0].GetProperty("maps").EnumerateArray()
            .Select(m => $"{m.GetProperty("sources")[0].GetProperty("id-ref").GetString()} {m.GetProperty("relationship").GetString()} "
                + $"{m.GetProperty("targets")[0].GetProperty("id-ref").GetString()} {Prop(m, "relationship-stated") ?? "stated"}")
            .ToList();
        Assert.Equal(
            ["ac-2.1 subset-of CC6.2 stated", $"ac-2.1 {CrosswalkRelationships.Unstated} CC6.3 no", "ac-3 no-relationship CC6.1 stated"],
            maps);
        Assert.Equal([], OscalSchemas.Errors(OscalSchemas.Mapping, text));
    }
}
