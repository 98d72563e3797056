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
/// After <c>Clause</c>, following bare numbers are clauses too (<c>Clause 9, 10</c>). IDs with '-' and '(...)'
/// (<c>OPS-1</c>, <c>AC-2(1)</c>) are one word where the text is a known ID; see <c>ReferenceParser.Ranges.cs</c> for
/// how a glued run that is none (<c>AC-99</c>) is read.
/// </remarks>
public static partial class ReferenceParser
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

    private sealed partial class State(string text, Catalog column, CatalogSet catalogs, string place)
    {
        private readonly List<ReferenceToken> _tokens = ReferenceLexer.Lex(text, catalogs);
        private readonly ReferenceHelp _help = new(text, column);
        private bool _clauseMode;
        private bool _stopped;

        public List<ParsedReference> References { get; } = [];

        public List<ReferenceProblem> Problems { get; } = [];

        public void Run()
        {
            var i = 0;
            var expectItem = true;
            ReferenceToken? lastSeparator = null;
            while (i < _tokens.Count && !_stopped)
            {
                var t = _tokens[i];
                if (t.Kind == ReferenceTokenKind.Separator)
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
                    if (t.Kind == ReferenceTokenKind.Word && ReferenceIds.LooksLikeId(Slice(t)))
                    {
                        var before = _tokens[i - 1];
                        Malformed(t.Start, t.Length, $"missing separator before '{Slice(t)}'",
                            $"separate criteria with ',', ';' or 'and': '{Slice(before)}, {Slice(t)}'");
                    }
                    else
                    {
                        var end = SeparatorFrom(i);
                        var span = SpanOf(i, end);
                        Malformed(span.Start, span.Length, $"unexpected '{ReferenceMessages.Show(text, span)}' after '{Slice(_tokens[i - 1])}'", _help.Noise(span));
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
            if (t.Kind == ReferenceTokenKind.Word && Slice(t) is var word && (word.Equals("Clause", StringComparison.OrdinalIgnoreCase)
                || word.Equals("Clauses", StringComparison.OrdinalIgnoreCase)))
            {
                if (i + 1 >= _tokens.Count || _tokens[i + 1].Kind != ReferenceTokenKind.Word || !ReferenceIds.IsNumeric(Slice(_tokens[i + 1])))
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
            if (t.Kind == ReferenceTokenKind.Word)
            {
                var isNumber = ReferenceIds.IsNumeric(Slice(t));
                _clauseMode &= isNumber;
                if (!Slice(t).Any(char.IsAsciiDigit) && !ReferenceLexer.IsKnownAnywhere(catalogs, Slice(t)))
                {
                    if (SpanOf(i, SeparatorFrom(i)) is var none && IsNoneText(text.Substring(none.Start, none.Length)))
                    {
                        Malformed(none.Start, none.Length, $"'{ReferenceMessages.Show(text, none)}' means no claim and cannot be combined with criteria",
                            $"remove '{ReferenceMessages.Show(text, none)}' or the criteria");
                        return SeparatorFrom(i);
                    }
                    // Words such as 'All SOC' or 'Partial': report the whole item once.
                    var end = SeparatorFrom(i);
                    var span = SpanOf(i, end);
                    var shown = ReferenceMessages.Show(text, span);
                    var help = _help.For(shown, aliasesToo: true) ?? _help.Grammar();
                    Malformed(span.Start, span.Length, $"'{shown}' is not a criterion ID or alias of catalog '{column.Id}'", help);
                    return end;
                }
                return ParseRef(i, clause: _clauseMode);
            }
            {
                var end = SeparatorFrom(i);
                var span = SpanOf(i, end);
                Malformed(span.Start, span.Length, $"unexpected '{ReferenceMessages.Show(text, span)}'", _help.Noise(span));
                return end;
            }
        }

        private int ParseRef(int i, bool clause)
        {
            if (column.HasCompoundIds && GluedRun(i, clause) is { } next)
            {
                return next;
            }
            var first = _tokens[i];
            if (i + 1 < _tokens.Count && _tokens[i + 1].Kind == ReferenceTokenKind.Dash)
            {
                var dash = _tokens[i + 1];
                if (i + 2 < _tokens.Count && _tokens[i + 2].Kind == ReferenceTokenKind.Word)
                {
                    Range(first, _tokens[i + 2], clause);
                    return i + 3;
                }
                if (i + 2 < _tokens.Count && _tokens[i + 2].Kind != ReferenceTokenKind.Separator)
                {
                    var end = SeparatorFrom(i + 2);
                    var span = SpanOf(i, end);
                    Malformed(span.Start, span.Length, $"malformed range '{ReferenceMessages.Show(text, span)}'", _help.Grammar());
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

        private Criterion? Resolve(string id, int start, int length, bool clause)
        {
            if (column.FindIgnoreCase(id) is { } found)
            {
                return found;
            }
            var what = clause ? "clause" : "criterion";
            if (column.FindWithdrawn(id) is { } gone)
            {
                Problem(DiagnosticDescriptors.UnknownCriterion, start, length, $"{what} '{gone.Id}' is withdrawn from catalog '{column.Id}'",
                    gone.IncorporatedInto.Count > 0
                        ? $"it was incorporated into {ReferenceMessages.Join(gone.IncorporatedInto.Select(c => $"'{c.Id}'"))}; reference that instead"
                        : "remove it");
                return null;
            }
            var others = catalogs.All.Where(c => c != column && c.FindIgnoreCase(id) is not null).ToList();
            if (others.Count > 0)
            {
                var canonical = others[0].FindIgnoreCase(id)!.Id;
                var names = ReferenceMessages.Join(others.Select(c => $"'{c.Id}'"));
                Problem(DiagnosticDescriptors.WrongCatalog, start, length,
                    $"{what} '{canonical}' is not in {place} but in {names}",
                    $"reference it in a column mapped to {names}, or use a criterion of '{column.Id}'");
                return null;
            }
            if (ReferenceIds.LooksLikeId(id))
            {
                Problem(DiagnosticDescriptors.UnknownCriterion, start, length,
                    $"unknown {what} '{id}' in {place}", _help.For(id, aliasesToo: false));
                return null;
            }
            Malformed(start, length, $"'{id}' is not a well-formed criterion ID", _help.For(id, aliasesToo: false) ?? _help.Grammar());
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
                    if (ReferenceLexer.MatchAlias(text, alias.Name, start) is not { } endChar)
                    {
                        continue;
                    }
                    // The alias must end on a token boundary followed by a separator or the end.
                    var j = i;
                    while (j < _tokens.Count && _tokens[j].End <= endChar)
                    {
                        j++;
                    }
                    if (j < _tokens.Count && (_tokens[j].Start < endChar || _tokens[j].Kind != ReferenceTokenKind.Separator))
                    {
                        continue;
                    }
                    next = j;
                    var length = endChar - start;
                    if (catalog == column)
                    {
                        Add(alias.Criteria, start, length, alias.Name);
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

        private void Add(IReadOnlyList<Criterion> criteria, int start, int length, string? via = null)
        {
            foreach (var c in criteria)
            {
                References.Add(new ParsedReference(c, start, length, via));
            }
            Withdrawn(criteria, start, length);
        }

        private void Withdrawn(IReadOnlyList<Criterion> criteria, int start, int length)
        {
            if (ReferenceMessages.Withdrawn(column, catalogs, criteria, text.Substring(start, length).Trim()) is var (message, help))
            {
                Problem(DiagnosticDescriptors.WithdrawnEdition, start, length, message, help);
            }
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
            while (i < _tokens.Count && _tokens[i].Kind != ReferenceTokenKind.Separator)
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

        private string Slice(ReferenceToken t) => text.Substring(t.Start, t.Length);
    }
}
