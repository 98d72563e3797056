namespace Crosswalk.Diagnostics;

/// <summary>
/// The one "did you mean" of Crosswalk (URLs, anchors, titles, catalogs, criterion IDs), so every suggestion follows
/// the same rule and reads the same. A candidate is near when its edit distance to the input (optimal string
/// alignment, ignoring case) is at most a third of the input's length, and at least 1; only the nearest candidates
/// are suggested: 'CC6.10' suggests 'CC6.1', not also every CC6.x two edits away.
/// </summary>
public static class DidYouMean
{
    /// <summary>How many suggestions a help text names unless the caller asks for fewer.</summary>
    public const int DefaultMax = 3;

    /// <summary>
    /// Longer input gets no suggestion: the work grows with the square of the length, and text that long is not a
    /// mistyped name (a pasted paragraph in a table cell, for instance).
    /// </summary>
    public const int MaxInputLength = 256;

    /// <summary>The largest edit distance at which a candidate is near <paramref name="input"/>: 'CC7.9' (5) allows 1, 'A.9.1.9' (7) 2.</summary>
    public static int MaxDistance(string input) => Math.Max(1, input.Length / 3);

    /// <summary>Up to <paramref name="max"/> of <paramref name="candidates"/> nearest to <paramref name="input"/>, in candidate order.</summary>
    public static IReadOnlyList<string> Closest(string input, IEnumerable<string> candidates, int max = DefaultMax)
        => Closest(input, candidates, static c => c, max);

    /// <summary>
    /// Up to <paramref name="max"/> of <paramref name="candidates"/> whose <paramref name="text"/> is nearest to
    /// <paramref name="input"/>. Equally near ones are ordered by <paramref name="ranking"/> when given (e.g. criteria of the
    /// group the input seems to be in first), then keep their order in <paramref name="candidates"/>; a text is named once.
    /// </summary>
    public static IReadOnlyList<T> Closest<T>(string input, IEnumerable<T> candidates, Func<T, string> text, int max = DefaultMax, IComparer<T>? ranking = null)
    {
        if (input.Length == 0 || input.Length > MaxInputLength || max <= 0)
        {
            return [];
        }
        var limit = MaxDistance(input);
        var near = new List<T>();
        var best = limit;
        foreach (var candidate in candidates)
        {
            var distance = EditDistance.Compute(input, text(candidate), best);
            if (distance > best)
            {
                continue;
            }
            if (distance < best)
            {
                // A nearer candidate: the ones found so far are no longer the nearest.
                near.Clear();
                best = distance;
            }
            near.Add(candidate);
        }
        // OrderBy is stable: with no ranking, or a tie in it, candidates keep their order.
        IEnumerable<T> ordered = ranking is null ? near : near.OrderBy(c => c, ranking);
        return [.. ordered.DistinctBy(text, StringComparer.Ordinal).Take(max)];
    }

    /// <summary>
    /// <see cref="Closest{T}"/>, else the candidates the input is a shortening of: those that start with it at a word
    /// boundary (<c>#hooks</c> → <c>#hooks-gateway-webhooks</c>), or whose words include all of its words
    /// (<c>setup-install</c> → <c>install-and-setup</c>; two words at least). Shortest first, then in candidate order. Words are split at
    /// <c>-</c>, <c>_</c>, <c>/</c> and <c>.</c>.
    /// </summary>
    public static IReadOnlyList<T> ClosestOrRelated<T>(string input, IReadOnlyCollection<T> candidates, Func<T, string> text, int max = DefaultMax, IComparer<T>? ranking = null)
    {
        var closest = Closest(input, candidates, text, max, ranking);
        if (closest.Count > 0 || input.Length == 0 || input.Length > MaxInputLength)
        {
            return closest;
        }
        // One word in common is a coincidence, not a likeness: the word rule needs two.
        var words = Words(input);
        return [.. candidates
            .Select((c, i) => (Candidate: c, Text: text(c), Order: i))
            .Where(c => c.Text.Length > input.Length && (StartsAtBoundary(c.Text, input) || (words.Length >= 2 && words.All(Words(c.Text).Contains))))
            .OrderBy(c => c.Text.Length).ThenBy(c => c.Order)
            .Select(c => c.Candidate)
            .DistinctBy(text, StringComparer.Ordinal)
            .Take(max)];
    }

    private static bool StartsAtBoundary(string candidate, string input) =>
        candidate.StartsWith(input, StringComparison.OrdinalIgnoreCase) && candidate[input.Length] is '-' or '_' or '/' or '.';

    private static string[] Words(string text) =>
        text.ToLowerInvariant().Split(['-', '_', '/', '.', ' '], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The help text naming <paramref name="suggestions"/>, or <see langword="null"/> without any.</summary>
    /// <returns><c>did you mean 'A'?</c>, <c>did you mean 'A' or 'B'?</c>, <c>did you mean 'A', 'B' or 'C'?</c></returns>
    public static string? Help(IReadOnlyList<string> suggestions) => suggestions.Count switch
    {
        0 => null,
        1 => $"did you mean '{suggestions[0]}'?",
        _ => $"did you mean {string.Join(", ", suggestions.Take(suggestions.Count - 1).Select(s => $"'{s}'"))} or '{suggestions[^1]}'?",
    };

    /// <summary><see cref="Help(IReadOnlyList{string})"/> of the <see cref="Closest(string, IEnumerable{string}, int)"/> candidates.</summary>
    public static string? Help(string input, IEnumerable<string> candidates, int max = DefaultMax) => Help(Closest(input, candidates, max));
}
