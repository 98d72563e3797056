using System.Text;

namespace Crosswalk.Criteria;

/// <summary>Where generated criteria pages live (canonical site paths, without base_url).</summary>
public static class CriterionUrls
{
    /// <summary>The index of all catalogs.</summary>
    public const string Root = "/criteria/";

    /// <summary>A catalog's coverage matrix.</summary>
    public static string Catalog(Catalog catalog) => $"{Root}{Segment(catalog.Id)}/";

    /// <summary>A criterion's (or group's) page.</summary>
    public static string Of(Criterion criterion) => s_of.GetValue(criterion, static c => $"{Catalog(c.Catalog)}{Segment(c)}/");

    /// <summary>Page <paramref name="number"/> (from 2) of the documents claiming a criterion: the first is the criterion's page.</summary>
    public static string ClaimsPage(Criterion criterion, int number) => number <= 1 ? Of(criterion) : $"{Of(criterion)}page/{number}/";

    /// <summary>
    /// A criterion's URL segment, also its row id in the coverage matrix: from its OSCAL id when it has one, which is
    /// already URL-shaped (<c>ac-2.1</c>, where the label <c>AC-2(1)</c> would give <c>ac-2-1-</c>), else from its ID.
    /// </summary>
    public static string Segment(Criterion criterion)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        // Only an OSCAL id that also names the criterion: names are unique in a catalog ignoring case, so segments are too.
        var oscal = criterion.OscalId is { } o && criterion.AlternateIds.Contains(o, StringComparer.Ordinal) ? o : null;
        return Segment(oscal ?? criterion.Id);
    }

    // Every page links its criteria: each criterion's URL is made once.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Criterion, string> s_of = new();

    /// <summary>A lower-case URL segment: letters, digits, '.', '_' and '-' kept; anything else becomes '-'.</summary>
    public static string Segment(string id)
    {
        if (id.AsSpan().IndexOfAnyExcept(SegmentChars) < 0)
        {
            return id;
        }
        var sb = new StringBuilder(id.Length);
        foreach (var c in id.ToLowerInvariant())
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '-');
        }
        return sb.ToString();
    }

    private static readonly System.Buffers.SearchValues<char> SegmentChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789._-");
}
