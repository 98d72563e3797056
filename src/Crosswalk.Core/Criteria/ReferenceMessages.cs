using System.Globalization;
using System.Text;
using Crosswalk.Diagnostics;

namespace Crosswalk.Criteria;

/// <summary>The help texts of one reference expression's problems; suggestions are worked out once per distinct word.</summary>
internal sealed class ReferenceHelp(string text, Catalog column)
{
    private readonly Dictionary<string, string?> _cache = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Did-you-mean for an unknown word: nearest IDs of the column (aliases first when asked).</summary>
    public string? For(string input, bool aliasesToo)
    {
        if (_cache.TryGetValue(input, out var cached))
        {
            return cached;
        }
        // Bound the work on garbage input: suggestions for the first few distinct words only.
        if (_cache.Count >= 16)
        {
            return null;
        }
        var suggestions = CriterionSuggestions.Ids(input, column);
        if (aliasesToo && column.Aliases.Count > 0)
        {
            // Aliases first: a word that is not an ID is more likely a mistyped alias.
            var aliasHits = DidYouMean.Closest(CatalogAlias.Normalize(input), column.Aliases.Select(a => a.Name));
            suggestions = [.. aliasHits, .. suggestions.Take(DidYouMean.DefaultMax - Math.Min(DidYouMean.DefaultMax, aliasHits.Count))];
        }
        var help = DidYouMean.Help(suggestions);
        _cache[input] = help;
        return help;
    }

    /// <summary>What the column accepts, with examples from its own catalog.</summary>
    public string Grammar()
    {
        var leaf = column.Criteria.FirstOrDefault(c => c.IsLeaf && c.Siblings.Count > 1) ?? column.Criteria.FirstOrDefault();
        var example = leaf is null ? "ID" : $"{leaf.Siblings[0].Id}, {leaf.Siblings[1 % leaf.Siblings.Count].Id}";
        var range = leaf is null ? "X-Y" : $"{leaf.Siblings[0].Id}-{leaf.Siblings[Math.Min(2, leaf.Siblings.Count - 1)].Id}";
        var alias = column.Aliases.Count > 0 ? $", an alias such as '{column.Aliases[0].Name}'" : "";
        return $"write criterion IDs of '{column.Id}' separated by ',', ';' or 'and' (e.g. '{example}'), ranges like '{range}'{alias}, or N/A";
    }

    /// <summary>Help for stray text: Markdown noise, or the grammar.</summary>
    public string? Noise((int Start, int Length) span)
    {
        var s = text.Substring(span.Start, span.Length);
        return s.IndexOfAny(['*', '`', '[', ']', '_', '~', '<', '>', '(', ')']) >= 0
            ? "write plain IDs without Markdown formatting, links or comments"
            : Grammar();
    }
}

/// <summary>How reference problems show the text they are about, and the note on withdrawn editions.</summary>
internal static class ReferenceMessages
{
    /// <summary>The text of a span for a message: long spans shortened, invisible characters shown as U+XXXX.</summary>
    public static string Show(string text, (int Start, int Length) span)
    {
        const int max = 40;
        var s = text.Substring(span.Start, Math.Min(span.Length, max));
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s)
        {
            if (char.IsControl(ch) || char.GetUnicodeCategory(ch) is UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse)
            {
                sb.Append(CultureInfo.InvariantCulture, $"U+{(int)ch:X4}");
            }
            else
            {
                sb.Append(ch);
            }
        }
        if (span.Length > max)
        {
            sb.Append('…');
        }
        return sb.ToString();
    }

    /// <summary><c>a</c>, <c>a and b</c>, <c>a, b and c</c>.</summary>
    public static string Join(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : $"{string.Join(", ", list.Take(list.Count - 1))} and {list[^1]}";
    }

    /// <summary>
    /// The CW3005 message and help when <paramref name="criteria"/> of a withdrawn catalog are referenced (written as
    /// <paramref name="shown"/>), naming their counterparts in the successor; null when the catalog is current.
    /// </summary>
    public static (string Message, string Help)? Withdrawn(Catalog column, CatalogSet catalogs, IReadOnlyList<Criterion> criteria, string shown)
    {
        if (column.Withdrawn is not { } w)
        {
            return null;
        }
        var applicable = criteria.Where(w.AppliesTo).ToList();
        if (applicable.Count == 0)
        {
            return null;
        }
        var successors = applicable.SelectMany(catalogs.Successors).Distinct().OrderBy(c => c.Index).ToList();
        var prefix = $"{column.Name} was withdrawn on {w.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}; ";
        var crosswalk = catalogs.CrosswalkFrom(column);
        string message;
        if (crosswalk is null)
        {
            message = prefix + $"its successor is '{w.SuccessorId}'";
        }
        else if (successors.Count == 0)
        {
            message = prefix + $"'{shown}' has no counterpart in {crosswalk.Target.Id}";
        }
        else
        {
            const int shownMax = 12;
            var list = string.Join(", ", successors.Take(shownMax).Select(c => c.Id));
            if (successors.Count > shownMax)
            {
                list += $" and {successors.Count - shownMax} more";
            }
            message = prefix + $"'{shown}' corresponds to {list} in {crosswalk.Target.Id}";
        }
        var successorName = catalogs.Get(w.SuccessorId)?.Name ?? w.SuccessorId;
        return (message, $"map this to {successorName} (catalog '{w.SuccessorId}') instead");
    }
}
