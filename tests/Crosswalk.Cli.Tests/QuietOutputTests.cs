namespace Crosswalk.Cli.Tests;

/// <summary>build/check at a terminal: errors and warnings in full, infos on one line unless --verbose, nothing else with --quiet.</summary>
[Collection("cli")]
public sealed class QuietOutputTests
{
    // Outside git, the clean fixture has one warning (a link to a missing page) and one info (CW1011: no history).
    private static CliRunner Site() => new("clean", git: false);

    private const string Warning = "content/policies/access.md(6,20): warning CW2001: link target '/legacy/' does not exist";

    [Fact]
    public void Infos_are_one_line_by_default()
    {
        using var cli = Site();

        var (exit, stdout, stderr) = cli.Run("check");

        Assert.Equal(0, exit);
        Assert.Equal([Warning, "1 info (CW1011 ×1); --verbose lists it"], Lines(stdout));
        Assert.DoesNotContain("info CW1011", stdout);
        Assert.Matches(@"^checked: 2 pages, 0 errors, 1 warnings, 1 infos in \d+ ms\s*$", stderr);
    }

    [Theory]
    [InlineData("--verbose")]
    [InlineData("-v")]
    public void Verbose_lists_every_info(string option)
    {
        using var cli = Site();
        var (_, stdout, _) = cli.Run("check", option);
        Assert.Contains("info CW1011: not in a git repository", stdout);
        Assert.DoesNotContain("--verbose lists", stdout);
    }

    [Theory]
    [InlineData("check", "--quiet")]
    [InlineData("build", "-q")]
    public void Quiet_prints_errors_and_warnings_and_no_summary(string command, string option)
    {
        using var cli = Site();

        var (exit, stdout, stderr) = cli.Run(command, option);

        Assert.Equal(0, exit);
        Assert.Equal([Warning], Lines(stdout));
        Assert.Equal("", stderr);
        Assert.Equal(1, cli.Run(command, option, "--strict").Exit);
    }

    [Fact]
    public void Quiet_and_verbose_together_are_a_usage_error()
    {
        using var cli = Site();
        var (exit, _, stderr) = cli.Run("check", "-q", "-v");
        Assert.Equal(2, exit);
        Assert.StartsWith("crosswalk: --quiet and --verbose cannot be used together", stderr);
    }

    [Fact]
    public void Github_format_emits_notices_for_infos_only_with_verbose()
    {
        using var cli = Site();
        var plain = cli.Run("check", "--format", "github").Out;
        Assert.Contains("::warning file=content/policies/access.md", plain);
        Assert.DoesNotContain("::notice", plain);
        Assert.Contains("::notice title=CW1011::", cli.Run("check", "--format", "github", "--verbose").Out);
        Assert.Contains("\"code\": \"CW1011\"", cli.Run("check", "--format", "json").Out);
    }

    [Fact]
    public void A_text_report_file_lists_every_info()
    {
        using var cli = Site();
        cli.Run("check", "--report", "report.txt");
        Assert.Contains("info CW1011", File.ReadAllText(cli.PathOf("report.txt")));
    }

    [Fact]
    public void The_repositorys_own_site_builds_in_at_most_three_lines()
    {
        var copy = Path.Combine(Path.GetTempPath(), "crosswalk-cli-tests", "repo-" + Guid.NewGuid().ToString("N"));
        var repo = Repository.Root;
        CopyTree(Path.Combine(repo, "content"), Path.Combine(copy, "content"));
        File.Copy(Path.Combine(repo, "site.yml"), Path.Combine(copy, "site.yml"));
        try
        {
            using var cli = new CliRunner(copy, git: false);

            var (exit, stdout, stderr) = cli.Run("build", "--no-history");

            Assert.Equal(0, exit);
            var lines = Lines(stdout + stderr);
            Assert.True(lines.Count <= 3, string.Join('\n', lines));
            Assert.Matches(@"^\d+ infos \(CW3005 ×\d+(, CW\d{4} ×\d+)*\); --verbose lists them$", lines[0]);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    private static List<string> Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
