using Crosswalk.Cli.Output;
using Crosswalk.Diagnostics;
using Crosswalk.Pipeline;

namespace Crosswalk.Cli.Tests.Output;

public sealed class ConsoleReportTests
{
    private static Diagnostic D(string code, Severity severity, int line) => new(code, severity, $"message {line}", new SourceLocation("content/a.md", line, 1));

    private static readonly Diagnostic[] Mixed =
    [
        D("CW2001", Severity.Error, 1), D("CW3005", Severity.Info, 2), D("CW1011", Severity.Info, 3),
        D("CW2005", Severity.Warning, 4), D("CW3005", Severity.Info, 5),
    ];

    [Fact]
    public void Infos_are_counted_by_code_most_frequent_first()
        => Assert.Equal("3 infos (CW3005 ×2, CW1011 ×1); --verbose lists them", ConsoleReport.InfoSummary(Mixed));

    [Fact]
    public void One_info_is_singular_and_no_info_is_no_line()
    {
        Assert.Equal("1 info (CW1011 ×1); --verbose lists it", ConsoleReport.InfoSummary([D("CW1011", Severity.Info, 1)]));
        Assert.Null(ConsoleReport.InfoSummary([D("CW2001", Severity.Error, 1)]));
    }

    [Fact]
    public void Normal_text_lists_errors_and_warnings_then_the_info_line()
    {
        var lines = ConsoleReport.Text(Mixed, Verbosity.Normal).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["content/a.md(1,1): error CW2001: message 1", "content/a.md(4,1): warning CW2005: message 4", "3 infos (CW3005 ×2, CW1011 ×1); --verbose lists them"], lines);
    }

    [Fact]
    public void Quiet_text_has_no_info_line_and_verbose_lists_every_info()
    {
        Assert.DoesNotContain("info", ConsoleReport.Text(Mixed, Verbosity.Quiet));
        Assert.Equal(5, ConsoleReport.Text(Mixed, Verbosity.Verbose).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Github_notices_wait_for_verbose_but_json_keeps_every_info()
    {
        var result = new BuildResult(Mixed, 1, true, false, []);
        Assert.DoesNotContain("::notice", DiagnosticFormatter.Format("github", result, Verbosity.Normal));
        Assert.DoesNotContain("::notice", DiagnosticFormatter.Format("github", result, Verbosity.Quiet));
        Assert.Equal(3, DiagnosticFormatter.Format("github", result, Verbosity.Verbose).Split("::notice").Length - 1);
        Assert.Contains("\"infos\": 3", DiagnosticFormatter.Format("json", result, Verbosity.Quiet));
        Assert.Contains("CW1011", DiagnosticFormatter.Format("sarif", result, Verbosity.Normal));
    }
}
