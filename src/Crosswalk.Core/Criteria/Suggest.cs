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
            .Select(c => (c, d: Distance(input, c.Id, max)))
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
            .Select((c, i) => (c, i, d: Distance(input, c, max)))
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

    /// <summary>Optimal string alignment distance ignoring case; returns <paramref name="max"/> + 1 once it is exceeded.</summary>
    internal static int Distance(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }
        var prev2 = new int[b.Length + 1];
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            var rowMin = cur[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToUpperInvariant(a[i - 1]) == char.ToUpperInvariant(b[j - 1]) ? 0 : 1;
                var v = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1
                    && char.ToUpperInvariant(a[i - 1]) == char.ToUpperInvariant(b[j - 2])
                    && char.ToUpperInvariant(a[i - 2]) == char.ToUpperInvariant(b[j - 1]))
                {
                    v = Math.Min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
                rowMin = Math.Min(rowMin, v);
            }
            if (rowMin > max)
            {
                return max + 1;
            }
            (prev2, prev, cur) = (prev, cur, prev2);
        }
        return prev[b.Length];
    }
}
