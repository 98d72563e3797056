using System.Reflection;
using System.Text.RegularExpressions;
using Crosswalk.Diagnostics;
using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Diagnostics;

public sealed partial class DiagnosticDescriptorsTests
{
    private static List<(string Name, DiagnosticDescriptor Descriptor)> Fields()
        => [.. typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (f.Name, (DiagnosticDescriptor)f.GetValue(null)!))];

    [Fact]
    public void All_is_every_field_once_sorted_by_code()
    {
        var fields = Fields();
        Assert.Equal(fields.Select(f => f.Descriptor).OrderBy(d => d.Code, StringComparer.Ordinal), DiagnosticDescriptors.All);
        Assert.All(fields, f => Assert.Equal(f.Name, f.Descriptor.Name));
    }

    [Fact]
    public void Codes_and_names_are_unique()
    {
        Assert.Equal(DiagnosticDescriptors.All.Count, DiagnosticDescriptors.All.Select(d => d.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(DiagnosticDescriptors.All.Count, DiagnosticDescriptors.All.Select(d => d.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Codes_lie_in_the_documented_ranges()
        => Assert.All(DiagnosticDescriptors.All, d => Assert.Matches("^CW[1-5][0-9]{3}$", d.Code));

    [Fact]
    public void Each_code_has_one_default_severity_that_can_be_reported()
        => Assert.All(DiagnosticDescriptors.All, d => Assert.Contains(d.DefaultSeverity, new[] { Severity.Error, Severity.Warning, Severity.Info }));

    [Fact]
    public void Each_code_is_described_by_a_title_sentence_a_description_and_help()
    {
        foreach (var d in DiagnosticDescriptors.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(d.Title), d.Code);
            Assert.EndsWith(".", d.Title, StringComparison.Ordinal);
            Assert.DoesNotContain(". ", d.Title, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(d.Description), d.Code);
            Assert.False(string.IsNullOrWhiteSpace(d.HelpText), d.Code);
            Assert.NotEqual(d.Title, d.Description);
            Assert.Matches("^[A-Z][A-Za-z0-9]+$", d.Name);
        }
    }

    [Fact]
    public void Find_returns_the_registered_descriptor_or_null()
    {
        Assert.Same(DiagnosticDescriptors.MissingPage, DiagnosticDescriptors.Find("CW2001"));
        Assert.Null(DiagnosticDescriptors.Find("cw2001"));
        Assert.Null(DiagnosticDescriptors.Find("CW9999"));
        Assert.All(DiagnosticDescriptors.All, d => Assert.Same(d, DiagnosticDescriptors.Find(d.Code)));
    }

    [Fact]
    public void DiagnosticCodes_mirrors_the_registry()
    {
        var constants = typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (f.Name, Code: (string)f.GetRawConstantValue()!))
            .OrderBy(c => c.Code, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(DiagnosticDescriptors.All.Select(d => (d.Name, d.Code)), constants);
    }

    [Fact]
    public void Create_and_Report_take_the_code_and_default_severity_from_the_descriptor()
    {
        var location = new SourceLocation("content/a.md", 2, 3);
        Assert.Equal(new Diagnostic("CW2005", Severity.Info, "m", location, "h"), Diagnostic.Create(DiagnosticDescriptors.OrphanPage, "m", location, "h"));

        var bag = new DiagnosticBag();
        bag.SetOverrides(new Dictionary<string, Severity> { ["CW3005"] = Severity.Error, ["CW2005"] = Severity.Off });
        bag.Report(DiagnosticDescriptors.WithdrawnEdition, "withdrawn", location);
        bag.Report(DiagnosticDescriptors.OrphanPage, "orphan", location);
        bag.Report(DiagnosticDescriptors.SymlinkNotFollowed, "link", null);

        // Overrides still apply to what is reported by descriptor.
        Assert.Equal(["warning CW1006: link", "content/a.md(2,3): error CW3005: withdrawn"], bag.ToSortedList().Select(d => d.ToString()));
    }

    /// <summary>
    /// Every call site reports by descriptor: none names a code with a severity, which could contradict the registry.
    /// </summary>
    [Fact]
    public void No_call_site_names_a_severity_it_reports_by_descriptor()
    {
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Repository.PathOf("src"), "*.cs", SearchOption.AllDirectories))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (CodeAndSeverity().IsMatch(lines[i]))
                {
                    found.Add($"{file}:{i + 1}");
                }
            }
        }
        Assert.Empty(found);
    }

    // 'DiagnosticCodes.X, Severity.Y' and 'cond ? DiagnosticCodes.X : DiagnosticCodes.Z, Severity.Y'.
    [GeneratedRegex(@"DiagnosticCodes\.(?<name>\w+)(?:\s*:\s*DiagnosticCodes\.(?<name>\w+))?\s*,\s*Severity\.(?<severity>Error|Warning|Info)\b")]
    private static partial Regex CodeAndSeverity();
}
