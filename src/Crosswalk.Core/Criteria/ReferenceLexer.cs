namespace Crosswalk.Criteria;

/// <summary>What a token of a reference expression is.</summary>
internal enum ReferenceTokenKind
{
    Word,
    Dash,
    Separator,
    Other,
}

/// <summary>A token: its kind and where it stands in the text.</summary>
internal readonly record struct ReferenceToken(ReferenceTokenKind Kind, int Start, int Length)
{
    public int End => Start + Length;
}

/// <summary>
/// Splits a reference expression into words (IDs, <c>and</c> as a separator), dashes, separators and other text,
/// each with its place in the text, for <see cref="ReferenceParser"/>.
/// </summary>
internal static class ReferenceLexer
{
    public static List<ReferenceToken> Lex(string text, CatalogSet catalogs)
    {
        var tokens = new List<ReferenceToken>(16);
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
                tokens.Add(new ReferenceToken(ReferenceTokenKind.Separator, i, 1));
                i++;
                continue;
            }
            if (IsDash(c))
            {
                tokens.Add(new ReferenceToken(ReferenceTokenKind.Dash, i, 1));
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
                end = ExtendCompound(text, catalogs, i, end);
                var isAnd = end - i == 3 && string.Compare(text, i, "and", 0, 3, StringComparison.OrdinalIgnoreCase) == 0;
                tokens.Add(new ReferenceToken(isAnd ? ReferenceTokenKind.Separator : ReferenceTokenKind.Word, i, end - i));
                i = end;
                continue;
            }
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && !IsIdChar(text[i]) && !IsDash(text[i]) && text[i] is not (',' or ';'))
            {
                i++;
            }
            tokens.Add(new ReferenceToken(ReferenceTokenKind.Other, start, i - start));
        }
        return tokens;
    }

    /// <summary>
    /// User IDs may contain '-' and '(...)' (<c>ACME-01</c>, <c>AC-2(1)</c>): of the ways to extend the word by
    /// <c>-word</c> and <c>(word)</c> steps, take the longest whose text is a known ID, so <c>AC-2(1)</c> is one word
    /// while <c>AC-2-AC-4</c> stays a range.
    /// </summary>
    private static int ExtendCompound(string text, CatalogSet catalogs, int start, int end)
    {
        if (!catalogs.HasCompoundIds)
        {
            return end;
        }
        var best = end;
        // Bounded: an ID has at most a few parts, and each step costs a lookup per catalog.
        for (var steps = 0; steps < MaxCompoundSteps && NextStep(text, end) is var next && next > end; steps++)
        {
            end = next;
            if (IsKnownAnywhere(catalogs, text.AsSpan(start, end - start)))
            {
                best = end;
            }
        }
        return best;
    }

    private const int MaxCompoundSteps = 32;

    /// <summary>Where the run of '-' and '(...)' steps that starts at <paramref name="start"/> ends (<c>AC-99</c>, <c>AC-2(99)</c>).</summary>
    public static int CompoundRunEnd(string text, int start)
    {
        var end = start;
        while (end < text.Length && IsIdChar(text[end]))
        {
            end++;
        }
        for (var steps = 0; steps < MaxCompoundSteps && NextStep(text, end) is var next && next > end; steps++)
        {
            end = next;
        }
        return end;
    }

    /// <summary>The end of the step <c>-word</c> or <c>(word)</c> at <paramref name="end"/>, or <paramref name="end"/> when there is none.</summary>
    private static int NextStep(string text, int end)
    {
        if (end + 1 >= text.Length || text[end] is not ('-' or '(') || !IsIdChar(text[end + 1]))
        {
            return end;
        }
        var next = end + 1;
        while (next < text.Length && IsIdChar(text[next]))
        {
            next++;
        }
        if (text[end] == '(')
        {
            return next < text.Length && text[next] == ')' ? next + 1 : end;
        }
        return next;
    }

    /// <summary>True when some loaded catalog has <paramref name="id"/>, ignoring case.</summary>
    public static bool IsKnownAnywhere(CatalogSet catalogs, string id) => IsKnownAnywhere(catalogs, id.AsSpan());

    /// <summary>True when some loaded catalog has <paramref name="id"/>, ignoring case.</summary>
    public static bool IsKnownAnywhere(CatalogSet catalogs, ReadOnlySpan<char> id)
    {
        var all = catalogs.All;
        for (var i = 0; i < all.Count; i++)
        {
            if (all[i].FindIgnoreCase(id) is not null)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// True when <paramref name="name"/> lexes as one word once known: id characters joined by <c>-word</c> and
    /// <c>(word)</c> steps, without a leading, trailing or doubled '.', and not the separator <c>and</c>.
    /// </summary>
    public static bool IsReferenceName(string name)
        => name.Length is > 0 and <= 100 && IsIdChar(name[0]) && CompoundRunEnd(name, 0) == name.Length
            && name[0] != '.' && name[^1] != '.' && !name.Contains("..", StringComparison.Ordinal)
            && !string.Equals(name, "and", StringComparison.OrdinalIgnoreCase);

    public static bool IsIdChar(char c) => char.IsLetterOrDigit(c) || c is '.' or '_';

    public static bool IsDash(char c) => c is '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212';

    /// <summary>Matches an alias name at <paramref name="start"/> ignoring case; a space in the name matches any whitespace run.</summary>
    public static int? MatchAlias(string text, string name, int start)
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
}
