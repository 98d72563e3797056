using System.Text.Json.Nodes;
using Crosswalk.Config;
using Crosswalk.Content;
using Crosswalk.Diagnostics;
using Crosswalk.Tests.Support;
using Json.Schema;

namespace Crosswalk.Tests.Config;

public sealed class JsonSchemasTests
{
    private const string Regenerate = "regenerate it with 'dotnet run --project src/Crosswalk.Cli -- schema' in the repository's root";

    // A site's own keys of every type it can declare, so those kinds are held to the reader too.
    private static readonly FrontMatterSchema WithOwnKeys = FrontMatterSchema.BuiltIn.WithSiteKeys(new Dictionary<string, FieldKind>
    {
        ["classification"] = FieldKind.Text,
        ["flag"] = FieldKind.Boolean,
        ["count"] = FieldKind.Integer,
        ["due"] = FieldKind.Date,
        ["every"] = FieldKind.Duration,
        ["custodian"] = FieldKind.Person,
        ["reviewers"] = FieldKind.People,
        ["tags"] = FieldKind.List,
        ["anything"] = FieldKind.Any,
    });

    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    [Theory]
    [InlineData("site.schema.json")]
    [InlineData("front-matter.schema.json")]
    public void The_shipped_schema_is_the_generated_one(string file)
    {
        var generated = file == "site.schema.json" ? JsonSchemas.SiteConfig() : JsonSchemas.FrontMatter(FrontMatterSchema.BuiltIn);

        var shipped = File.ReadAllText(Repository.PathOf(Path.Combine("schemas", file)));

        Assert.True(shipped == generated, $"schemas/{file} is not what the registry makes: {Regenerate}");
    }

    [Fact]
    public void The_site_schema_has_a_property_for_every_site_key_and_no_other()
    {
        var document = JsonNode.Parse(JsonSchemas.SiteConfig())!;

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)document["$schema"]);
        Assert.False((bool)document["additionalProperties"]!);
        Assert.Equal(SiteKeys.All.Select(k => k.Name), document["properties"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void The_front_matter_schema_has_a_property_for_every_field_and_no_other()
    {
        var document = JsonNode.Parse(JsonSchemas.FrontMatter(WithOwnKeys))!;

        Assert.False((bool)document["additionalProperties"]!);
        Assert.Equal(WithOwnKeys.Fields.Select(f => f.Name), document["properties"]!.AsObject().Select(p => p.Key));
        Assert.Equal(FrontMatterSchema.BuiltIn.Fields.Select(f => f.Name),
            JsonNode.Parse(JsonSchemas.FrontMatter(FrontMatterSchema.BuiltIn))!["properties"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void The_schemas_are_indented_with_line_feeds_and_end_with_one()
    {
        foreach (var text in new[] { JsonSchemas.SiteConfig(), JsonSchemas.FrontMatter(WithOwnKeys) })
        {
            Assert.DoesNotContain('\r', text);
            Assert.StartsWith("{\n  \"$schema\": ", text);
            Assert.EndsWith("}\n", text);
            Assert.False(text.EndsWith("\n\n", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_repository_site_yml_validates()
    {
        var yaml = File.ReadAllText(Repository.PathOf("site.yml"));

        Assert.Equal([], Errors(JsonSchemas.SiteConfig(), yaml));
    }

    [Fact]
    public void The_front_matter_of_every_repository_page_validates()
    {
        var schema = JsonSchemas.FrontMatter(FrontMatterSchema.BuiltIn);
        var pages = Directory.GetFiles(Repository.PathOf("content"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(pages);

        var problems = new List<string>();
        foreach (var page in pages)
        {
            if (FrontMatterReader.TrySplit(File.ReadAllText(page), out var yaml, out _, out _, out _))
            {
                problems.AddRange(Errors(schema, yaml).Select(e => $"{Path.GetRelativePath(Repository.Root, page)}: {e}"));
            }
        }

        Assert.Equal([], problems);
    }

    [Theory]
    [InlineData("satisifes: { soc2-tsc-2017: [CC6.1] }", false)]
    [InlineData("next_review: soon", false)]
    [InlineData("review_every: 12 months", true)]
    [InlineData("approvals: [{ by: CISO, on: 2026-11-20 }]", true)]
    [InlineData("approvals: [{ who: CISO }]", false)]
    [InlineData("approvals: [{ on: 2026-11-20 }]", false)]
    [InlineData("approvals: { by: CISO }", false)]
    [InlineData("review_every: P6M", true)]
    [InlineData("review_every: 1 Year", true)]
    [InlineData("review_every: 90days", true)]
    [InlineData("review_every: 0 days", false)]
    [InlineData("review_every: fortnightly", false)]
    [InlineData("nav_exclude: yes", true)]
    [InlineData("nav_exclude: True", true)]
    [InlineData("nav_exclude: maybe", false)]
    [InlineData("nav_order: 3", true)]
    [InlineData("nav_order: '-3'", true)]
    [InlineData("nav_order: first", false)]
    [InlineData("nav_order: 1.5", true)]
    [InlineData("nav_order: 1.2.3", false)]
    [InlineData("version: 2.1", true)]
    [InlineData("title: [a, b]", false)]
    [InlineData("change: Major", true)]
    [InlineData("change: huge", false)]
    [InlineData("document_type: Procedure", true)]
    [InlineData("document_type: manual", false)]
    [InlineData("permalink: /about/", true)]
    [InlineData("permalink: about/", false)]
    [InlineData("redirect_from: [/old/, /older/]", true)]
    [InlineData("redirect_from: old/", false)]
    [InlineData("owner: ''", false)]
    [InlineData("owner: [a, b]", false)]
    [InlineData("approved_by: [CISO, CEO]\napproved_on: 2026-11-20", true)]
    [InlineData("last_reviewed: 2026-1-5", false)]
    [InlineData("last_reviewed: 2026-02-30", false)]
    [InlineData("satisfies: { iso27001-2022: A.5.1 }", true)]
    [InlineData("satisfies: [CC6.1]", false)]
    [InlineData("satisfies: { soc2-tsc-2017: [{ id: CC6.1 }] }", false)]
    [InlineData("classification: internal", true)]
    [InlineData("flag: off", true)]
    [InlineData("flag: 1", false)]
    [InlineData("count: 12", true)]
    [InlineData("due: 2027-01-31", true)]
    [InlineData("due: next year", false)]
    [InlineData("every: 6 weeks", true)]
    [InlineData("custodian: ' '", false)]
    [InlineData("reviewers: [Ann, Bo]", true)]
    [InlineData("tags: { a: b }", false)]
    [InlineData("anything: { a: [1, 2] }", true)]
    [InlineData("name: Access Control Policy\nacronym: ACP\nid: offboard\ncron: 0 0 9 * * 1", true)]
    [InlineData("majorRevisions: [{ date: Jan 5 2026, comment: First version }]", true)]
    [InlineData("majorRevisions: [{ when: Jan 5 2026 }]", false)]
    [InlineData("majorRevisions: Jan 5 2026", false)]
    [InlineData("majorRevisions: [First version]", false)]
    [InlineData("acronym: [A, B]", false)]
    public void Front_matter_passes_the_schema_exactly_when_crosswalk_reads_it_without_a_word(string yaml, bool valid)
    {
        var bag = new DiagnosticBag();
        FrontMatterReader.Read($"---\n{yaml}\n---\n", "page.md", bag, WithOwnKeys);

        var errors = Errors(JsonSchemas.FrontMatter(WithOwnKeys), yaml);

        Assert.True(valid == (errors.Count == 0), $"the schema {(valid ? "rejects" : "accepts")} it: {string.Join("; ", errors)}");
        Assert.True(valid == (bag.ToSortedList().Count == 0), $"Crosswalk says: {string.Join("; ", bag.ToSortedList())}");
    }

    [Theory]
    [InlineData("reviews: { warn_days: 14 }\nrequired: { pages: \"compliance/**\", fields: [owner] }", true)]
    [InlineData("titel: x", false)]
    [InlineData("reviews: { warn_days: soon }", false)]
    [InlineData("reviews: { page: false }", true)]
    [InlineData("reviews: { page: reviews }", false)]
    [InlineData("severity: { CW2001: off }", true)]
    [InlineData("severity: { CW2001: loud }", false)]
    [InlineData("severity: { CX2001: info }", false)]
    [InlineData("required: [{ pages: \"a/**\", fields: [owner] }, { pages: \"b/**\", fields: [next_review] }]", true)]
    [InlineData("required: { pages: \"a/**\" }", false)]
    [InlineData("front_matter: { classification: text }", true)]
    [InlineData("front_matter: { classification: colour }", false)]
    [InlineData("mappings: [{ column: Req }]", false)]
    [InlineData("coverage: [{ key: Category, documents: Primary Documents, catalog: soc2-tsc-2017 }]", true)]
    [InlineData("front_matter_style: yaml-first", true)]
    [InlineData("front_matter_style: comply", false)]
    [InlineData("catalog_aliases: { TSC: soc2-tsc-2017 }", true)]
    [InlineData("catalog_aliases: [TSC]", false)]
    [InlineData("catalog_aliases: { TSC: [soc2-tsc-2017] }", false)]
    public void Site_yml_passes_the_schema_exactly_when_crosswalk_loads_it_without_a_word(string yaml, bool valid)
    {
        var bag = new DiagnosticBag();
        ConfigLoader.Parse(yaml, "/site/site.yml", bag);

        var errors = Errors(JsonSchemas.SiteConfig(), yaml);

        Assert.True(valid == (errors.Count == 0), $"the schema {(valid ? "rejects" : "accepts")} it: {string.Join("; ", errors)}");
        Assert.True(valid == (bag.ToSortedList().Count == 0), $"Crosswalk says: {string.Join("; ", bag.ToSortedList())}");
    }

    /// <summary>What the schema finds wrong with <paramref name="yaml"/>, as "where: why" lines.</summary>
    private static List<string> Errors(string schema, string yaml)
    {
        var result = JsonSchema.FromText(schema).Evaluate(YamlJson.Parse(yaml), Options);
        if (result.IsValid)
        {
            return [];
        }
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).ToList();
        return errors.Count > 0 ? errors : ["invalid"];
    }
}
