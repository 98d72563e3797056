using System.Globalization;
using System.Text;
using System.Text.Json;
using Crosswalk.Criteria;

namespace Crosswalk.Oscal;

/// <summary>
/// Writes the component definition: one component per document that claims criteria, one control-implementation per
/// catalog it claims in, one implemented-requirement per leaf criterion it covers.
/// </summary>
internal sealed class ComponentDefinitionWriter(string siteTitle, SiteLinks links, ControlIdCache ids, IReadOnlyList<DocumentClaims> documents, string lastModified)
{
    public void Write(Utf8JsonWriter w, string uuid, string version)
    {
        w.WriteStartObject();
        w.WriteStartObject("component-definition");
        w.WriteString("uuid", uuid);
        OscalJson.Metadata(w, $"{OscalText.Markdown(siteTitle, "Documentation")}: documents and the criteria they claim", lastModified, version,
            "Made by Crosswalk from the site's documents: one component per document that claims criteria, with the criteria it claims.");
        if (documents.Count > 0)
        {
            w.WriteStartArray("components");
            foreach (var document in documents)
            {
                Component(w, document);
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private void Component(Utf8JsonWriter w, DocumentClaims document)
    {
        var page = document.Page;
        var title = OscalText.Markdown(page.Title, page.Url);
        w.WriteStartObject();
        w.WriteString("uuid", links.Uuid("component", page.Url));
        w.WriteString("type", document.ComponentType);
        w.WriteString("title", title);
        w.WriteString("description", Stated(page.Meta.Summary) is { } summary
            ? OscalText.Markdown(summary, title)
            : $"{title} ({OscalText.Inline(page.Source.DisplayPath, page.Url)}).");
        OscalJson.Props(w, ComponentProps(document));
        OscalJson.Links(w, [new OscalLink(links.Page(page), title)]);
        w.WriteStartArray("control-implementations");
        foreach (var catalog in document.Catalogs)
        {
            ControlImplementation(w, document, catalog, title);
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static IEnumerable<OscalProp> ComponentProps(DocumentClaims document)
    {
        var meta = document.Page.Meta;
        if (Stated(meta.Version) is { } version)
        {
            yield return new OscalProp("version", version);
        }
        // OSCAL's release-date of a policy is its publication: the latest approval.
        if (meta.LatestApproval?.On is { } approved)
        {
            yield return new OscalProp("release-date", approved.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        if (Stated(meta.Owner) is { } owner)
        {
            yield return new OscalProp("owner", owner, Own: false);
        }
        yield return new OscalProp("source-file", OscalText.Line(document.Page.Source.DisplayPath, document.Page.Url), Own: false);
    }

    private void ControlImplementation(Utf8JsonWriter w, DocumentClaims document, CatalogClaims claims, string title)
    {
        var catalog = claims.Catalog;
        w.WriteStartObject();
        w.WriteString("uuid", links.Uuid("control-implementation", document.Page.Url, catalog.Id));
        w.WriteString("source", links.Catalog(catalog));
        w.WriteString("description", $"The criteria of {OscalText.Inline(catalog.Name, catalog.Id)} that {title} claims.");
        OscalJson.Props(w, [new OscalProp("catalog", OscalText.Line(catalog.Id, "catalog"), Own: false)]);
        w.WriteStartArray("implemented-requirements");
        foreach (var leaf in claims.Leaves)
        {
            Requirement(w, document, leaf, title);
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private void Requirement(Utf8JsonWriter w, DocumentClaims document, LeafClaim leaf, string title)
    {
        var criterion = leaf.Criterion;
        var inherited = leaf.InheritedFrom;
        var sources = leaf.Claims
            .Select(c => new OscalLink(links.Claim(c), $"{(c.RowId is null ? "front matter of" : "table row in")} {OscalText.Inline(c.Holder.Title, c.Holder.Url)}"))
            .DistinctBy(l => l.Href).ToList();
        w.WriteStartObject();
        w.WriteString("uuid", links.Uuid("implemented-requirement", document.Page.Url, criterion.Catalog.Id, criterion.Id));
        w.WriteString("control-id", ids.For(criterion.Catalog).Of(criterion));
        w.WriteString("description", Description(title, leaf, inherited, sources));
        OscalJson.Props(w, [
            new OscalProp("criterion", OscalText.Line(criterion.Id, "criterion"), Own: false),
            new OscalProp("claim", leaf.Direct ? "direct" : "inherited", Own: false),
            .. inherited.Select(g => new OscalProp("inherited-from", OscalText.Line(g.Id, "group"), Own: false)),
        ]);
        OscalJson.Links(w, sources);
        w.WriteEndObject();
    }

    // "Incident Response Procedure claims CC7.2 (…) directly. Stated in [front matter of …](<…>)."
    private static string Description(string title, LeafClaim leaf, IReadOnlyList<Criterion> inherited, List<OscalLink> sources)
    {
        var sb = new StringBuilder(title).Append(" claims ").Append(Name(leaf.Criterion));
        var groups = string.Join(", ", inherited.Select(Name));
        sb.Append((leaf.Direct, inherited.Count > 0) switch
        {
            (true, false) => " directly.",
            (false, _) => $" through {groups}, which contains it.",
            _ => $" directly, and through {groups}.",
        });
        sb.Append(" Stated in ").AppendJoin(", ", sources.Select(s => $"[{s.Text}](<{s.Href}>)")).Append('.');
        return sb.ToString();
    }

    // A front-matter value as one line, or null when it says nothing.
    private static string? Stated(string? value) => OscalText.Line(value, "") is { Length: > 0 } line ? line : null;

    private static string Name(Criterion c) => $"{OscalText.Inline(c.Id, "?")} ({OscalText.Inline(c.Title, c.Id)})";
}
