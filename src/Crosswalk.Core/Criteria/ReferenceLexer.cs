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
                end = ExtendHyphenated(text, catalogs, i, end);
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

    /// <summary>User IDs may contain '-' (ACME-01); join 'ACME' '-' '01' when the joined text is a known ID.</summary>
    private static int ExtendHyphenated(string text, CatalogSet catalogs, int start, int end)
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
            if (!IsKnownAnywhere(catalogs, text[start..next]))
            {
                break;
            }
            end = next;
        }
        return end;
    }

    /// <summary>True when some loaded catalog has <paramref name="id"/>, ignoring case.</summary>
    public static bool IsKnownAnywhere(CatalogSet catalogs, string id) => catalogs.All.Any(c => c.FindIgnoreCase(id) is not null);

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
