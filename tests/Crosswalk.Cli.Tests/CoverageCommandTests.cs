using System.Text.Json;

namespace Crosswalk.Cli.Tests;

/// <summary><c>crosswalk coverage</c>: direct and inherited claims, and the comparison with a baseline report.</summary>
[Collection("cli")]
public sealed class CoverageCommandTests
{
    [Fact]
    public void Totals_tell_direct_claims_from_claims_through_a_group()
    {
        using var cli = new CliRunner("criteria");

        var (exit, stdout, _) = cli.Run("coverage", "--catalog", "soc2-tsc-2017");
        var direct = cli.Run("coverage", "--catalog", "soc2-tsc-2017", "--direct-only", "--format", "json");

        Assert.Equal(0, exit);
        Assert.Contains("  CC7.1      Operations (inherited)\n", stdout);
        Assert.Contains("  CC6.1      Access, Policy; Operations\n", stdout);
        Assert.Contains("  total: 61 criteria: 2 claimed directly, 5 only through a group or alias, 54 gaps\n", stdout);
        var totals = JsonDocument.Parse(direct.Out).RootElement.GetProperty("catalogs")[0].GetProperty("totals");
        Assert.Equal((2, 0, 59), (totals.GetProperty("direct").GetInt32(), totals.GetProperty("inherited").GetInt32(), totals.GetProperty("gaps").GetInt32()));
    }

    [Fact]
    public void A_baseline_comparison_names_the_lost_and_gained_criteria_and_strict_fails_on_a_loss()
    {
        using var cli = new CliRunner("criteria");
        var (_, baseline, _) = cli.Run("coverage", "--format", "json");
        File.WriteAllText(cli.PathOf("base.json"), baseline);
        File.WriteAllText(cli.PathOf("content/index.md"),
            "# Home\n\n| Document | SOC2 Mapping |\n|----------|--------------|\n| [Access, Policy](access.md) | CC6.1, CC6.3 |\n| [Ops](ops.md) | CC7 |\n");

        var text = cli.Run("coverage", "--baseline", "base.json");
        var strict = cli.Run("coverage", "--baseline", "base.json", "--strict");
        var markdown = cli.Run("coverage", "--baseline", "base.json", "--format", "markdown");

        Assert.Equal(0, text.Exit);
        Assert.Equal(
        [
            "lost (1):",
            "  soc2-tsc-2017 CC6.2  User registration, authorization and credential removal  [Access, Policy]",
            "gained (1):",
            "  soc2-tsc-2017 CC6.3  Role-based access, least privilege and segregation of duties  [Access, Policy]",
            "documents whose claims changed (1):",
            "  content/access.md: +soc2-tsc-2017 CC6.3, -soc2-tsc-2017 CC6.2",
        ], text.Out.TrimEnd('\n').Split('\n'));
        Assert.Contains("content/access.md(1,1): warning CW3008: soc2-tsc-2017 CC6.2 is no longer claimed by any document (it was claimed by Access, Policy)", text.Err);
        Assert.Equal(1, strict.Exit);
        Assert.Contains("| lost | soc2-tsc-2017 | CC6.2 |", markdown.Out);
        Assert.Contains("| gained | soc2-tsc-2017 | CC6.3 |", markdown.Out);
    }

    [Fact]
    public void A_baseline_that_is_not_a_report_is_a_usage_error()
    {
        using var cli = new CliRunner("criteria");
        File.WriteAllText(cli.PathOf("base.json"), "{\"pages\": []}");

        var (exit, _, stderr) = cli.Run("coverage", "--baseline", "base.json");

        Assert.Equal(2, exit);
        Assert.Contains("crosswalk: cannot read the baseline 'base.json': not a coverage report: 'catalogs' is missing or not a list", stderr);
    }

    [Fact]
    public void Reports_made_with_and_without_direct_only_are_not_compared()
    {
        using var cli = new CliRunner("criteria");
        File.WriteAllText(cli.PathOf("base.json"), cli.Run("coverage", "--format", "json").Out);

        var (exit, _, stderr) = cli.Run("coverage", "--direct-only", "--baseline", "base.json");

        Assert.Equal(2, exit);
        Assert.Contains("the baseline 'base.json' was made without --direct-only", stderr);
    }

    [Fact]
    public void Titles_in_the_markdown_summary_cannot_make_links_mentions_or_markup()
    {
        using var cli = new CliRunner("criteria");
        File.WriteAllText(cli.PathOf("base.json"), cli.Run("coverage", "--format", "json").Out);
        File.WriteAllText(cli.PathOf("content/access.md"), "---\ntitle: \"See https://evil.example ~~x~~ @octocat [y](z) <b>\"\n---\n# Access\n");
        File.WriteAllText(cli.PathOf("content/index.md"),
            "# Home\n\n| Document | SOC2 Mapping |\n|----------|--------------|\n| [Access](access.md) | CC6.1, CC6.3 |\n| [Ops](ops.md) | CC7 |\n");

        var (_, markdown, _) = cli.Run("coverage", "--baseline", "base.json", "--format", "markdown");

        Assert.Contains("See https\\:\\/\\/evil.example \\~\\~x\\~\\~ \\@octocat \\[y\\](z) \\<b\\>", markdown);
        Assert.DoesNotContain("https://evil", markdown);
    }
}
