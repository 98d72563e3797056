using System.Text.Json;

namespace Crosswalk.Cli.Tests;

[Collection("cli")]
public sealed class ExportCommandTests
{
    [Fact]
    public void Export_oscal_writes_both_files_into_the_folder_given_and_the_same_bytes_twice()
    {
        using var cli = new CliRunner("criteria");
        File.WriteAllText(cli.PathOf("site.yml"), File.ReadAllText(cli.PathOf("site.yml"))
            .Replace("catalogs: [soc2-tsc-2017]", "catalogs: [soc2-tsc-2017, iso27001-2013-to-2022]"));

        var (exit, stdout, stderr) = cli.Run("export", "oscal", "--output", "out/a");
        var again = cli.Run("export", "oscal", "--output", "out/b");

        Assert.True(exit == 0, stderr);
        Assert.Equal("wrote out/a/component-definition.json\nwrote out/a/mapping-collection.json\n", stdout.ReplaceLineEndings("\n"));
        Assert.Equal(0, again.Exit);
        foreach (var name in new[] { "component-definition.json", "mapping-collection.json" })
        {
            Assert.Equal(File.ReadAllBytes(cli.PathOf($"out/a/{name}")), File.ReadAllBytes(cli.PathOf($"out/b/{name}")));
        }
        using var components = JsonDocument.Parse(File.ReadAllText(cli.PathOf("out/a/component-definition.json")));
        var definition = components.RootElement.GetProperty("component-definition");
        Assert.Equal("1.2.1", definition.GetProperty("metadata").GetProperty("oscal-version").GetString());
        Assert.True(definition.GetProperty("components").GetArrayLength() > 0);
        using var mappings = JsonDocument.Parse(File.ReadAllText(cli.PathOf("out/a/mapping-collection.json")));
        Assert.True(mappings.RootElement.GetProperty("mapping-collection").GetProperty("mappings")[0].GetProperty("maps").GetArrayLength() > 100);
    }

    [Fact]
    public void Export_oscal_writes_into_oscal_by_default_with_the_date_given_and_no_mapping_collection_without_crosswalks()
    {
        using var cli = new CliRunner("criteria");

        var (exit, stdout, _) = cli.Run("export", "oscal", "--date", "2027-01-31");

        Assert.Equal(0, exit);
        Assert.Equal($"wrote {Path.Combine("oscal", "component-definition.json")}\n", stdout.ReplaceLineEndings("\n"));
        Assert.False(File.Exists(cli.PathOf("oscal/mapping-collection.json")));
        using var document = JsonDocument.Parse(File.ReadAllText(cli.PathOf("oscal/component-definition.json")));
        Assert.Equal("2027-01-31T00:00:00Z", document.RootElement.GetProperty("component-definition").GetProperty("metadata").GetProperty("last-modified").GetString());
    }

    [Fact]
    public void An_unusable_site_yml_exits_2_and_writes_nothing()
    {
        using var cli = new CliRunner("criteria");
        File.WriteAllText(cli.PathOf("site.yml"), "catalogs: { not: a list }\n");

        var (exit, stdout, stderr) = cli.Run("export", "oscal", "--output", "out");

        Assert.Equal(2, exit);
        Assert.Contains("error CW1001", stdout);
        Assert.Contains("site.yml cannot be used", stderr);
        Assert.False(Directory.Exists(cli.PathOf("out")));
    }

    [Theory]
    [InlineData("--date", "yesterday")]
    [InlineData("--date", "2027-01-31T10:00:00")]
    [InlineData("--bogus", "x")]
    public void A_bad_argument_exits_2(string option, string value)
    {
        using var cli = new CliRunner("criteria");

        var (exit, _, stderr) = cli.Run("export", "oscal", option, value);

        Assert.Equal(2, exit);
        Assert.StartsWith("crosswalk: ", stderr);
        Assert.False(Directory.Exists(cli.PathOf("oscal")));
    }
}
