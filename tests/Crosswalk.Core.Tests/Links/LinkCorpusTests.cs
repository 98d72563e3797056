using System.Text;
using System.Text.RegularExpressions;
using Crosswalk.Diagnostics;
using Crosswalk.Pipeline;
using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Links;

/// <summary>
/// The link corpus (TestData/210-link-corpus): a docs tree of 100+ pages in the styles real docs use, with planted
/// faults. <c>expected.txt</c> lists every planted fault as <c>file(line,col): severity CODE: message</c> (see
/// <see cref="DiagnosticGolden"/>); the check must report exactly those errors and warnings, at those positions, with
/// those messages, and nothing else.
/// </summary>
public sealed partial class LinkCorpusTests : IDisposable
{
    private static readonly string CorpusDirectory = Path.Combine(AppContext.BaseDirectory, "TestData", "210-link-corpus");

    private readonly string _root;

    public LinkCorpusTests()
    {
        _root = Path.Combine(Path.GetTempPath(), "crosswalk-tests", "link-corpus-" + Guid.NewGuid().ToString("N"));
        CopyDirectory(Path.Combine(CorpusDirectory, "site"), _root);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private BuildResult Check() => SiteBuilder.Check(new BuildOptions { ConfigPath = Path.Combine(_root, "site.yml") });

    private string Key(Diagnostic d) => DiagnosticGolden.Line(d, _root);

    private static List<string> Expected() => DiagnosticGolden.Read(Path.Combine(CorpusDirectory, "expected.txt"));

    [Fact]
    public void The_corpus_has_at_least_110_pages()
    {
        var pages = Directory.EnumerateFiles(Path.Combine(_root, "content"), "*", SearchOption.AllDirectories)
            .Count(f => f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".mdx", StringComparison.Ordinal));
        Assert.True(pages >= 110, $"only {pages} pages");
        Assert.Equal(pages, Check().PageCount);
    }

    [Fact]
    public void Reports_every_planted_fault_and_nothing_else()
    {
        var result = Check();
        Assert.True(result.ConfigUsable);

        var reported = result.Diagnostics
            .Where(d => d.Severity is Severity.Error or Severity.Warning)
            .ToList();
        if (DiagnosticGolden.Accepting)
        {
            DiagnosticGolden.Accept("tests/Crosswalk.Core.Tests/TestData/210-link-corpus/expected.txt", Path.Combine(CorpusDirectory, "expected.txt"), reported, _root);
        }
        var actual = reported.Select(Key).ToList();
        var expected = Expected();

        var missing = expected.Except(actual, StringComparer.Ordinal).ToList();
        var unexpected = reported.Where(d => !expected.Contains(Key(d), StringComparer.Ordinal)).ToList();
        var duplicates = actual.GroupBy(a => a, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        if (missing.Count > 0 || unexpected.Count > 0 || duplicates.Count > 0)
        {
            var sb = new StringBuilder();
            sb.AppendLine($"expected {expected.Count} findings, got {actual.Count}.");
            sb.AppendLine($"missing ({missing.Count}) — planted faults that were not reported at that position with that message:");
            foreach (var m in missing)
            {
                sb.AppendLine("  - " + m);
            }
            sb.AppendLine($"unexpected ({unexpected.Count}) — reported but not planted:");
            foreach (var u in unexpected)
            {
                sb.AppendLine($"  + {Key(u)}{(u.Help is null ? "" : "  [help: " + u.Help + "]")}");
            }
            foreach (var d in duplicates)
            {
                sb.AppendLine("  reported more than once: " + d);
            }
            Assert.Fail(sb.ToString());
        }
    }

    [Fact]
    public void Expected_findings_are_sorted_by_file_line_and_column()
    {
        var expected = Expected();
        var parsed = expected.Select(Parse).ToList();
        var sorted = parsed
            .OrderBy(p => p.File, StringComparer.Ordinal)
            .ThenBy(p => p.Line)
            .ThenBy(p => p.Column)
            .ToList();
        Assert.Equal(sorted, parsed);
        Assert.Equal(expected.Count, expected.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    // A missing page next to an existing one: the closest URL.
    [InlineData("content/guides/setup.md", 45, 73, "CW2001", "/concepts/projects/")]
    [InlineData("content/guides/advanced/plugins.mdx", 12, 73, "CW2001", "/api/auth/")]
    // Only the letter case differs: the help says so.
    [InlineData("content/api/index.md", 11, 3, "CW2001", "case")]
    // A missing anchor one character away from a real id.
    [InlineData("content/api/index.md", 13, 3, "CW2002", "#environment-variables")]
    [InlineData("content/guides/deployment.md", 26, 15, "CW2002", "#rollback")]
    public void Near_misses_carry_help(string file, int line, int column, string code, string helpContains)
    {
        // The nearest on the line, so a column that is off by one is Reports_every_planted_fault_and_nothing_else's
        // finding alone, not this test's too.
        var diagnostic = Check().Diagnostics
            .Where(d => d.Code == code && d.Location is { } l && l.File == file && l.Line == line)
            .OrderBy(d => Math.Abs(d.Location!.Value.Column - column))
            .FirstOrDefault();
        Assert.True(diagnostic is not null, $"no {code} at {file}({line},{column})");
        Assert.NotNull(diagnostic!.Help);
        Assert.Contains(helpContains, diagnostic.Help!, StringComparison.OrdinalIgnoreCase);
    }

    private static (string File, int Line, int Column, string Finding) Parse(string entry)
    {
        var m = Entry().Match(entry);
        Assert.True(m.Success, $"not 'file(line,col): severity CODE: message': {entry}");
        return (m.Groups["file"].Value, int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(m.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups["rest"].Value);
    }

    // The message may hold parentheses too: the place is the first '(line,col): ' followed by a severity.
    [GeneratedRegex(@"^(?<file>.+?)\((?<line>\d+),(?<column>\d+)\): (?<rest>(?:error|warning|info) CW\d{4}: .*)$")]
    private static partial Regex Entry();

    private static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)), overwrite: true);
        }
    }
}
