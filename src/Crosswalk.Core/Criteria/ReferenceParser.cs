using System.Globalization;
using System.Text;
using Crosswalk.Diagnostics;

namespace Crosswalk.Criteria;

/// <summary>
/// Parses reference expressions such as <c>CC7.2, CC7.3</c>, <c>CC7.2–7.4</c>, <c>A.9.1-A.9.4</c>, <c>A.16.1</c>,
/// <c>All TSC</c> or <c>Clause 9, 10</c> against the catalog of a column. Never throws: every problem is a
/// <see cref="ReferenceProblem"/> whose span lies inside the text.
/// </summary>
/// <remarks>
/// Grammar (whitespace between tokens is free):
/// <code>
/// expression := none | item (separator item)*
/// none       := "" | "N/A" | "-" | "–" | "—"
/// separator  := "," | ";" | "and"
/// item       := alias | ("Clause" | "Clauses") ref | ref
/// ref        := id | id dash id          dash := "-" | "–" | "—"; the end may be abbreviated: CC7.2–7.4
/// </code>
/// After <c>Clause</c>, following bare numbers are clauses too (<c>Clause 9, 10</c>).
/// </remarks>
public static class ReferenceParser
{
    // A cell with more problems than this is garbage; stop rather than report thousands of them.
    private const int MaxProblems = 50;

    /// <summary>Parses <paramref name="text"/> as references to <paramref name="columnCatalog"/>.</summary>
    /// <param name="text">The cell or value text.</param>
    /// <param name="columnCatalog">The catalog the column (or front-matter key) is mapped to.</param>
    /// <param name="catalogs">All loaded catalogs: for CW3002 (ID of another catalog) and CW3005 successor hints.</param>
    /// <param name="place">How messages name where the text stands, e.g. <c>column 'SOC2 Mapping'</c>; default: the catalog.</param>
    public static ReferenceParseResult Parse(string text, Catalog columnCatalog, CatalogSet catalogs, string? place = null)
    {
        ArgumentNullException.ThrowIfNull(columnCatalog);
        ArgumentNullException.ThrowIfNull(catalogs);
        text ??= "";
        if (IsNoneText(text))
        {
            return new ReferenceParseResult([], [], IsNone: true);
        }
        var state = new State(text, columnCatalog, catalogs, place ?? $"catalog '{columnCatalog.Id}'");
        state.Run();
        return new ReferenceParseResult(state.References, state.Problems, IsNone: false);
    }

    /// <summary>True for text that explicitly means "no claim": empty, whitespace, <c>N/A</c>, <c>-</c>, <c>–</c> or <c>—</c>.</summary>
    public static bool IsNoneText(string? text)
    {
        var t = (text ?? "").Trim();
        return t.Length == 0 || t is "-" or "\u2013" or "\u2014" || string.Equals(t, "N/A", StringComparison.OrdinalIgnoreCase);
    }

    private enum TokenKind
    {
        Word,
        Dash,
        Separator,
        Other,
    }

    private readonly record struct Token(TokenKind Kind, int Start, int Length)
    {
        public int End => Start + Length;
    }

    private sealed class State(string text, Catalog column, CatalogSet catalogs, string place)
    {
        private readonly List<Token> _tokens = new(16);
        private Dictionary<string, string?>? _helpCache;
        private bool _clauseMode;
        private bool _stopped;

        public List<ParsedReference> References { get; } = [];

        public List<ReferenceProblem> Problems { get; } = [];

        public void Run()
        {
            Lex();
            var i = 0;
            var expectItem = true;
            Token? lastSeparator = null;
            while (i < _tokens.Count && !_stopped)
            {
                var t = _tokens[i];
                if (t.Kind == TokenKind.Separator)
                {
                    // ", and" (the serial comma) is one separator, not an empty item.
                    var serialAnd = lastSeparator is { } sep && sep.End <= t.Start && text[sep.Start] is ',' or ';'
                        && text[t.Start] is 'a' or 'A' && _tokens[i - 1].Equals(sep);
                    if (expectItem && !serialAnd)
                    {
                        var where = lastSeparator is { } prev ? $"between '{Slice(prev)}' and '{Slice(t)}'" : $"before '{Slice(t)}'";
                        Malformed(t.Start, t.Length, $"expected a criterion ID {where}", "remove the extra separator");
                    }
                    lastSeparator = t;
                    expectItem = true;
                    i++;
                    continue;
                }
                if (!expectItem)
                {
                    // The previous item ended without a separator.
                    if (t.Kind == TokenKind.Word && LooksLikeId(Slice(t)))
                    {
                        var before = _tokens[i - 1];
                        Malformed(t.Start, t.Length, $"missing separator before '{Slice(t)}'",
                            $"separate criteria with ',', ';' or 'and': '{Slice(before)}, {Slice(t)}'");
                    }
                    else
                    {
                        var end = SeparatorFrom(i);
                        var span = SpanOf(i, end);
                        Malformed(span.Start, span.Length, $"unexpected '{Show(span)}' after '{Slice(_tokens[i - 1])}'", NoiseHelp(span));
                        i = end;
                        continue;
                    }
                }
                i = ParseItem(i);
                expectItem = false;
            }
            if (expectItem && lastSeparator is { } trailing && !_stopped)
            {
                Malformed(trailing.Start, trailing.Length, $"expected a criterion ID after '{Slice(trailing)}'", "remove the trailing separator");
            }
        }

        private int ParseItem(int i)
        {
            var t = _tokens[i];
            if (TryAlias(i, out var next))
            {
                _clauseMode = false;
                return next;
            }
            if (t.Kind == TokenKind.Word && Slice(t) is var word && (word.Equals("Clause", StringComparison.OrdinalIgnoreCase)
                || word.Equals("Clauses", StringComparison.OrdinalIgnoreCase)))
            {
                if (i + 1 >= _tokens.Count || _tokens[i + 1].Kind != TokenKind.Word || !IsNumeric(Slice(_tokens[i + 1])))
                {
                    var end = SeparatorFrom(i + 1);
                    var span = SpanOf(i, end);
                    Malformed(span.Start, span.Length, $"'{word}' must be followed by a clause number, as in 'Clause 9.1'",
                        "write 'Clause' then clause numbers separated by ',', ';' or 'and', as in 'Clause 9, 10'");
                    _clauseMode = false;
                    return end;
                }
                _clauseMode = true;
                return ParseRef(i + 1, clause: true);
            }
            if (t.Kind == TokenKind.Word)
            {
                var isNumber = IsNumeric(Slice(t));
                _clauseMode &= isNumber;
                if (!Slice(t).Any(char.IsAsciiDigit) && !IsKnownAnywhere(Slice(t)))
                {
                    if (SpanOf(i, SeparatorFrom(i)) is var none && IsNoneText(text.Substring(none.Start, none.Length)))
                    {
                        Malformed(none.Start, none.Length, $"'{Show(none)}' means no claim and cannot be combined with criteria",
                            $"remove '{Show(none)}' or the criteria");
                        return SeparatorFrom(i);
                    }
                    // Words such as 'All SOC' or 'Partial': report the whole item once.
                    var end = SeparatorFrom(i);
                    var span = SpanOf(i, end);
                    var shown = Show(span);
                    var help = HelpFor(shown, aliasesToo: true) ?? GrammarHelp();
                    Malformed(span.Start, span.Length, $"'{shown}' is not a criterion ID or alias of catalog '{column.Id}'", help);
                    return end;
                }
                return ParseRef(i, clause: _clauseMode);
            }
            {
                var end = SeparatorFrom(i);
                var span = SpanOf(i, end);
                Malformed(span.Start, span.Length, $"unexpected '{Show(span)}'", NoiseHelp(span));
                return end;
            }
        }

        private int ParseRef(int i, bool clause)
        {
            var first = _tokens[i];
            if (i + 1 < _tokens.Count && _tokens[i + 1].Kind == TokenKind.Dash)
            {
                var dash = _tokens[i + 1];
                if (i + 2 < _tokens.Count && _tokens[i + 2].Kind == TokenKind.Word)
                {
                    Range(first, _tokens[i + 2], clause);
                    return i + 3;
                }
                if (i + 2 < _tokens.Count && _tokens[i + 2].Kind != TokenKind.Separator)
                {
                    var end = SeparatorFrom(i + 2);
                    var span = SpanOf(i, end);
                    Malformed(span.Start, span.Length, $"malformed range '{Show(span)}'", GrammarHelp());
                    return end;
                }
                Malformed(first.Start, dash.End - first.Start, $"range '{text[first.Start..dash.End]}' has no end",
                    $"write both ends, as in '{Slice(first)}-...', or drop the '{Slice(dash)}'");
                return i + 2;
            }
            if (Resolve(Slice(first), first.Start, first.Length, clause) is { } c)
            {
                Add([c], first.Start, first.Length);
            }
            return i + 1;
        }

        private void Range(Token a, Token b, bool clause)
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
                    ? $"'{from.Id}' is in {Place(from)} and '{to.Id}' is in {Place(to)}"
                    : $"'{from.Id}' is a {from.Kind} and '{to.Id}' is a {to.Kind}";
                Malformed(rangeStart, rangeLength, $"range '{rangeText}' is not over siblings: {why}",
                    "a range runs over criteria of one group, such as 'CC7.2-CC7.4'; list the others separately");
                return;
            }
            var siblings = from.Siblings;
            var ia = IndexIn(siblings, from);
            var ib = IndexIn(siblings, to);
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

        private Criterion? ResolveRangeEnd(string start, string end, Token endToken, bool clause)
        {
            // 'CC7.2–7.4' and 'A.9.1-4' abbreviate the end: keep the start's prefix up to a digit run and keep its depth.
            var startPrefix = LeadingNonDigits(start);
            var endPrefix = LeadingNonDigits(end);
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
            var depth = Depth(start);
            for (var p = 1; p < start.Length; p++)
            {
                if (char.IsAsciiDigit(start[p]) && !char.IsAsciiDigit(start[p - 1]))
                {
                    var candidate = string.Concat(start.AsSpan(0, p), end);
                    if (Depth(candidate) == depth)
                    {
                        return candidate;
                    }
                }
            }
            return null;
        }

        private Criterion? Resolve(string id, int start, int length, bool clause)
        {
            if (column.FindIgnoreCase(id) is { } found)
            {
                return found;
            }
            var what = clause ? "clause" : "criterion";
            var others = catalogs.All.Where(c => c != column && c.FindIgnoreCase(id) is not null).ToList();
            if (others.Count > 0)
            {
                var canonical = others[0].FindIgnoreCase(id)!.Id;
                var names = Join(others.Select(c => $"'{c.Id}'"));
                Problem(DiagnosticDescriptors.WrongCatalog, start, length,
                    $"{what} '{canonical}' is not in {place} but in {names}",
                    $"reference it in a column mapped to {names}, or use a criterion of '{column.Id}'");
                return null;
            }
            if (LooksLikeId(id))
            {
                Problem(DiagnosticDescriptors.UnknownCriterion, start, length,
                    $"unknown {what} '{id}' in {place}", HelpFor(id, aliasesToo: false));
                return null;
            }
            Malformed(start, length, $"'{id}' is not a well-formed criterion ID", HelpFor(id, aliasesToo: false) ?? GrammarHelp());
            return null;
        }

        private bool TryAlias(int i, out int next)
        {
            next = i;
            var start = _tokens[i].Start;
            // Runs for every item of every mapping cell: indexed loops, since enumerating the interfaces allocates.
            var ordered = catalogs.StartingWith(column);
            for (var c = 0; c < ordered.Count; c++)
            {
                var catalog = ordered[c];
                for (var a = 0; a < catalog.Aliases.Count; a++)
                {
                    var alias = catalog.Aliases[a];
                    if (MatchAlias(alias.Name, start) is not { } endChar)
                    {
                        continue;
                    }
                    // The alias must end on a token boundary followed by a separator or the end.
                    var j = i;
                    while (j < _tokens.Count && _tokens[j].End <= endChar)
                    {
                        j++;
                    }
                    if (j < _tokens.Count && (_tokens[j].Start < endChar || _tokens[j].Kind != TokenKind.Separator))
                    {
                        continue;
                    }
                    next = j;
                    var length = endChar - start;
                    if (catalog == column)
                    {
                        Add(alias.Criteria, start, length);
                    }
                    else
                    {
                        Problem(DiagnosticDescriptors.WrongCatalog, start, length,
                            $"alias '{alias.Name}' is not in {place} but in '{catalog.Id}'",
                            column.Aliases.Count > 0
                                ? $"aliases of '{column.Id}': {string.Join(", ", column.Aliases.Select(a => $"'{a.Name}'"))}"
                                : $"reference it in a column mapped to '{catalog.Id}'");
                    }
                    return true;
                }
            }
            return false;
        }

        /// <summary>Matches an alias name at <paramref name="start"/> ignoring case; a space in the name matches any whitespace run.</summary>
        private int? MatchAlias(string name, int start)
        {
            var p = start;
            for (var k = 0; k < name.Length; k++)
            {
                if (char.IsWhiteSpace(name[k]))
                {
                    if (p >= text.Length || !char.IsWhiteSpace(text[p]))
                    {
                        return null;
                    }
                    while (p < text.Length && char.IsWhiteSpace(text[p]))
                    {
                        p++;
                    }
                    continue;
                }
                if (p >= text.Length || char.ToUpperInvariant(text[p]) != char.ToUpperInvariant(name[k]))
                {
                    return null;
                }
                p++;
            }
            return p;
        }

        private void Add(IReadOnlyList<Criterion> criteria, int start, int length)
        {
            foreach (var c in criteria)
            {
                References.Add(new ParsedReference(c, start, length));
            }
            Withdrawn(criteria, start, length);
        }

        private void Withdrawn(IReadOnlyList<Criterion> criteria, int start, int length)
        {
            if (column.Withdrawn is not { } w)
            {
                return;
            }
            var applicable = criteria.Where(w.AppliesTo).ToList();
            if (applicable.Count == 0)
            {
                return;
            }
            var successors = applicable.SelectMany(catalogs.Successors).Distinct().OrderBy(c => c.Index).ToList();
            var shown = text.Substring(start, length).Trim();
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
            Problem(DiagnosticDescriptors.WithdrawnEdition, start, length, message,
                $"map this to {successorName} (catalog '{w.SuccessorId}') instead");
        }

        private void Lex()
        {
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (char.IsWhiteSpace(c))
                {
                    i++;
                    continue;
                }
                if (c is ',' or ';')
                {
                    _tokens.Add(new Token(TokenKind.Separator, i, 1));
                    i++;
                    continue;
                }
                if (IsDash(c))
                {
                    _tokens.Add(new Token(TokenKind.Dash, i, 1));
                    i++;
                    continue;
                }
                if (IsIdChar(c))
                {
                    var end = i;
                    while (end < text.Length && IsIdChar(text[end]))
                    {
                        end++;
                    }
                    end = ExtendHyphenated(i, end);
                    var isAnd = end - i == 3 && string.Compare(text, i, "and", 0, 3, StringComparison.OrdinalIgnoreCase) == 0;
                    _tokens.Add(new Token(isAnd ? TokenKind.Separator : TokenKind.Word, i, end - i));
                    i = end;
                    continue;
                }
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && !IsIdChar(text[i]) && !IsDash(text[i]) && text[i] is not (',' or ';'))
                {
                    i++;
                }
                _tokens.Add(new Token(TokenKind.Other, start, i - start));
            }
        }

        /// <summary>User IDs may contain '-' (ACME-01); join 'ACME' '-' '01' when the joined text is a known ID.</summary>
        private int ExtendHyphenated(int start, int end)
        {
            if (!catalogs.HasHyphenatedIds)
            {
                return end;
            }
            while (end + 1 < text.Length && text[end] == '-' && IsIdChar(text[end + 1]))
            {
                var next = end + 1;
                while (next < text.Length && IsIdChar(text[next]))
                {
                    next++;
                }
                if (!IsKnownAnywhere(text[start..next]))
                {
                    break;
                }
                end = next;
            }
            return end;
        }

        private bool IsKnownAnywhere(string id) => catalogs.All.Any(c => c.FindIgnoreCase(id) is not null);

        private string? HelpFor(string input, bool aliasesToo)
        {
            _helpCache ??= new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            if (_helpCache.TryGetValue(input, out var cached))
            {
                return cached;
            }
            // Bound the work on garbage input: suggestions for the first few distinct words only.
            if (_helpCache.Count >= 16)
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
            _helpCache[input] = help;
            return help;
        }

        private string GrammarHelp()
        {
            var leaf = column.Criteria.FirstOrDefault(c => c.IsLeaf && c.Siblings.Count > 1) ?? column.Criteria.FirstOrDefault();
            var example = leaf is null ? "ID" : $"{leaf.Siblings[0].Id}, {leaf.Siblings[1 % leaf.Siblings.Count].Id}";
            var range = leaf is null ? "X-Y" : $"{leaf.Siblings[0].Id}-{leaf.Siblings[Math.Min(2, leaf.Siblings.Count - 1)].Id}";
            var alias = column.Aliases.Count > 0 ? $", an alias such as '{column.Aliases[0].Name}'" : "";
            return $"write criterion IDs of '{column.Id}' separated by ',', ';' or 'and' (e.g. '{example}'), ranges like '{range}'{alias}, or N/A";
        }

        private string? NoiseHelp((int Start, int Length) span)
        {
            var s = text.Substring(span.Start, span.Length);
            return s.IndexOfAny(['*', '`', '[', ']', '_', '~', '<', '>', '(', ')']) >= 0
                ? "write plain IDs without Markdown formatting, links or comments"
                : GrammarHelp();
        }

        private void Malformed(int start, int length, string message, string? help)
            => Problem(DiagnosticDescriptors.MalformedReference, start, length, message, help);

        private void Problem(DiagnosticDescriptor descriptor, int start, int length, string message, string? help)
        {
            if (_stopped)
            {
                return;
            }
            if (Problems.Count >= MaxProblems)
            {
                Problems.Add(new ReferenceProblem(DiagnosticDescriptors.MalformedReference,
                    $"too many problems; the rest of this text ({text.Length - start} characters) was not read", null, start, length));
                _stopped = true;
                return;
            }
            Problems.Add(new ReferenceProblem(descriptor, message, help, start, length));
        }

        private int SeparatorFrom(int i)
        {
            while (i < _tokens.Count && _tokens[i].Kind != TokenKind.Separator)
            {
                i++;
            }
            return i;
        }

        private (int Start, int Length) SpanOf(int from, int toExclusive)
        {
            if (from >= toExclusive)
            {
                var t = _tokens[Math.Min(from, _tokens.Count - 1)];
                return (t.Start, t.Length);
            }
            return (_tokens[from].Start, _tokens[toExclusive - 1].End - _tokens[from].Start);
        }

        private string Slice(Token t) => text.Substring(t.Start, t.Length);

        /// <summary>The text of a span for a message: long spans shortened, invisible characters shown as U+XXXX.</summary>
        private string Show((int Start, int Length) span)
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

        private static string Place(Criterion c) => c.Parent is { } p ? $"'{p.Id}'" : "no group";

        private static int IndexIn(IReadOnlyList<Criterion> list, Criterion c)
        {
            for (var k = 0; k < list.Count; k++)
            {
                if (ReferenceEquals(list[k], c))
                {
                    return k;
                }
            }
            return -1;
        }

        private static string Join(IEnumerable<string> items)
        {
            var list = items.ToList();
            return list.Count <= 1 ? string.Concat(list) : $"{string.Join(", ", list.Take(list.Count - 1))} and {list[^1]}";
        }

        private static bool IsIdChar(char c) => char.IsLetterOrDigit(c) || c is '.' or '_';

        private static bool IsDash(char c) => c is '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212';

        private static bool IsNumeric(string s) => s.Length > 0 && char.IsAsciiDigit(s[0]) && s.All(c => char.IsAsciiDigit(c) || c == '.');

        /// <summary>ID-shaped: has a digit, no empty dot segments ('CC7.9', 'A.9.1', '9.1', 'PI1').</summary>
        private static bool LooksLikeId(string s)
            => s.Any(char.IsAsciiDigit) && s[0] != '.' && s[^1] != '.' && !s.Contains("..", StringComparison.Ordinal) && s.Length <= 64;

        private static string LeadingNonDigits(string s)
        {
            var k = 0;
            while (k < s.Length && !char.IsAsciiDigit(s[k]))
            {
                k++;
            }
            return s[..k];
        }

        private static int Depth(string id) => id.Count(c => c == '.') + 1;
    }
}
