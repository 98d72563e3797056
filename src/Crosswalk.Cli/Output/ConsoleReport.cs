using System.Globalization;
using Crosswalk.Diagnostics;

namespace Crosswalk.Cli.Output;

/// <summary>How much of a build's diagnostics a person at a terminal sees.</summary>
internal enum Verbosity
{
    /// <summary><c>--quiet</c>: errors and warnings, nothing else.</summary>
    Quiet,

    /// <summary>Errors and warnings in full, infos as one counted line.</summary>
    Normal,

    /// <summary><c>--verbose</c>: every diagnostic in full.</summary>
    Verbose,
}

/// <summary>
/// The text a terminal gets: infos are advice (a withdrawn edition, a review falling due) that repeats on every build,
/// so by default they are counted on one line instead of burying the errors and warnings that need action.
/// </summary>
internal static class ConsoleReport
{
    /// <summary>The diagnostics printed in full at <paramref name="verbosity"/>.</summary>
    public static IEnumerable<Diagnostic> Listed(IEnumerable<Diagnostic> diagnostics, Verbosity verbosity) =>
        verbosity == Verbosity.Verbose ? diagnostics : diagnostics.Where(d => d.Severity != Severity.Info);

    /// <summary>Text form of the diagnostics listed at <paramref name="verbosity"/>, then the infos' summary line when they were not listed.</summary>
    public static string Text(IReadOnlyList<Diagnostic> diagnostics, Verbosity verbosity)
    {
        var text = DiagnosticFormatter.Text(Listed(diagnostics, verbosity));
        return verbosity == Verbosity.Normal && InfoSummary(diagnostics) is { } summary ? text + summary + "\n" : text;
    }

    /// <summary><c>18 infos (CW3005 ×18); --verbose lists them</c>, codes by count then code; null without infos.</summary>
    public static string? InfoSummary(IEnumerable<Diagnostic> diagnostics)
    {
        var codes = diagnostics.Where(d => d.Severity == Severity.Info)
            .GroupBy(d => d.Code, StringComparer.Ordinal)
            .Select(g => (Code: g.Key, Count: g.Count()))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Code, StringComparer.Ordinal)
            .ToList();
        if (codes.Count == 0)
        {
            return null;
        }
        var total = codes.Sum(c => c.Count);
        var list = string.Join(", ", codes.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Code} ×{c.Count}")));
        return $"{Count(total, "info")} ({list}); --verbose lists {(total == 1 ? "it" : "them")}";
    }

    /// <summary><c>1 error</c>, <c>2 errors</c>.</summary>
    public static string Count(int n, string noun) => string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? "" : "s")}");
}
