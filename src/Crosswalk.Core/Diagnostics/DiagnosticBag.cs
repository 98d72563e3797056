using System.Collections.Concurrent;

namespace Crosswalk.Diagnostics;

/// <summary>
/// Thread-safe collector of diagnostics. Severity overrides from site.yml are applied here, in one place,
/// so stages report with the default severity and never need to know the configuration.
/// </summary>
public sealed class DiagnosticBag
{
    // Made on the first report: a bag is made for every page at several stages, and most stay empty.
    private ConcurrentQueue<Diagnostic>? _items;
    private IReadOnlyDictionary<string, Severity> _overrides = NoOverrides;

    private static readonly IReadOnlyDictionary<string, Severity> NoOverrides = new Dictionary<string, Severity>();

    /// <summary>Per-code severity overrides (from site.yml <c>severity:</c>).</summary>
    public void SetOverrides(IReadOnlyDictionary<string, Severity> overrides) => _overrides = overrides;

    /// <summary>Adds a diagnostic, applying any severity override; <see cref="Severity.Off"/> drops it.</summary>
    public void Add(Diagnostic diagnostic)
    {
        if (_overrides.TryGetValue(diagnostic.Code, out var sev))
        {
            if (sev == Severity.Off)
            {
                return;
            }
            diagnostic = diagnostic with { Severity = sev };
        }
        if (_items is null)
        {
            // Two threads may report first at once: one queue wins, both use it.
            Interlocked.CompareExchange(ref _items, new ConcurrentQueue<Diagnostic>(), null);
        }
        _items.Enqueue(diagnostic);
    }

    /// <summary>Adds each of <paramref name="diagnostics"/> as <see cref="Add(Diagnostic)"/> does.</summary>
    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            Add(d);
        }
    }

    /// <summary>Reports a diagnostic of <paramref name="descriptor"/> with its default severity (see <see cref="Diagnostic.Create"/>).</summary>
    public void Report(DiagnosticDescriptor descriptor, string message, SourceLocation? location, string? help = null)
        => Add(Diagnostic.Create(descriptor, message, location, help));

    /// <summary>True when any error has been reported.</summary>
    public bool HasErrors => _items?.Any(d => d.Severity == Severity.Error) ?? false;

    /// <summary>All diagnostics, sorted by file, line, column, code, message: deterministic whatever the thread order.</summary>
    public IReadOnlyList<Diagnostic> ToSortedList() => _items is { IsEmpty: false } items ? Sort(items) : [];

    /// <summary>Sorts diagnostics in the canonical order.</summary>
    public static IReadOnlyList<Diagnostic> Sort(IEnumerable<Diagnostic> items) => items
        .OrderBy(d => d.Location is null ? 0 : 1)
        .ThenBy(d => d.Location?.File ?? "", StringComparer.Ordinal)
        .ThenBy(d => d.Location?.Line ?? 0)
        .ThenBy(d => d.Location?.Column ?? 0)
        .ThenBy(d => d.Code, StringComparer.Ordinal)
        .ThenBy(d => d.Message, StringComparer.Ordinal)
        .ToList();
}
