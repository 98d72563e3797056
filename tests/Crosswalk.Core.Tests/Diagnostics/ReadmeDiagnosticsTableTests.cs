using System.Text.RegularExpressions;
using Crosswalk.Diagnostics;
using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Diagnostics;

/// <summary>The README's table of diagnostics (<c>| code | default | meaning | example |</c>) says what the registry says.</summary>
public sealed partial class ReadmeDiagnosticsTableTests
{
    private sealed record Row(int Line, string Code, string Severity, string Meaning, string Example);

    private static List<Row> Rows()
    {
        var lines = File.ReadAllLines(Repository.PathOf("README.md"));
        var rows = new List<Row>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (TableRow().Match(lines[i]) is { Success: true } m)
            {
                rows.Add(new Row(i + 1, m.Groups["code"].Value, m.Groups["severity"].Value, m.Groups["meaning"].Value, m.Groups["example"].Value));
            }
        }
        return rows;
    }

    [Fact]
    public void The_table_lists_exactly_the_registrys_codes_in_order()
        => Assert.Equal(DiagnosticDescriptors.All.Select(d => d.Code), Rows().Select(r => r.Code));

    [Fact]
    public void Each_row_gives_the_registrys_default_severity()
    {
        foreach (var row in Rows())
        {
            var descriptor = DiagnosticDescriptors.Find(row.Code);
            Assert.True(descriptor is not null, $"README.md:{row.Line}: {row.Code} is not in the registry");
            Assert.True(descriptor.DefaultSeverity.ToString().ToLowerInvariant() == row.Severity,
                $"README.md:{row.Line}: {row.Code} is '{row.Severity}' in the README but {descriptor.DefaultSeverity} in the registry");
        }
    }

    [Fact]
    public void Each_example_line_has_its_rows_code_and_severity()
    {
        foreach (var row in Rows())
        {
            // The example cell holds the MSBuild line in backticks, then optionally its help line: `...` / `help: ...`.
            var examples = Regex.Matches(row.Example, "`([^`]+)`").Select(m => m.Groups[1].Value).Where(e => !e.StartsWith("help: ", StringComparison.Ordinal)).ToList();
            var example = Assert.Single(examples);
            var line = ExampleLine().Match(example);
            Assert.True(line.Success, $"README.md:{row.Line}: '{example}' is not an MSBuild diagnostic line");
            Assert.True(line.Groups["code"].Value == row.Code && line.Groups["severity"].Value == row.Severity,
                $"README.md:{row.Line}: the example of {row.Severity} {row.Code} is a {line.Groups["severity"].Value} {line.Groups["code"].Value}");
            Assert.False(string.IsNullOrWhiteSpace(row.Meaning));
        }
    }

    [GeneratedRegex(@"^\| (?<code>CW\d{4}) \| (?<severity>[a-z]+) \| (?<meaning>.+?) \| (?<example>`.+`) \|$")]
    private static partial Regex TableRow();

    // Diagnostic.ToString(): 'file(line,col): severity CODE: message', or 'severity CODE: message' without a location.
    [GeneratedRegex(@"^(?:[^()]+\(\d+,\d+\): )?(?<severity>error|warning|info) (?<code>CW\d{4}): \S.*$")]
    private static partial Regex ExampleLine();
}
