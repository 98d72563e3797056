using System.Text;
using Crosswalk.Output;

namespace Crosswalk.Criteria;

/// <summary>The coverage report as CSV: what <c>crosswalk coverage --format csv</c> prints and the bundle's coverage.csv holds.</summary>
public static class CoverageCsv
{
    // The header DESIGN.md fixes: pages lists every page covering the criterion, however it claims it.
    /// <summary>One line per criterion of each catalog: id, title, group and the titles of the pages covering it.</summary>
    public static string Write(CoverageSnapshot snapshot)
    {
        var sb = new StringBuilder("criterion,title,group,pages\n");
        foreach (var criterion in snapshot.Catalogs.SelectMany(c => c.Criteria))
        {
            sb.Append(CsvText.Line([criterion.Id, criterion.Title, criterion.Group ?? "", string.Join("; ", criterion.Pages.Select(p => p.Title))]));
        }
        return sb.ToString();
    }
}
