using Crosswalk.Cli.Output;
using Crosswalk.Diagnostics;

namespace Crosswalk.Cli.Tests.Output;

public sealed class DiagnosticChangesTests
{
    private static Diagnostic D(string code, Severity severity, string message, int line = 1) => new(code, severity, message, new SourceLocation("content/a.md", line, 1));

    [Fact]
    public void A_diagnostic_whose_line_moved_is_not_a_change()
    {
        var changes = DiagnosticChanges.Between([D("CW2001", Severity.Error, "gone", 3)], [D("CW2001", Severity.Error, "gone", 9)]);
        Assert.Empty(changes.Added);
        Assert.Empty(changes.Removed);
        Assert.Equal("no new or fixed diagnostics", changes.Summary());
    }

    [Fact]
    public void Fixed_and_new_are_counted_by_severity()
    {
        var before = new[] { D("CW2001", Severity.Error, "a"), D("CW3005", Severity.Info, "old") };
        var after = new[] { D("CW2005", Severity.Warning, "w"), D("CW3005", Severity.Info, "old") };

        var changes = DiagnosticChanges.Between(before, after);

        Assert.Equal("1 error fixed, 1 new warning", changes.Summary());
        Assert.Equal("CW2005", Assert.Single(changes.Added).Code);
    }

    [Fact]
    public void Two_identical_problems_are_two_and_fixing_one_is_a_change()
    {
        var one = D("CW2001", Severity.Error, "same");
        var changes = DiagnosticChanges.Between([one, one], [one]);
        Assert.Equal("1 error fixed", changes.Summary());
        Assert.Equal("2 new errors", DiagnosticChanges.Between([], [one, one]).Summary());
    }
}
