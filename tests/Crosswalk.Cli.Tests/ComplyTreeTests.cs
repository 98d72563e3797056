namespace Crosswalk.Cli.Tests;

/// <summary>
/// A comply project (TestData/sites/comply, written for these tests in comply's format) checked as it is: YAML-first
/// front matter, name: titles, comply's keys, satisfies: TSC with three typos.
/// </summary>
[Collection("cli")]
public sealed class ComplyTreeTests
{
    // Every error and warning the fixture has: its three typos, each once, each with its did-you-mean.
    private static readonly string[] s_typosInTheStandard =
    [
        "narratives/control.md(7,7): error CW3001: unknown criterion 'A1.9' in catalog 'TSC'",
        "    help: did you mean 'A1.2'?",
        "policies/access.md(7,7): error CW3001: unknown criterion 'CC6.9' in catalog 'TSC'",
        "    help: did you mean 'CC6.3', 'CC6.2' or 'CC6.1'?",
        "policies/change.md(6,7): error CW3001: unknown criterion 'CC9.9' in catalog 'TSC'",
        "    help: did you mean 'CC9.2' or 'CC9.1'?",
    ];

    [Fact]
    public void Check_with_comply_s_standard_as_the_catalog_reports_exactly_the_typos()
    {
        using var cli = new CliRunner("comply");

        var (exit, stdout, stderr) = cli.Run("check");

        Assert.Equal(1, exit);
        Assert.Equal(s_typosInTheStandard, Faults(stdout));
        // comply.yml beside site.yml: the comply profile, which leaves comply's README files out as comply does.
        Assert.Contains("profile: comply (comply.yml found)", stderr);
        Assert.Contains("checked: 4 pages, 3 errors, 0 warnings", stderr);
    }

    [Fact]
    public void Zero_config_check_reads_comply_s_tree_with_its_tsc_as_the_built_in_catalog()
    {
        using var cli = new CliRunner("comply");
        File.Delete(cli.PathOf("site.yml"));

        var (exit, stdout, stderr) = cli.Run("check", "--no-history");

        Assert.Equal(1, exit);
        Assert.Equal(
        [
            "narratives/control.md(7,7): error CW3001: unknown criterion 'A1.9' in catalog 'soc2-tsc-2017'",
            "    help: did you mean 'A1.3', 'A1.2' or 'A1.1'?",
            "policies/access.md(7,7): error CW3001: unknown criterion 'CC6.9' in catalog 'soc2-tsc-2017'",
            "    help: did you mean 'CC6.8', 'CC6.7' or 'CC6.6'?",
            "policies/change.md(6,7): error CW3001: unknown criterion 'CC9.9' in catalog 'soc2-tsc-2017'",
            "    help: did you mean 'CC9.2' or 'CC9.1'?",
        ], Faults(stdout));
        Assert.StartsWith("profile: comply (comply.yml found)\n", stderr.Replace("\r", ""));
        Assert.Contains("checked: 4 pages, 3 errors, 0 warnings, 0 infos", stderr);
    }

    [Fact]
    public void Pages_are_titled_by_name_in_reports_and_on_the_page()
    {
        using var cli = new CliRunner("comply");
        FixTypos(cli);

        var coverage = cli.Run("coverage", "--format", "csv");
        var build = cli.Run("build");

        Assert.Equal(0, coverage.Exit);
        var rows = coverage.Out.Split('\n');
        Assert.Contains("CC1.1,Ethical Values,CC1,Control Environment Narrative", rows);
        Assert.Contains("CC6.1,Logical Access Measures,CC6,Access Control Policy", rows);
        Assert.Contains("CC8.1,Change Authorization,CC8,Change Management Policy", rows);
        Assert.Equal(0, build.Exit);
        var access = File.ReadAllText(cli.PathOf("_site/policies/access/index.html"));
        Assert.Contains("<title>Access Control Policy · Example Co Compliance</title>", access);
        Assert.Contains("<h1 class=\"cw-page-title\">Access Control Policy</h1>", access);
        Assert.Contains("<h1 id=\"purpose-and-scope\">Purpose and Scope", access);
        Assert.DoesNotContain("acronym", access);
    }

    [Fact]
    public void Check_with_an_alias_to_the_built_in_tsc_and_the_default_style_reports_exactly_the_typos()
    {
        // Given: no comply standard, no front_matter_style: TSC names the built-in SOC 2 catalog
        using var cli = new CliRunner("comply");
        File.WriteAllText(cli.PathOf("site.yml"),
            "title: Example Co Compliance\nsource: .\noutput: _site\ncatalogs: [soc2-tsc-2017]\ncatalog_aliases: { TSC: soc2-tsc-2017 }\nseverity: { CW5002: off }\n");

        // When
        var (exit, stdout, _) = cli.Run("check");
        var coverage = cli.Run("coverage", "--catalog", "TSC", "--format", "csv");

        // Then
        Assert.Equal(1, exit);
        Assert.Equal(
            [
                "narratives/control.md(7,7): error CW3001: unknown criterion 'A1.9' in catalog 'soc2-tsc-2017'",
                "    help: did you mean 'A1.3', 'A1.2' or 'A1.1'?",
                "policies/access.md(7,7): error CW3001: unknown criterion 'CC6.9' in catalog 'soc2-tsc-2017'",
                "    help: did you mean 'CC6.8', 'CC6.7' or 'CC6.6'?",
                "policies/change.md(6,7): error CW3001: unknown criterion 'CC9.9' in catalog 'soc2-tsc-2017'",
                "    help: did you mean 'CC9.2' or 'CC9.1'?",
            ],
            Faults(stdout));
        Assert.Equal(0, coverage.Exit);
        Assert.Contains("CC6.1,Logical access security measures,CC6,Access Control Policy", coverage.Out.Split('\n'));
    }

    [Fact]
    public void Fenced_style_reads_no_comply_front_matter_so_nothing_is_claimed_and_says_so_for_each_page()
    {
        using var cli = new CliRunner("comply");
        File.WriteAllText(cli.PathOf("site.yml"), File.ReadAllText(cli.PathOf("site.yml")).Replace("front_matter_style: yaml-first", "front_matter_style: fenced", StringComparison.Ordinal));

        var (exit, stdout, _) = cli.Run("check", "--verbose");
        var coverage = cli.Run("coverage", "--format", "csv");

        Assert.Equal(0, exit);
        Assert.Empty(Faults(stdout));
        Assert.Equal(4, stdout.Split('\n').Count(l => l.EndsWith(": info CW1013: the page opens with front matter without the opening '---', which front_matter_style: fenced reads as Markdown", StringComparison.Ordinal)));
        Assert.DoesNotContain("Access Control Policy", coverage.Out);
    }

    // The error and warning lines of check's text output, each with its help line.
    private static List<string> Faults(string stdout)
    {
        var lines = stdout.Split('\n');
        var faults = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Contains(": error ", StringComparison.Ordinal) || lines[i].Contains(": warning ", StringComparison.Ordinal))
            {
                faults.Add(lines[i]);
                if (i + 1 < lines.Length && lines[i + 1].StartsWith("    help:", StringComparison.Ordinal))
                {
                    faults.Add(lines[i + 1]);
                }
            }
        }
        return faults;
    }

    private static void FixTypos(CliRunner cli)
    {
        foreach (var (file, typo, fix) in new[] { ("policies/access.md", "CC6.9", "CC6.3"), ("policies/change.md", "CC9.9", "CC9.2"), ("narratives/control.md", "A1.9", "A1.2") })
        {
            File.WriteAllText(cli.PathOf(file), File.ReadAllText(cli.PathOf(file)).Replace(typo, fix, StringComparison.Ordinal));
        }
    }
}
