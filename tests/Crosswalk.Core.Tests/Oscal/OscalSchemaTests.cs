using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Crosswalk.Oscal;
using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Oscal;

/// <summary>The export of the repository's own site, held to NIST's OSCAL 1.2.1 JSON Schemas.</summary>
public sealed class OscalSchemaTests
{
    [Fact]
    public void The_repository_sites_component_definition_is_valid_OSCAL()
    {
        var json = RepositoryExport.Text(OscalExport.ComponentDefinitionFile);

        Assert.Equal([], OscalSchemas.Errors(OscalSchemas.Component, json));
    }

    [Fact]
    public void The_repository_sites_mapping_collection_is_valid_OSCAL()
    {
        var json = RepositoryExport.Text(OscalExport.MappingCollectionFile);

        Assert.Equal([], OscalSchemas.Errors(OscalSchemas.Mapping, json));
    }

    [Theory]
    [InlineData("metadata", "remove title")]
    [InlineData("metadata", "remove last-modified")]
    [InlineData("component", "remove uuid")]
    [InlineData("component", "remove description")]
    [InlineData("requirement", "remove control-id")]
    [InlineData("requirement", "control-id=9.1")]
    [InlineData("requirement", "uuid=6f8a1c1e-1111-3111-8111-111111111111")]
    [InlineData("metadata", "last-modified=2026-11-20")]
    [InlineData("component", "title=Incident Response\n")]
    [InlineData("component", "type=")]
    [InlineData("component", "links=[]")]
    public void A_broken_component_definition_fails_the_schema(string where, string change)
    {
        var document = JsonNode.Parse(RepositoryExport.Text(OscalExport.ComponentDefinitionFile))!;
        var root = document["component-definition"]!;
        var target = where switch
        {
            "metadata" => root["metadata"]!,
            "component" => root["components"]![0]!,
            _ => root["components"]![0]!["control-implementations"]![0]!["implemented-requirements"]![0]!,
        };

        Break(target.AsObject(), change);

        Assert.NotEqual([], OscalSchemas.Errors(OscalSchemas.Component, document.ToJsonString()));
    }

    [Theory]
    [InlineData("collection", "remove provenance")]
    [InlineData("mapping", "remove target-resource")]
    [InlineData("mapping", "maps=[]")]
    [InlineData("map", "remove relationship")]
    [InlineData("map", "relationship=not a token")]
    [InlineData("map", "sources=[]")]
    public void A_broken_mapping_collection_fails_the_schema(string where, string change)
    {
        var document = JsonNode.Parse(RepositoryExport.Text(OscalExport.MappingCollectionFile))!;
        var root = document["mapping-collection"]!;
        var target = where switch
        {
            "collection" => root,
            "mapping" => root["mappings"]![0]!,
            _ => root["mappings"]![0]!["maps"]![0]!,
        };

        Break(target.AsObject(), change);

        Assert.NotEqual([], OscalSchemas.Errors(OscalSchemas.Mapping, document.ToJsonString()));
    }

    [Fact]
    public void Patterns_are_matched_as_ECMA_262_matches_them_not_as_dotnet_would()
    {
        var document = JsonNode.Parse(RepositoryExport.Text(OscalExport.ComponentDefinitionFile))!;
        document["component-definition"]!["metadata"]!["title"] = "Moltbot Docs\n";
        var json = document.ToJsonString();

        // .NET's '$' matches before a final line feed, so the schema read as .NET patterns lets the title through.
        Assert.Equal([], OscalSchemas.Errors(OscalSchemas.Component, json, ecma: false));
        Assert.NotEqual([], OscalSchemas.Errors(OscalSchemas.Component, json));
    }

    [Theory]
    [InlineData(@"^[^\n]+$", "a", true)]
    [InlineData(@"^[^\n]+$", "a\n", false)]
    [InlineData(@"^\S(.*\S)?$", "a b", true)]
    [InlineData(@"^\S(.*\S)?$", "a\rb", false)]
    [InlineData(@"^\S(.*\S)?$", "\uFEFFa", false)]
    [InlineData(@"^\S(.*\S)?$", "a\u0085", true)]
    [InlineData(@"^(\p{L}|_)(\p{L}|\p{N}|[.\-_])*$", "A.9.1-x_y", true)]
    [InlineData(@"^(\p{L}|_)(\p{L}|\p{N}|[.\-_])*$", "9.1", false)]
    [InlineData(@"^[a-zA-Z][a-zA-Z0-9+\-.]+:.+$", "urn:x", true)]
    public void The_pattern_rewrite_gives_ECMA_262s_answers(string pattern, string text, bool matches) =>
        Assert.Equal(matches, Regex.IsMatch(text, OscalSchemas.Ecma(pattern)));

    // "remove KEY", "KEY=[]" (an empty array) or "KEY=VALUE" (a string).
    private static void Break(JsonObject target, string change)
    {
        if (change.StartsWith("remove ", StringComparison.Ordinal))
        {
            Assert.True(target.Remove(change["remove ".Length..]), change);
            return;
        }
        var (key, value) = (change[..change.IndexOf('=')], change[(change.IndexOf('=') + 1)..]);
        target[key] = value == "[]" ? new JsonArray() : JsonValue.Create(value);
    }
}
