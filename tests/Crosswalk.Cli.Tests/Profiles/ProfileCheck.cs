using System.Reflection;
using System.Text.Json;

namespace Crosswalk.Cli.Tests.Profiles;

/// <summary>A diagnostic as the profile tests compare it: code, file and line.</summary>
public readonly record struct Finding(string Code, string File, int Line)
{
    public override string ToString() => $"{File}({Line}): {Code}";
}

/// <summary>One diagnostic of the JSON report.</summary>
public sealed record Reported(string Code, string Severity, string File, int Line, string Message)
{
    public override string ToString() => $"{File}({Line}): {Severity} {Code}: {Message}";
}

/// <summary>
/// One <c>crosswalk check --no-history --format json</c> of a profile fixture (TestData/sites/profile-*), run once per
/// fixture and shared by the tests that read it. Each fixture's README.md says how its expected findings were
/// established from what the generator itself publishes.
/// </summary>
/// <remarks>
/// A profile test class lists the generator's findings once, as the <c>[InlineData]</c> rows of one theory that asserts
/// each is reported; a row Crosswalk gets wrong is skipped with the cause, never removed. <see cref="ExpectedBy"/> reads
/// the same rows (skipped ones included) for the test that nothing else is reported, so together they compare the
/// whole set of CW2001, CW2002, CW2003 and CW2005 exactly.
/// </remarks>
public sealed class ProfileCheck
{
    /// <summary>The codes compared exactly: missing page, missing anchor, missing file, orphan.</summary>
    public static readonly IReadOnlySet<string> LinkCodes = new HashSet<string>(StringComparer.Ordinal) { "CW2001", "CW2002", "CW2003", "CW2005" };

    private static readonly Dictionary<string, ProfileCheck> s_runs = new(StringComparer.Ordinal);

    private ProfileCheck(int exit, IReadOnlyList<string> stderr, IReadOnlyList<Reported> reported)
    {
        Exit = exit;
        StderrLines = stderr;
        All = reported;
        Findings = reported.Where(r => LinkCodes.Contains(r.Code)).Select(r => new Finding(r.Code, r.File, r.Line)).ToHashSet();
    }

    /// <summary>The exit code.</summary>
    public int Exit { get; }

    /// <summary>What the command printed to stderr, line by line (with JSON output: the profile line).</summary>
    public IReadOnlyList<string> StderrLines { get; }

    /// <summary>Every diagnostic reported.</summary>
    public IReadOnlyList<Reported> All { get; }

    /// <summary>The CW2001, CW2002, CW2003 and CW2005 findings.</summary>
    public IReadOnlySet<Finding> Findings { get; }

    /// <summary>The check of <paramref name="fixture"/>, with the files <paramref name="without"/> deleted from its copy first.</summary>
    public static ProfileCheck Of(string fixture, params string[] without)
    {
        var key = fixture + "|" + string.Join("|", without);
        lock (s_runs)
        {
            if (!s_runs.TryGetValue(key, out var run))
            {
                run = Run(fixture, without);
                s_runs[key] = run;
            }
            return run;
        }
    }

    private static ProfileCheck Run(string fixture, string[] without)
    {
        using var cli = new CliRunner(fixture, git: false);
        foreach (var file in without)
        {
            File.Delete(cli.PathOf(file));
        }
        var (exit, stdout, stderr) = cli.Run("check", "--no-history", "--format", "json");
        using var json = JsonDocument.Parse(stdout);
        var reported = json.RootElement.GetProperty("diagnostics").EnumerateArray().Select(d => new Reported(
            d.GetProperty("code").GetString()!,
            d.GetProperty("severity").GetString()!,
            d.TryGetProperty("file", out var file) && file.ValueKind == JsonValueKind.String ? file.GetString()! : "",
            d.TryGetProperty("line", out var line) && line.ValueKind == JsonValueKind.Number ? line.GetInt32() : 0,
            d.GetProperty("message").GetString()!)).ToList();
        return new ProfileCheck(exit, stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), reported);
    }

    /// <summary>
    /// The findings listed as the <c>(code, file, line)</c> rows of <paramref name="theory"/>'s <c>[InlineData]</c>
    /// on <paramref name="tests"/>, skipped rows included: they are the generator's truth.
    /// </summary>
    public static IReadOnlySet<Finding> ExpectedBy(Type tests, string theory)
    {
        var method = tests.GetMethod(theory) ?? throw new ArgumentException($"no method {theory} on {tests.Name}", nameof(theory));
        return method.GetCustomAttributes<InlineDataAttribute>()
            .SelectMany(a => a.GetData(method))
            .Select(row => new Finding((string)row[0], (string)row[1], (int)row[2]))
            .ToHashSet();
    }

    /// <summary>Asserts the profile line on stderr, exactly.</summary>
    public void AssertProfileLine(string line) =>
        Assert.True(StderrLines.Contains(line), $"expected the stderr line '{line}'; stderr was:\n{string.Join('\n', StderrLines)}");

    /// <summary>Asserts that <paramref name="expected"/> is reported.</summary>
    public void AssertReports(Finding expected) =>
        Assert.True(Findings.Contains(expected), $"expected {expected}; Crosswalk reported:\n{Describe(All)}");

    /// <summary>Asserts that no CW2001, CW2002, CW2003 or CW2005 beyond <paramref name="expected"/> is reported.</summary>
    public void AssertNothingBeyond(IReadOnlySet<Finding> expected)
    {
        var extra = All.Where(r => LinkCodes.Contains(r.Code) && !expected.Contains(new Finding(r.Code, r.File, r.Line))).ToList();
        Assert.True(extra.Count == 0, $"the generator has no such finding:\n{Describe(extra)}");
    }

    private static string Describe(IEnumerable<Reported> reported) => string.Join('\n', reported.Select(r => "  " + r));
}
