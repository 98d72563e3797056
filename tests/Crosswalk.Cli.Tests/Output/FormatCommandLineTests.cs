using System.Text.Json;
using System.Xml.Linq;

namespace Crosswalk.Cli.Tests.Output;

/// <summary>The new formats through the real command line, on the fixture with four planted faults.</summary>
[Collection("cli")]
public sealed class FormatCommandLineTests
{
    [Fact]
    public void Check_prints_github_annotations_and_exits_1()
    {
        using var cli = new CliRunner("faults");

        var (exit, stdout, stderr) = cli.Run("check", "--format", "github");

        Assert.Equal(1, exit);
        Assert.Equal("", stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.All(lines, l => Assert.StartsWith("::error file=content/", l));
        Assert.Contains("::error file=content/index.md,line=7,col=3,title=CW2001::link target 'guides/missing.md' does not exist", lines);
    }

    [Fact]
    public void Report_writes_sarif_to_the_file_and_keeps_text_on_the_console()
    {
        using var cli = new CliRunner("faults");

        var (exit, stdout, _) = cli.Run("check", "--format", "sarif", "--report", "report.sarif");

        Assert.Equal(1, exit);
        Assert.Contains("content/index.md(7,3): error CW2001:", stdout);
        using var doc = JsonDocument.Parse(File.ReadAllText(cli.PathOf("report.sarif")));
        var results = doc.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["CW1002", "CW1004", "CW2001", "CW2002"], results.Select(r => r.GetProperty("ruleId").GetString()));
    }

    [Fact]
    public void Sarif_result_levels_equal_their_rules_default_levels_under_default_severities()
    {
        using var cli = new CliRunner("faults");
        // No 'severity:' overrides; a withdrawn-edition reference and a link out of the source folder add warnings
        // to the fixture's errors, and its pages no one links to add infos.
        File.WriteAllText(cli.PathOf("site.yml"), "title: Faulty Docs\ncatalogs: [iso27001-2013, iso27001-2022, iso27001-2013-to-2022]\n");
        File.WriteAllText(cli.PathOf("content/legacy.md"), "---\ntitle: Legacy\nsatisfies:\n  iso27001-2013: A.9.1.1\n---\n# Legacy\n");
        File.WriteAllText(cli.PathOf("outside.md"), "# Outside\n");
        File.CreateSymbolicLink(cli.PathOf("content/outside.md"), cli.PathOf("outside.md"));

        var (exit, _, _) = cli.Run("check", "--format", "sarif", "--report", "report.sarif");

        Assert.Equal(1, exit);
        using var doc = JsonDocument.Parse(File.ReadAllText(cli.PathOf("report.sarif")));
        var run = doc.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["error", "note", "warning"], results.Select(r => r.GetProperty("level").GetString()).Distinct().Order(StringComparer.Ordinal));
        foreach (var r in results)
        {
            var rule = rules[r.GetProperty("ruleIndex").GetInt32()];
            Assert.Equal(r.GetProperty("ruleId").GetString(), rule.GetProperty("id").GetString());
            Assert.Equal(rule.GetProperty("defaultConfiguration").GetProperty("level").GetString(), r.GetProperty("level").GetString());
        }
    }

    [Fact]
    public void Report_writes_junit_to_the_file()
    {
        using var cli = new CliRunner("faults");

        var (exit, _, _) = cli.Run("check", "--format", "junit", "--report", "junit.xml");

        Assert.Equal(1, exit);
        var suite = XDocument.Load(cli.PathOf("junit.xml")).Root!.Element("testsuite")!;
        Assert.Equal(4, suite.Descendants("failure").Count());
    }

    [Fact]
    public void An_unknown_format_is_a_usage_error()
    {
        using var cli = new CliRunner("faults");

        var (exit, _, _) = cli.Run("check", "--format", "xml");

        Assert.Equal(2, exit);
    }
}
