using System.Text.Json;

namespace Crosswalk.Cli.Tests;

[Collection("cli")]
public sealed class BuildCommandTests
{
    [Fact]
    public void Check_reports_exactly_the_planted_faults_at_their_lines_and_exits_1()
    {
        using var cli = new CliRunner("faults");

        var (exit, stdout, stderr) = cli.Run("check");

        Assert.Equal(1, exit);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("    help:")).ToList();
        Assert.Equal(4, lines.Count);
        Assert.StartsWith("content/guides/broken.md(3,", lines[0]);
        Assert.Contains("error CW1002", lines[0]);
        Assert.StartsWith("content/guides/copy.md(3,12): error CW1004: URL '/guides/setup/' is claimed by both 'content/guides/copy.md' and 'content/guides/setup.md'", lines[1]);
        Assert.Equal("content/index.md(7,3): error CW2001: link target 'guides/missing.md' does not exist", lines[2]);
        Assert.StartsWith("content/index.md(8,3): error CW2002: anchor '#instal' does not exist on '/guides/setup/'", lines[3]);
        Assert.Contains("help: did you mean '#install'?", stdout);
        Assert.Matches(@"^checked: 4 pages, 4 errors, 0 warnings, 0 infos in \d+ ms\s*$", stderr);
        Assert.False(Directory.Exists(cli.PathOf("_site")));
    }

    [Fact]
    public void Json_output_follows_the_documented_shape()
    {
        using var cli = new CliRunner("faults");

        var (exit, stdout, stderr) = cli.Run("check", "--format", "json");

        Assert.Equal(1, exit);
        Assert.Equal("", stderr);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(1, doc.RootElement.GetProperty("version").GetInt32());
        var diagnostics = doc.RootElement.GetProperty("diagnostics").EnumerateArray().ToList();
        Assert.Equal(["CW1002", "CW1004", "CW2001", "CW2002"], diagnostics.Select(d => d.GetProperty("code").GetString()));
        var first = diagnostics[2];
        Assert.Equal("error", first.GetProperty("severity").GetString());
        Assert.Equal("content/index.md", first.GetProperty("file").GetString());
        Assert.Equal(7, first.GetProperty("line").GetInt32());
        Assert.Equal(3, first.GetProperty("column").GetInt32());
        Assert.Equal("link target 'guides/missing.md' does not exist", first.GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.String, diagnostics[3].GetProperty("help").ValueKind);
        var summary = doc.RootElement.GetProperty("summary");
        Assert.Equal((4, 0, 0, 4), (summary.GetProperty("errors").GetInt32(), summary.GetProperty("warnings").GetInt32(), summary.GetProperty("infos").GetInt32(), summary.GetProperty("pages").GetInt32()));
    }

    [Fact]
    public void Build_with_errors_exits_1_and_writes_nothing()
    {
        using var cli = new CliRunner("faults");
        var (exit, _, stderr) = cli.Run("build");
        Assert.Equal(1, exit);
        Assert.StartsWith("not written: 4 pages, 4 errors", stderr);
        Assert.False(Directory.Exists(cli.PathOf("_site")));
    }

    [Fact]
    public void Build_of_a_clean_site_exits_0_and_strict_turns_warnings_into_failure()
    {
        using var cli = new CliRunner("clean");

        var (exit, stdout, stderr) = cli.Run("build");
        Assert.Equal(0, exit);
        Assert.Equal("content/policies/access.md(6,20): warning CW2001: link target '/legacy/' does not exist\n", stdout);
        Assert.StartsWith("built: 2 pages, 0 errors, 1 warnings", stderr);
        Assert.True(File.Exists(cli.PathOf("_site/policies/access/index.html")));

        var (strictExit, _, _) = cli.Run("build", "--strict", "--output", "strict-out");
        Assert.Equal(1, strictExit);
        Assert.False(Directory.Exists(cli.PathOf("strict-out")));
    }

    [Fact]
    public void Output_override_and_config_option_are_honoured()
    {
        using var cli = new CliRunner("clean");
        File.Move(cli.PathOf("site.yml"), cli.PathOf("other.yml"));

        var (exit, _, _) = cli.Run("build", "--config", "other.yml", "--output", "public");

        Assert.Equal(0, exit);
        Assert.True(File.Exists(cli.PathOf("public/index.html")));
    }

    [Fact]
    public void Output_pointing_at_the_source_is_refused_with_exit_2_and_nothing_deleted()
    {
        using var cli = new CliRunner("clean");
        var before = Directory.EnumerateFiles(cli.PathOf("content"), "*", SearchOption.AllDirectories).Count();

        var (exit, stdout, _) = cli.Run("build", "--output", "content");

        Assert.Equal(2, exit);
        Assert.Contains("error CW5001", stdout);
        Assert.Equal(before, Directory.EnumerateFiles(cli.PathOf("content"), "*", SearchOption.AllDirectories).Count());
    }

    [Theory]
    [InlineData("build", "--no-such-option")]
    [InlineData("frobnicate")]
    [InlineData("check", "--format", "xml")]
    public void Bad_arguments_exit_2(params string[] args)
    {
        using var cli = new CliRunner("clean");
        var (exit, _, stderr) = cli.Run(args);
        Assert.Equal(2, exit);
        Assert.Contains("crosswalk:", stderr);
    }

    [Fact]
    public void An_unusable_site_yml_exits_2_with_CW1001()
    {
        using var cli = new CliRunner("clean");
        File.WriteAllText(cli.PathOf("site.yml"), "title: x\nsorce: content\n");
        var (exit, stdout, _) = cli.Run("check");
        Assert.Equal(2, exit);
        Assert.Equal("site.yml(2,1): error CW1001: unknown key 'sorce' in site.yml", stdout.Split('\n')[0]);
    }

    [Fact]
    public void A_named_config_that_does_not_exist_exits_2()
    {
        using var cli = new CliRunner("clean");
        var (exit, stdout, _) = cli.Run("check", "--config", "nope.yml");
        Assert.Equal(2, exit);
        Assert.Contains("CW1001", stdout);
    }

    [Fact]
    public void Report_writes_the_chosen_format_to_a_file_while_the_console_keeps_text()
    {
        using var cli = new CliRunner("faults");
        var (exit, stdout, _) = cli.Run("check", "--format", "json", "--report", "report.json");
        Assert.Equal(1, exit);
        Assert.Contains("error CW2001", stdout);
        using var doc = JsonDocument.Parse(File.ReadAllText(cli.PathOf("report.json")));
        Assert.Equal(4, doc.RootElement.GetProperty("diagnostics").GetArrayLength());
    }

    [Fact]
    public void Timings_print_each_stage()
    {
        using var cli = new CliRunner("clean");
        var (_, _, stderr) = cli.Run("check", "--timings");
        foreach (var stage in new[] { "LoadConfig", "Discover", "ParseMarkdown", "Index", "Resolve", "Render", "Verify" })
        {
            Assert.Contains(stage, stderr);
        }
    }
}
