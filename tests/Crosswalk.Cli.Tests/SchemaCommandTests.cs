using System.Text.Json;

namespace Crosswalk.Cli.Tests;

[Collection("cli")]
public sealed class SchemaCommandTests
{
    [Fact]
    public void Schema_writes_both_files_and_front_matter_has_the_sites_own_keys()
    {
        using var cli = new CliRunner("clean");
        File.AppendAllText(cli.PathOf("site.yml"), "front_matter: { classification: text }\n");

        var (exit, stdout, _) = cli.Run("schema", "--output", "out/schemas");

        Assert.Equal(0, exit);
        Assert.Equal("wrote out/schemas/site.schema.json\nwrote out/schemas/front-matter.schema.json\n", stdout.ReplaceLineEndings("\n"));
        using var site = JsonDocument.Parse(File.ReadAllText(cli.PathOf("out/schemas/site.schema.json")));
        Assert.True(site.RootElement.GetProperty("properties").TryGetProperty("front_matter", out _));
        using var frontMatter = JsonDocument.Parse(File.ReadAllText(cli.PathOf("out/schemas/front-matter.schema.json")));
        var properties = frontMatter.RootElement.GetProperty("properties");
        Assert.True(properties.TryGetProperty("classification", out _));
        Assert.True(properties.TryGetProperty("next_review", out _));
    }

    [Fact]
    public void Schema_writes_into_schemas_by_default_and_needs_no_site_yml()
    {
        using var cli = new CliRunner("clean");
        File.Delete(cli.PathOf("site.yml"));

        var (exit, _, _) = cli.Run("schema");

        Assert.Equal(0, exit);
        using var frontMatter = JsonDocument.Parse(File.ReadAllText(cli.PathOf("schemas/front-matter.schema.json")));
        Assert.False(frontMatter.RootElement.GetProperty("properties").TryGetProperty("classification", out _));
        Assert.True(File.Exists(cli.PathOf("schemas/site.schema.json")));
    }

    [Fact]
    public void An_unusable_site_yml_exits_2_with_CW1001_and_writes_nothing()
    {
        using var cli = new CliRunner("clean");
        File.WriteAllText(cli.PathOf("site.yml"), "front_matter: { classification: colour }\n");

        var (exit, stdout, stderr) = cli.Run("schema");

        Assert.Equal(2, exit);
        Assert.Contains("error CW1001: unknown type 'colour'", stdout);
        Assert.Contains("site.yml cannot be used", stderr);
        Assert.False(Directory.Exists(cli.PathOf("schemas")));
    }
}
