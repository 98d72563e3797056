using System.Text.Json;

namespace Crosswalk.Cli.Tests;

[Collection("cli")]
public sealed class CriteriaCommandsTests
{
    [Fact]
    public void Coverage_csv_has_the_documented_header_and_one_row_per_criterion()
    {
        using var cli = new CliRunner("criteria");

        var (exit, stdout, _) = cli.Run("coverage", "--format", "csv");

        Assert.Equal(0, exit);
        var lines = stdout.TrimEnd('\n').Split('\n');
        Assert.Equal("criterion,title,group,pages", lines[0]);
        Assert.Equal(61 + 21, lines.Length - 1); // 61 criteria and their 21 groups
        Assert.Contains("CC6.1,Logical access security measures,CC6,\"Access, Policy; Operations\"", lines);
        Assert.Contains(lines, l => l.StartsWith("CC7.3,") && l.EndsWith(",CC7,Operations"));
        Assert.Contains(lines, l => l.StartsWith("CC6.3,") && l.EndsWith(",CC6,"));
    }

    [Fact]
    public void Coverage_json_lists_totals_and_gaps()
    {
        using var cli = new CliRunner("criteria");
        var (exit, stdout, _) = cli.Run("coverage", "--catalog", "soc2-tsc-2017", "--format", "json");
        Assert.Equal(0, exit);
        var catalog = JsonDocument.Parse(stdout).RootElement.GetProperty("catalogs")[0];
        Assert.Equal("soc2-tsc-2017", catalog.GetProperty("id").GetString());
        var totals = catalog.GetProperty("totals");
        Assert.Equal(61, totals.GetProperty("criteria").GetInt32());
        Assert.Equal(7, totals.GetProperty("covered").GetInt32()); // CC6.1, CC6.2 and CC7.1-CC7.5
        var gaps = catalog.GetProperty("gaps").EnumerateArray().Select(g => g.GetString()).ToList();
        Assert.Equal(54, gaps.Count);
        Assert.Contains("CC6.3", gaps);
    }

    [Fact]
    public void Criteria_shows_one_criterion_with_its_claims()
    {
        using var cli = new CliRunner("criteria");
        var (exit, stdout, _) = cli.Run("criteria", "cc6.1");
        Assert.Equal(0, exit);
        Assert.StartsWith("CC6.1 Logical access security measures\n", stdout);
        Assert.Contains("Access, Policy /access/ — content/index.md(5,33)", stdout);
        Assert.Contains("Operations /ops/ — content/ops.md(4,19)", stdout);
    }

    [Fact]
    public void Criteria_lists_a_catalog_with_gaps_marked()
    {
        using var cli = new CliRunner("criteria");
        var (exit, stdout, _) = cli.Run("criteria", "--catalog", "soc2-tsc-2017");
        Assert.Equal(0, exit);
        Assert.Contains("    CC6.2      User registration, authorization and credential removal  [1 page]", stdout);
        Assert.Contains("CC6.3", stdout);
        Assert.Contains("[gap]", stdout);
    }

    [Theory]
    [InlineData("criteria", "CC9.9", "(did you mean 'CC9.1' or 'CC9.2'?)")]
    [InlineData("coverage", "--catalog", "soc2-tsc-2071", "did you mean 'soc2-tsc-2017'?")]
    public void Unknown_ids_exit_2_with_did_you_mean(params string[] args)
    {
        using var cli = new CliRunner("criteria");
        var (exit, _, stderr) = cli.Run(args[..^1]);
        Assert.Equal(2, exit);
        Assert.Contains(args[^1], stderr);
    }
}
