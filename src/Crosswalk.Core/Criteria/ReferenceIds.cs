namespace Crosswalk.Criteria;

/// <summary>What a word of a reference expression looks like as an ID, and where a criterion stands.</summary>
internal static class ReferenceIds
{
    public static string Place(Criterion c) => c.Parent is { } p ? $"'{p.Id}'" : "no group";

    public static int IndexIn(IReadOnlyList<Criterion> list, Criterion c)
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

    public static bool IsNumeric(string s) => s.Length > 0 && char.IsAsciiDigit(s[0]) && s.All(c => char.IsAsciiDigit(c) || c == '.');

    /// <summary>ID-shaped: has a digit, no empty dot segments ('CC7.9', 'A.9.1', '9.1', 'PI1').</summary>
    public static bool LooksLikeId(string s)
        => s.Any(char.IsAsciiDigit) && s[0] != '.' && s[^1] != '.' && !s.Contains("..", StringComparison.Ordinal) && s.Length <= 64;

    public static string LeadingNonDigits(string s)
    {
        var k = 0;
        while (k < s.Length && !char.IsAsciiDigit(s[k]))
        {
            k++;
        }
        return s[..k];
    }

    public static int Depth(string id) => id.Count(c => c == '.') + 1;
}
