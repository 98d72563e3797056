using System.Text;
using System.Text.Json;
using Crosswalk.Oscal;
using Crosswalk.Output;
using Crosswalk.Pipeline;
using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Oscal;

/// <summary>What the OSCAL export of a site says, and that it says it the same way every time.</summary>
public sealed class OscalExportTests
{
    private static JsonElement ComponentDefinition() =>
        JsonDocument.Parse(RepositoryExport.Text(OscalExport.ComponentDefinitionFile)).RootElement.GetProperty("component-definition");

    private static JsonElement Component(string title) =>
        ComponentDefinition().GetProperty("components").EnumerateArray().Single(c => c.GetProperty("title").GetString() == title);

    private static Dictionary<string, JsonElement> Requirements(JsonElement component, string catalog) =>
        component.GetProperty("control-implementations").EnumerateArray()
            .Single(ci => Prop(ci, "catalog") == catalog)
            .GetProperty("implemented-requirements").EnumerateArray()
            .ToDictionary(r => r.GetProperty("control-id").GetString()!);

    private static string? Prop(JsonElement element, string name) =>
        element.TryGetProperty("props", out var props) ? props.EnumerateArray().FirstOrDefault(p => p.GetProperty("name").GetString() == name) is { ValueKind: JsonValueKind.Object } p ? p.GetProperty("value").GetString() : null : null;

    private static List<string> Props(JsonElement element, string name) =>
        element.GetProperty("props").EnumerateArray().Where(p => p.GetProperty("name").GetString() == name).Select(p => p.GetProperty("value").GetString()!).ToList();

    private static List<string> Hrefs(JsonElement element) => element.GetProperty("links").EnumerateArray().Select(l => l.GetProperty("href").GetString()!).ToList();

    [Fact]
    public void Two_exports_of_the_same_site_are_byte_identical()
    {
        var first = OscalExport.Create(RepositoryExport.Analyze());
        var second = OscalExport.Create(RepositoryExport.Analyze());

        Assert.Equal([OscalExport.ComponentDefinitionFile, OscalExport.MappingCollectionFile], first.Select(f => f.Name));
        Assert.Equal(first.Select(f => f.Name), second.Select(f => f.Name));
        Assert.All(first.Zip(second), pair => Assert.True(pair.First.Content.AsSpan().SequenceEqual(pair.Second.Content), $"{pair.First.Name} differs"));
    }

    [Fact]
    public void Every_uuid_is_a_version_5_uuid_of_its_own()
    {
        foreach (var file in RepositoryExport.Files)
        {
            var uuids = new List<string>();
            Collect(JsonDocument.Parse(file.Content).RootElement, uuids);

            Assert.True(uuids.Count > 10, file.Name);
            Assert.Equal(uuids.Count, uuids.Distinct().Count());
            Assert.All(uuids, u => Assert.Equal(5, Guid.Parse(u).Version));
        }
        var components = ComponentDefinition().GetProperty("components").EnumerateArray().Select(c => c.GetProperty("uuid").GetString()).ToList();
        Assert.True(components.Count > 5);
        Assert.Equal(components.Count, components.Distinct().Count());

        static void Collect(JsonElement e, List<string> into)
        {
            if (e.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in e.EnumerateObject())
                {
                    if (p.Name == "uuid")
                    {
                        into.Add(p.Value.GetString()!);
                    }
                    Collect(p.Value, into);
                }
            }
            else if (e.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in e.EnumerateArray())
                {
                    Collect(item, into);
                }
            }
        }
    }

    [Fact]
    public void The_incident_response_procedure_implements_each_SOC_2_criterion_its_front_matter_claims()
    {
        var page = RepositoryExport.Analysis.Pages.Single(p => p.Title == "Incident Response Procedure");
        var claimed = page.Meta.Satisfies.Where(s => s.Catalog == "soc2-tsc-2017").Select(s => s.Expression).ToList();
        Assert.Contains("CC7.2", claimed);

        var component = Component("Incident Response Procedure");
        var soc2 = Requirements(component, "soc2-tsc-2017");

        Assert.Equal("process-procedure", component.GetProperty("type").GetString());
        Assert.Equal(["/compliance/incident-response/"], Hrefs(component));
        Assert.Equal("/criteria/soc2-tsc-2017/", component.GetProperty("control-implementations").EnumerateArray()
            .Single(ci => Prop(ci, "catalog") == "soc2-tsc-2017").GetProperty("source").GetString());
        Assert.All(claimed, id =>
        {
            var requirement = soc2[id];
            Assert.Equal("direct", Prop(requirement, "claim"));
            Assert.Equal(id, Prop(requirement, "criterion"));
            Assert.StartsWith($"Incident Response Procedure claims {id} (", requirement.GetProperty("description").GetString());
            Assert.Contains("/compliance/incident-response/", Hrefs(requirement));
        });
    }

    [Fact]
    public void A_claim_from_a_mapping_table_row_links_that_row_on_the_page_holding_the_table()
    {
        var page = RepositoryExport.Analysis.Pages.Single(p => p.Title == "Incident Response Procedure");
        var row = RepositoryExport.Analysis.Claims.Of(page).First(c => c.RowId is not null && c.Criterion.Id == "CC7.2");
        var href = $"{row.Holder.Url}#{row.RowId}";
        Assert.Equal("/compliance/", row.Holder.Url);

        var requirement = Requirements(Component("Incident Response Procedure"), "soc2-tsc-2017")["CC7.2"];

        Assert.Contains(href, Hrefs(requirement));
        Assert.Contains($"[table row in Compliance Overview](<{href}>)", requirement.GetProperty("description").GetString());
    }

    [Fact]
    public void A_criterion_inside_a_claimed_group_is_inherited_and_says_through_which()
    {
        var iso2013 = Requirements(Component("Incident Response Procedure"), "iso27001-2013");
        var readiness = Requirements(Component("Audit Readiness Checklist"), "soc2-tsc-2017");

        Assert.Equal(["A.16.1.1", "A.16.1.2", "A.16.1.3", "A.16.1.4", "A.16.1.5", "A.16.1.6", "A.16.1.7"], iso2013.Keys);
        Assert.Equal("inherited", Prop(iso2013["A.16.1.4"], "claim"));
        Assert.Equal(["A.16.1"], Props(iso2013["A.16.1.4"], "inherited-from"));
        Assert.Contains("through A.16.1 (", iso2013["A.16.1.4"].GetProperty("description").GetString());
        // "All TSC" stands for every group: each of the 61 criteria is inherited from its own.
        Assert.Equal(61, readiness.Count);
        Assert.Equal(["CC6"], Props(readiness["CC6.1"], "inherited-from"));
    }

    [Fact]
    public void Clause_ids_that_are_not_tokens_become_tokens_and_keep_their_id_in_a_property()
    {
        var clauses = Requirements(Component("Audit Readiness Checklist"), "iso27001-2013");

        Assert.Equal("9.1", Prop(clauses["_9.1"], "criterion"));
        Assert.Contains("_10.1", clauses.Keys);
        Assert.All(clauses.Keys, id => Assert.Matches(@"^(\p{L}|_)(\p{L}|\p{N}|[.\-_])*\z", id));
    }

    [Fact]
    public void The_mapping_collection_has_a_map_entry_per_crosswalk_pair_with_the_unstated_relationship()
    {
        var crosswalk = RepositoryExport.Analysis.Catalogs!.GetMapping("iso27001-2013-to-2022")!;
        var pairs = crosswalk.MappedSources.Sum(s => crosswalk.Map(s).Count);
        var collection = JsonDocument.Parse(RepositoryExport.Text(OscalExport.MappingCollectionFile)).RootElement.GetProperty("mapping-collection");
        var mapping = Assert.Single(collection.GetProperty("mappings").EnumerateArray());
        var maps = mapping.GetProperty("maps").EnumerateArray().ToList();

        Assert.Equal("iso27001-2013-to-2022", Prop(mapping, "crosswalk"));
        Assert.Equal("/criteria/iso27001-2013/", mapping.GetProperty("source-resource").GetProperty("href").GetString());
        Assert.Equal(pairs, maps.Count);
        Assert.All(maps, m => Assert.Equal(CrosswalkRelationships.Unstated, m.GetProperty("relationship").GetString()));
        Assert.All(maps, m => Assert.Equal("no", Prop(m, "relationship-stated")));
        // A.18.2.3 was split over two 2022 controls: one entry for each.
        var split = maps.Where(m => m.GetProperty("sources")[0].GetProperty("id-ref").GetString() == "A.18.2.3")
            .Select(m => m.GetProperty("targets")[0].GetProperty("id-ref").GetString()).ToList();
        Assert.Equal(["A.5.36", "A.8.8"], split);
    }

    [Fact]
    public void With_site_url_every_link_is_absolute_under_base_url()
    {
        using var site = Site("site_url: https://docs.example.com/\nbase_url: /docs/\n");

        var component = Single(site);

        Assert.Equal(["https://docs.example.com/docs/policy/"], Hrefs(component));
        var ci = component.GetProperty("control-implementations")[0];
        Assert.Equal("https://docs.example.com/docs/criteria/soc2-tsc-2017/", ci.GetProperty("source").GetString());
        var row = ci.GetProperty("implemented-requirements").EnumerateArray().Single(r => r.GetProperty("control-id").GetString() == "CC6.2");
        Assert.Equal(["https://docs.example.com/docs/index/#cw-row-8"], Hrefs(row));
    }

    [Fact]
    public void Without_site_url_links_are_paths_under_base_url()
    {
        using var site = Site("base_url: /docs/\n");

        var component = Single(site);

        Assert.Equal(["/docs/policy/"], Hrefs(component));
        Assert.Equal("/docs/criteria/soc2-tsc-2017/", component.GetProperty("control-implementations")[0].GetProperty("source").GetString());
    }

    [Fact]
    public void The_same_pages_on_two_sites_get_different_uuids_and_a_moved_page_keeps_its_own()
    {
        using var a = Site("site_url: https://a.example.com\n");
        using var b = Site("site_url: https://b.example.com\n");
        using var c = Site("site_url: https://a.example.com\n", policyTitle: "Renamed Policy");

        Assert.NotEqual(Single(a).GetProperty("uuid").GetString(), Single(b).GetProperty("uuid").GetString());
        Assert.Equal(Single(a).GetProperty("uuid").GetString(), Single(c).GetProperty("uuid").GetString());
    }

    [Fact]
    public void Last_modified_is_the_date_given_else_the_newest_approval_or_review_of_the_documents()
    {
        using var site = Site("", frontMatter: "last_reviewed: 2026-03-01\napproved_by: CISO\napproved_on: 2026-04-02\n");
        var analysis = SiteBuilder.Analyze(new BuildOptions { ConfigPath = site.ConfigPath });

        Assert.Equal("2026-04-02T00:00:00Z", LastModified(OscalExport.Create(analysis)));
        Assert.Equal("2027-01-31T10:20:30Z", LastModified(OscalExport.Create(analysis, OscalExport.ParseDate("2027-01-31T12:20:30+02:00"))));
        Assert.Equal(new DateTimeOffset(1970, 1, 1, 0, 0, 0, TimeSpan.Zero), OscalExport.DefaultLastModified([]));

        static string? LastModified(IReadOnlyList<ExportedFile> files) =>
            JsonDocument.Parse(files[0].Content).RootElement.GetProperty("component-definition").GetProperty("metadata").GetProperty("last-modified").GetString();
    }

    [Fact]
    public void A_new_date_or_a_changed_document_gives_a_new_document_uuid_and_version()
    {
        var analysis = RepositoryExport.Analysis;
        var (uuid, version) = Identity(RepositoryExport.Files[0]);
        var (otherUuid, otherVersion) = Identity(OscalExport.Create(analysis, OscalExport.ParseDate("2030-01-01"))[0]);

        Assert.Matches("^[0-9a-f]{12}$", version);
        Assert.NotEqual(uuid, otherUuid);
        Assert.NotEqual(version, otherVersion);

        static (string?, string?) Identity(ExportedFile file)
        {
            var root = JsonDocument.Parse(file.Content).RootElement.GetProperty("component-definition");
            return (root.GetProperty("uuid").GetString(), root.GetProperty("metadata").GetProperty("version").GetString());
        }
    }

    [Fact]
    public void Untrusted_titles_and_summaries_are_escaped_for_JSON_and_inert_as_Markdown()
    {
        const string title = "Evil\" [click](javascript:alert(1)) <img src=x onerror=alert(1)> \\ `code`";
        using var site = Site("", policyTitle: title.Replace("\\", "\\\\").Replace("\"", "\\\""), quoteTitle: true,
            frontMatter: "summary: \"# Heading\\n- item\\u2028*bold*\"\n");
        var files = OscalExport.Create(SiteBuilder.Analyze(new BuildOptions { ConfigPath = site.ConfigPath }));
        var json = Encoding.UTF8.GetString(files[0].Content);

        var component = JsonDocument.Parse(json).RootElement.GetProperty("component-definition").GetProperty("components")[0];

        Assert.Equal([], OscalSchemas.Errors(OscalSchemas.Component, json));
        Assert.Equal(@"Evil"" \[click\](javascript:alert(1)) \<img src=x onerror=alert(1)\> \\ \`code\`", component.GetProperty("title").GetString());
        Assert.Equal(@"\# Heading - item \*bold\*", component.GetProperty("description").GetString());
        var requirement = component.GetProperty("control-implementations")[0].GetProperty("implemented-requirements")[0];
        Assert.StartsWith(@"Evil"" \[click\](javascript:alert(1)) \<img", requirement.GetProperty("description").GetString());
    }

    [Fact]
    public void A_site_without_claims_or_crosswalks_exports_an_empty_valid_component_definition_only()
    {
        using var site = new TempSite(("site.yml", "title: Empty\n"), ("content/index.md", "# Home\n"));

        var files = OscalExport.Create(SiteBuilder.Analyze(new BuildOptions { ConfigPath = site.ConfigPath }));

        var file = Assert.Single(files);
        var json = Encoding.UTF8.GetString(file.Content);
        Assert.Equal([], OscalSchemas.Errors(OscalSchemas.Component, json));
        Assert.False(JsonDocument.Parse(json).RootElement.GetProperty("component-definition").TryGetProperty("components", out _));
    }

    // A site of two pages: a policy claiming CC6.1 in front matter and CC6.2 from a table row on the home page.
    private static TempSite Site(string config, string policyTitle = "Access Policy", bool quoteTitle = false, string frontMatter = "")
    {
        var title = quoteTitle ? $"\"{policyTitle}\"" : policyTitle;
        return new TempSite(
            ("site.yml", $"title: T\ncatalogs: [soc2-tsc-2017]\nmappings: [{{ column: SOC2, catalog: soc2-tsc-2017 }}]\n{config}"),
            ("content/index.md", "---\npermalink: /index/\n---\n# Home\n\n| Doc | SOC2 |\n|---|---|\n| [Policy](/policy/) | CC6.2 |\n"),
            ("content/policy.md", $"---\ntitle: {title}\n{frontMatter}satisfies: {{ soc2-tsc-2017: [CC6.1] }}\n---\n# Policy\n"));
    }

    private static JsonElement Single(TempSite site)
    {
        var files = OscalExport.Create(SiteBuilder.Analyze(new BuildOptions { ConfigPath = site.ConfigPath }));
        return Assert.Single(JsonDocument.Parse(files[0].Content).RootElement.GetProperty("component-definition").GetProperty("components").EnumerateArray());
    }
}
