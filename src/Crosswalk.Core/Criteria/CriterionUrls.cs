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
    public static string Of(Criterion criterion) => $"{Catalog(criterion.Catalog)}{Segment(criterion.Id)}/";

    /// <summary>A lower-case URL segment: letters, digits, '.', '_' and '-' kept; anything else becomes '-'.</summary>
    public static string Segment(string id)
    {
        var sb = new StringBuilder(id.Length);
        foreach (var c in id.ToLowerInvariant())
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '-');
        }
        return sb.ToString();
    }
}
