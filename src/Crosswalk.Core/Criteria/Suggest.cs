using Crosswalk.Diagnostics;

namespace Crosswalk.Criteria;

/// <summary>"Did you mean" candidates by edit distance (optimal string alignment, ignoring case).</summary>
internal static class Suggest
{
    private const int MaxInputLength = 64;
    private const int MaxSuggestions = 3;

    /// <summary>Up to three criterion IDs of <paramref name="catalog"/> near <paramref name="input"/>: nearest first,
    /// then same group as the input would be in, then nearest last number, then catalog order.</summary>
    public static IReadOnlyList<string> Criteria(string input, Catalog catalog)
    {
        if (input.Length == 0 || input.Length > MaxInputLength)
        {
            return [];
        }
        var max = MaxDistance(input);
        var dot = input.LastIndexOf('.');
        var groupGuess = dot > 0 ? input[..dot] : null;
        var lastNumber = LastNumber(input);
        var scored = catalog.Criteria
            .Select(c => (c, d: EditDistance.Compute(input, c.Id, max)))
            .Where(x => x.d <= max)
            .ToList();
        // Only the nearest: 'CC6.10' suggests 'CC6.1', not also every CC6.x two edits away.
        var best = scored.Count > 0 ? scored.Min(x => x.d) : 0;
        return scored
            .Where(x => x.d == best)
            .OrderBy(x => groupGuess is not null && string.Equals(x.c.Parent?.Id, groupGuess, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(x => lastNumber is { } n && LastNumber(x.c.Id) is { } m ? Math.Abs((long)n - m) : long.MaxValue)
            .ThenBy(x => x.c.Index)
            .Take(MaxSuggestions)
            .Select(x => x.c.Id)
            .ToList();
    }

    /// <summary>Up to three of <paramref name="candidates"/> near <paramref name="input"/>, nearest first.</summary>
    public static IReadOnlyList<string> Closest(string input, IEnumerable<string> candidates)
    {
        if (input.Length == 0 || input.Length > MaxInputLength)
        {
            return [];
        }
        var max = MaxDistance(input);
        var scored = candidates
            .Select((c, i) => (c, i, d: EditDistance.Compute(input, c, max)))
            .Where(x => x.d <= max)
            .ToList();
        var best = scored.Count > 0 ? scored.Min(x => x.d) : 0;
        return scored
            .Where(x => x.d == best)
            .OrderBy(x => x.i)
            .Take(MaxSuggestions)
            .Select(x => x.c)
            .ToList();
    }

    /// <summary>The help text for an unknown ID of <paramref name="catalog"/>, or <see langword="null"/> without candidates.</summary>
    public static string? Help(string input, Catalog catalog) => Criteria(input, catalog) is { Count: > 0 } s ? Format(s) : null;

    /// <summary><c>did you mean 'A'?</c>, <c>did you mean 'A' or 'B'?</c>, <c>did you mean 'A', 'B' or 'C'?</c></summary>
    public static string Format(IReadOnlyList<string> suggestions) => suggestions.Count switch
    {
        0 => "",
        1 => $"did you mean '{suggestions[0]}'?",
        _ => $"did you mean {string.Join(", ", suggestions.Take(suggestions.Count - 1).Select(s => $"'{s}'"))} or '{suggestions[^1]}'?",
    };

    // A third of the length, at least one edit: 'CC7.9' (5) allows 1, 'A.9.1.9' (7) allows 2.
    private static int MaxDistance(string input) => Math.Max(1, input.Length / 3);

    private static int? LastNumber(string id)
    {
        var end = id.Length;
        while (end > 0 && !char.IsAsciiDigit(id[end - 1]))
        {
            end--;
        }
        var start = end;
        while (start > 0 && char.IsAsciiDigit(id[start - 1]))
        {
            start--;
        }
        return end > start && end - start <= 9 ? int.Parse(id.AsSpan(start, end - start), System.Globalization.CultureInfo.InvariantCulture) : null;
    }


}
