namespace Crosswalk.Content;

/// <summary>One controlled document on the reviews page and in <c>crosswalk reviews</c>.</summary>
/// <param name="Title">The page's title.</param>
/// <param name="Url">Its canonical URL (without base_url).</param>
/// <param name="Source">Its source file as reported (e.g. <c>content/compliance/policy.md</c>).</param>
/// <param name="Meta">Its front matter.</param>
/// <param name="Review">Its review state on the report's day.</param>
public sealed record ReviewRow(string Title, string Url, string Source, PageMeta Meta, ReviewState Review);

/// <summary>
/// Every controlled document with owner, version and reviews, sorted by due date (so the overdue come first, then
/// those due soon), documents without a due date last by title.
/// </summary>
public static class ReviewsReport
{
    /// <summary>The rows of <paramref name="pages"/> that are controlled documents, on <paramref name="today"/>.</summary>
    public static IReadOnlyList<ReviewRow> Rows(IEnumerable<ParsedPage> pages, DateOnly today, int warnDays) =>
        [.. pages.Where(p => p.Meta.IsControlled)
            .Select(p => new ReviewRow(p.Title, p.Url, p.Source.DisplayPath, p.Meta, ReviewState.Of(p.Meta, today, warnDays)))
            .OrderBy(r => r.Review.Due ?? DateOnly.MaxValue)
            .ThenBy(r => r.Title, StringComparer.OrdinalIgnoreCase)
            .ThenBy(r => r.Source, StringComparer.Ordinal)];

    /// <summary>How many rows have each status.</summary>
    public static (int Overdue, int DueSoon, int Current, int Undated) Count(IReadOnlyList<ReviewRow> rows) =>
        (rows.Count(r => r.Review.Status == ReviewStatus.Overdue), rows.Count(r => r.Review.Status == ReviewStatus.DueSoon),
         rows.Count(r => r.Review.Status == ReviewStatus.Current), rows.Count(r => r.Review.Status == ReviewStatus.None));
}
