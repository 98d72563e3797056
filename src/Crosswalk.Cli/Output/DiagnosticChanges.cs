using Crosswalk.Diagnostics;

namespace Crosswalk.Cli.Output;

/// <summary>
/// What a rebuild changed in the site's diagnostics. A diagnostic is the same one when its severity, code, file,
/// message and help are: lines move under it as the author types above, and that is not a fix plus a new problem.
/// </summary>
internal sealed record DiagnosticChanges(IReadOnlyList<Diagnostic> Added, IReadOnlyList<Diagnostic> Removed)
{
    public static DiagnosticChanges Between(IEnumerable<Diagnostic> before, IEnumerable<Diagnostic> after)
    {
        // Multisets: two identical messages in one file are two problems, and fixing one of them is a change.
        var left = new Dictionary<(Severity, string, string?, string, string?), int>();
        foreach (var d in before)
        {
            left[Key(d)] = left.GetValueOrDefault(Key(d)) + 1;
        }
        var added = new List<Diagnostic>();
        foreach (var d in after)
        {
            if (left.TryGetValue(Key(d), out var n) && n > 0)
            {
                left[Key(d)] = n - 1;
            }
            else
            {
                added.Add(d);
            }
        }
        var removed = new List<Diagnostic>();
        foreach (var d in before)
        {
            if (left.TryGetValue(Key(d), out var n) && n > 0)
            {
                left[Key(d)] = n - 1;
                removed.Add(d);
            }
        }
        return new DiagnosticChanges(added, removed);
    }

    /// <summary><c>1 error fixed, 1 new warning</c>, errors before warnings before infos; <c>no new or fixed diagnostics</c> when nothing changed.</summary>
    public string Summary()
    {
        var parts = new List<string>();
        foreach (var (severity, noun) in new[] { (Severity.Error, "error"), (Severity.Warning, "warning"), (Severity.Info, "info") })
        {
            var fixedCount = Removed.Count(d => d.Severity == severity);
            var newCount = Added.Count(d => d.Severity == severity);
            if (fixedCount > 0)
            {
                parts.Add(ConsoleReport.Count(fixedCount, noun) + " fixed");
            }
            if (newCount > 0)
            {
                parts.Add(ConsoleReport.Count(newCount, "new " + noun));
            }
        }
        return parts.Count == 0 ? "no new or fixed diagnostics" : string.Join(", ", parts);
    }

    private static (Severity, string, string?, string, string?) Key(Diagnostic d) => (d.Severity, d.Code, d.Location?.File, d.Message, d.Help);
}
