namespace Crosswalk.Criteria;

public static partial class ReferenceParser
{
    /// <summary>Ranges (<c>CC7.2-CC7.4</c>, <c>CC7.2–7.4</c>) and the glued runs of compound IDs (<c>AC-2(1)</c>, <c>AC-99</c>).</summary>
    private sealed partial class State
    {
        /// <summary>
        /// In a catalog with compound IDs, <c>AC-99</c> and <c>AC-2(99)</c> are one mistyped ID, not the range from group
        /// AC to 99 or AC-2 and stray text: a run of glued <c>-word</c> and <c>(word)</c> steps is read as one ID unless it
        /// is a range whose ends are both known (<c>AC-2-AC-4</c>), or a range whose end is such a mistyped ID
        /// (<c>AC-2-AC-99</c>: the end is reported). Returns the token after the run, or null to parse on as usual.
        /// </summary>
        private int? GluedRun(int i, bool clause)
        {
            var first = _tokens[i];
            var runEnd = ReferenceLexer.CompoundRunEnd(text, first.Start);
            if (runEnd <= first.End)
            {
                return null;
            }
            var whole = first;
            if (i + 2 < _tokens.Count && _tokens[i + 1] is { Kind: ReferenceTokenKind.Dash } dash && text[dash.Start] == '-' && dash.Start == first.End
                && _tokens[i + 2] is { Kind: ReferenceTokenKind.Word } end && end.Start == dash.End)
            {
                // The end's own steps go on past it only when their text is no known ID (the lexer joins known ones).
                var endRun = ReferenceLexer.CompoundRunEnd(text, end.Start);
                if (endRun == end.End && RangeEndsKnown(Slice(first), Slice(end)))
                {
                    return null;
                }
                if (endRun > end.End && endRun == runEnd && IsKnown(Slice(first)))
                {
                    whole = end;
                }
            }
            var j = i;
            while (j < _tokens.Count && _tokens[j].End <= runEnd)
            {
                j++;
            }
            if (j < _tokens.Count && _tokens[j].Start < runEnd)
            {
                // A token runs past the steps ('AC-2(9))'): leave it to the ordinary reading, which reports it whole.
                return null;
            }
            if (Resolve(text[whole.Start..runEnd], whole.Start, runEnd - whole.Start, clause) is { } c && whole == first)
            {
                Add([c], first.Start, runEnd - first.Start);
            }
            return j;
        }

        private bool IsKnown(string id) => column.FindIgnoreCase(id) is not null || ReferenceLexer.IsKnownAnywhere(catalogs, id);

        private bool RangeEndsKnown(string start, string end)
            => IsKnown(start)
                && ((Expand(start, end) is { } expanded && column.FindIgnoreCase(expanded) is not null) || ReferenceLexer.IsKnownAnywhere(catalogs, end));

        private void Range(ReferenceToken a, ReferenceToken b, bool clause)
        {
            var rangeStart = a.Start;
            var rangeLength = b.End - a.Start;
            var rangeText = text.Substring(rangeStart, rangeLength);
            if (Resolve(Slice(a), a.Start, a.Length, clause) is not { } from)
            {
                return;
            }
            if (ResolveRangeEnd(Slice(a), Slice(b), b, clause) is not { } to)
            {
                return;
            }
            if (from.Parent != to.Parent || from.Kind != to.Kind)
            {
                var why = from.Parent != to.Parent
                    ? $"'{from.Id}' is in {ReferenceIds.Place(from)} and '{to.Id}' is in {ReferenceIds.Place(to)}"
                    : $"'{from.Id}' is a {from.Kind} and '{to.Id}' is a {to.Kind}";
                Malformed(rangeStart, rangeLength, $"range '{rangeText}' is not over siblings: {why}",
                    "a range runs over criteria of one group, such as 'CC7.2-CC7.4'; list the others separately");
                return;
            }
            var siblings = from.Siblings;
            var ia = ReferenceIds.IndexIn(siblings, from);
            var ib = ReferenceIds.IndexIn(siblings, to);
            if (ia > ib)
            {
                Malformed(rangeStart, rangeLength, $"range '{rangeText}' is reversed", $"write '{to.Id}-{from.Id}'");
                return;
            }
            var members = new List<Criterion>(ib - ia + 1);
            for (var k = ia; k <= ib; k++)
            {
                members.Add(siblings[k]);
            }
            Add(members, rangeStart, rangeLength);
        }

        private Criterion? ResolveRangeEnd(string start, string end, ReferenceToken endToken, bool clause)
        {
            // 'CC7.2–7.4' and 'A.9.1-4' abbreviate the end: keep the start's prefix up to a digit run and keep its depth.
            var startPrefix = ReferenceIds.LeadingNonDigits(start);
            var endPrefix = ReferenceIds.LeadingNonDigits(end);
            var expanded = Expand(start, end);
            var abbreviatedFirst = startPrefix.Length > 0 && endPrefix.Length == 0;
            var order = abbreviatedFirst ? new[] { expanded, end } : [end, expanded];
            foreach (var candidate in order)
            {
                if (candidate is not null && column.FindIgnoreCase(candidate) is { } c)
                {
                    return c;
                }
            }
            var shown = abbreviatedFirst && expanded is not null ? expanded : end;
            return Resolve(shown, endToken.Start, endToken.Length, clause);
        }

        private static string? Expand(string start, string end)
        {
            var depth = ReferenceIds.Depth(start);
            for (var p = 1; p < start.Length; p++)
            {
                if (char.IsAsciiDigit(start[p]) && !char.IsAsciiDigit(start[p - 1]))
                {
                    var candidate = string.Concat(start.AsSpan(0, p), end);
                    if (ReferenceIds.Depth(candidate) == depth)
                    {
                        return candidate;
                    }
                }
            }
            return null;
        }
    }
}
