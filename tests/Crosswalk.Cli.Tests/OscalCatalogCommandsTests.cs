using System.Text.Json;

namespace Crosswalk.Cli.Tests;

/// <summary>The reports on a site whose catalog is NIST SP 800-53 Rev. 5 MODERATE, read from OSCAL JSON.</summary>
[Collection("cli")]
public sealed class OscalCatalogCommandsTests
{
    private const string Id = "nist-800-53-rev5-moderate";

    [Fact]
    public void Check_passes_on_a_site_mapping_labels_ids_and_ranges()
    {
        using var cli = new CliRunner("oscal");

        var (exit, stdout, _) = cli.Run("check", "--no-history");

        Assert.True(exit == 0, stdout);
    }

    [Fact]
    public void Criteria_lists_the_catalog_as_a_tree_with_labels_claims_and_gaps()
    {
        using var cli = new CliRunner("oscal");

        var (exit, stdout, _) = cli.Run("criteria", "--catalog", Id);

        Assert.Equal(0, exit);
        var lines = stdout.TrimEnd('\n').Split('\n');
        Assert.Equal($"{Id}: NIST Special Publication 800-53 Revision 5.1.1 MODERATE IMPACT BASELINE", lines[0]);
        Assert.Equal(1 + 18 + 177 + 110, lines.Length);
        Assert.Equal("  ac         Access Control", lines[1]);
        Assert.Contains("      AC-2(1)    Automated System Account Management  [1 page]", lines);
        Assert.Contains("      AC-2(3)    Disable Accounts  [1 page]", lines);
        Assert.Contains("      AC-2(4)    Automated Audit Actions  [gap]", lines);
        Assert.Contains("    AU-3       Content of Audit Records  [1 page]", lines);
    }

    [Theory]
    [InlineData("ac-2.1")]
    [InlineData("AC-2(1)")]
    [InlineData("ac-02(01)")]
    public void Criteria_shows_one_control_by_label_or_oscal_id(string id)
    {
        using var cli = new CliRunner("oscal");

        var (exit, stdout, _) = cli.Run("criteria", id);

        Assert.Equal(0, exit);
        Assert.StartsWith("AC-2(1) Automated System Account Management\n", stdout);
        Assert.Contains($"  catalog: {Id} (NIST Special Publication 800-53 Revision 5.1.1 MODERATE IMPACT BASELINE)\n", stdout);
        Assert.Contains("  kind:    enhancement\n", stdout);
        Assert.Contains("  group:   AC-2 Account Management\n", stdout);
        Assert.Contains("  claims:  2\n", stdout);
        Assert.Contains("Accounts /accounts/ — content/accounts.md(4,31)", stdout);
        Assert.Contains("Accounts /accounts/ — content/index.md(5,29)", stdout);
    }

    [Fact]
    public void An_unknown_control_exits_2_with_did_you_mean()
    {
        using var cli = new CliRunner("oscal");

        var (exit, _, stderr) = cli.Run("criteria", "AC-99");

        Assert.Equal(2, exit);
        Assert.Contains($"unknown criterion 'AC-99' in {Id} (did you mean 'AC-19'?)", stderr);
    }

    [Fact]
    public void Coverage_json_counts_leaves_of_the_tree()
    {
        using var cli = new CliRunner("oscal");

        var (exit, stdout, _) = cli.Run("coverage", "--catalog", Id, "--format", "json");

        Assert.Equal(0, exit);
        var catalog = JsonDocument.Parse(stdout).RootElement.GetProperty("catalogs")[0];
        var totals = catalog.GetProperty("totals");
        // Leaves: enhancements, and controls without any; AC-2(1), AC-2(2), AC-2(3) and AU-2-AU-4 are covered.
        Assert.Equal(6, totals.GetProperty("covered").GetInt32());
        var criteria = catalog.GetProperty("criteria").EnumerateArray().ToList();
        Assert.Equal(305, criteria.Count);
        var ac21 = criteria.Single(c => c.GetProperty("criterion").GetString() == "AC-2(1)");
        Assert.Equal("AC-2", ac21.GetProperty("group").GetString());
        Assert.Equal("/accounts/", ac21.GetProperty("pages")[0].GetProperty("url").GetString());
    }
}
