using System.Text.Json;
using Crosswalk.Criteria;

namespace Crosswalk.Oscal;

/// <summary>
/// Writes the mapping collection: one mapping per crosswalk, one map entry per source → target pair, and the source
/// criteria a crosswalk states have no counterpart as the mapping's source gap summary.
/// </summary>
internal sealed class MappingCollectionWriter(string siteTitle, SiteLinks links, ControlIdCache ids, IReadOnlyList<CatalogMapping> mappings, string lastModified)
{
    /// <summary>The crosswalks that can be written: OSCAL needs at least one map entry per mapping.</summary>
    public static IReadOnlyList<CatalogMapping> Exportable(IEnumerable<CatalogMapping> mappings) =>
        mappings.Where(m => m.MappedSources.Any(s => m.Targets(s).Count > 0)).ToList();

    public void Write(Utf8JsonWriter w, string uuid, string version)
    {
        w.WriteStartObject();
        w.WriteStartObject("mapping-collection");
        w.WriteString("uuid", uuid);
        OscalJson.Metadata(w, $"{OscalText.Markdown(siteTitle, "Documentation")}: crosswalks", lastModified, version,
            "Made by Crosswalk from the crosswalks the site loads. A map entry whose crosswalk states no relationship says "
            + $"{CrosswalkRelationships.Unstated} and has the property relationship-stated: no.");
        w.WriteStartObject("provenance");
        w.WriteString("method", CrosswalkRelationships.Method);
        w.WriteString("matching-rationale", CrosswalkRelationships.MatchingRationale);
        w.WriteString("status", CrosswalkRelationships.Status);
        w.WriteString("mapping-description", $"The crosswalks {string.Join(", ", mappings.Select(m => OscalText.Inline(m.Id, "?")))}.");
        w.WriteEndObject();
        w.WriteStartArray("mappings");
        foreach (var mapping in mappings)
        {
            Mapping(w, mapping);
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private void Mapping(Utf8JsonWriter w, CatalogMapping mapping)
    {
        w.WriteStartObject();
        w.WriteString("uuid", links.Uuid("mapping", mapping.Id));
        Resource(w, "source-resource", mapping.Source);
        Resource(w, "target-resource", mapping.Target);
        w.WriteStartArray("maps");
        foreach (var source in mapping.MappedSources)
        {
            // Every stated pair, no-relationship ones too: that is a statement OSCAL can carry.
            foreach (var target in mapping.Targets(source))
            {
                Map(w, mapping, source, target.Criterion);
            }
        }
        w.WriteEndArray();
        OscalJson.Props(w, [new OscalProp("crosswalk", OscalText.Line(mapping.Id, "crosswalk"), Own: false)]);
        w.WriteString("mapping-description", OscalText.Markdown(mapping.Name, mapping.Id));
        var gaps = mapping.MappedSources.Where(s => mapping.Map(s).Count == 0).ToList();
        if (gaps.Count > 0)
        {
            w.WriteStartObject("source-gap-summary");
            w.WriteString("uuid", links.Uuid("source-gap-summary", mapping.Id));
            // An unmapped-controls item selects controls by id (OSCAL's select-control-by-id): one selection of them all.
            w.WriteStartArray("unmapped-controls");
            w.WriteStartObject();
            w.WriteStartArray("with-ids");
            foreach (var gap in gaps)
            {
                w.WriteStringValue(ids.For(mapping.Source).Of(gap));
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private void Resource(Utf8JsonWriter w, string name, Catalog catalog)
    {
        w.WriteStartObject(name);
        w.WriteString("type", "catalog");
        w.WriteString("href", links.Catalog(catalog));
        OscalJson.Props(w, [new OscalProp("catalog", OscalText.Line(catalog.Id, "catalog"), Own: false)]);
        w.WriteString("remarks", OscalText.Markdown(catalog.Name, catalog.Id));
        w.WriteEndObject();
    }

    private void Map(Utf8JsonWriter w, CatalogMapping mapping, Criterion source, Criterion target)
    {
        var relationship = CrosswalkRelationships.Of(mapping, source, target);
        w.WriteStartObject();
        w.WriteString("uuid", links.Uuid("map", mapping.Id, source.Id, target.Id));
        w.WriteString("relationship", relationship.Value);
        Item(w, "sources", source);
        Item(w, "targets", target);
        OscalJson.Props(w, relationship.Stated ? [] : [new OscalProp("relationship-stated", "no", Own: false)]);
        w.WriteEndObject();
    }

    private void Item(Utf8JsonWriter w, string name, Criterion criterion)
    {
        w.WriteStartArray(name);
        w.WriteStartObject();
        w.WriteString("type", "control");
        w.WriteString("id-ref", ids.For(criterion.Catalog).Of(criterion));
        w.WriteEndObject();
        w.WriteEndArray();
    }
}
