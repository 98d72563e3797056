using Crosswalk.Diagnostics;

namespace Crosswalk.Criteria;

/// <summary>
/// <see cref="DidYouMean"/> for criterion IDs of one catalog, with a ranking among equally near IDs that suits them:
/// same group as the input would be in first, then the nearest last number, then catalog order.
/// </summary>
internal static class CriterionSuggestions
{
    /// <summary>Up to <paramref name="max"/> IDs of <paramref name="catalog"/> nearest to <paramref name="input"/>, best first.</summary>
    public static IReadOnlyList<string> Ids(string input, Catalog catalog, int max = DidYouMean.DefaultMax)
    {
        if (!catalog.Criteria.Any(static c => c.AlternateIds.Count > 0))
        {
            return [.. DidYouMean.Closest(input, catalog.Criteria, static c => c.Id, max, new Ranking(input)).Select(c => c.Id)];
        }
        // 'ac-2.99' is nearest to the OSCAL id 'ac-2.9': match every name, suggest the canonical IDs, each once.
        var names = catalog.Criteria.SelectMany(static c => c.AlternateIds.Prepend(c.Id).Select(n => (Name: n, Criterion: c)));
        var ranking = new Ranking(input);
        var near = DidYouMean.Closest(input, names, static n => n.Name, int.MaxValue, Comparer<(string Name, Criterion Criterion)>.Create((x, y) => ranking.Compare(x.Criterion, y.Criterion)));
        return [.. near.Select(static n => n.Criterion.Id).Distinct(StringComparer.Ordinal).Take(max)];
    }

    /// <summary>The help text for an unknown ID of <paramref name="catalog"/>, or <see langword="null"/> without candidates.</summary>
    public static string? Help(string input, Catalog catalog) => DidYouMean.Help(Ids(input, catalog));

    /// <summary>'CC7.9' ranks CC7.x before CC6.9, and among CC7.x the ones numbered closest to 9 first.</summary>
    private sealed class Ranking : IComparer<Criterion>
    {
        private readonly string? _groupGuess;
        private readonly int? _lastNumber;

        public Ranking(string input)
        {
            // 'CC7.9' would be in CC7; 'AC-2(99)' in AC-2 and 'AC-99' in AC, when no '.' says otherwise.
            var dot = input.LastIndexOf('.');
            if (dot <= 0)
            {
                dot = input.LastIndexOfAny(['(', '-']);
            }
            _groupGuess = dot > 0 ? input[..dot] : null;
            _lastNumber = LastNumber(input);
        }

        public int Compare(Criterion? x, Criterion? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }
            if (x is null || y is null)
            {
                return x is null ? -1 : 1;
            }
            var byGroup = InGuessedGroup(y).CompareTo(InGuessedGroup(x));
            if (byGroup != 0)
            {
                return byGroup;
            }
            var byNumber = NumberGap(x).CompareTo(NumberGap(y));
            return byNumber != 0 ? byNumber : x.Index.CompareTo(y.Index);
        }

        private bool InGuessedGroup(Criterion c)
            => _groupGuess is not null && string.Equals(c.Parent?.Id, _groupGuess, StringComparison.OrdinalIgnoreCase);

        private long NumberGap(Criterion c)
            => _lastNumber is { } n && LastNumber(c.Id) is { } m ? Math.Abs((long)n - m) : long.MaxValue;
    }

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
