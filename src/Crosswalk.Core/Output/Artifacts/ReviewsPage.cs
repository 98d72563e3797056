using System.Globalization;
using System.Text;
using Crosswalk.Config;
using Crosswalk.Content;
using Crosswalk.Markdown;
using Crosswalk.Pipeline;
using Crosswalk.Templates;

namespace Crosswalk.Output;

/// <summary>
/// The reviews page (<c>reviews.page</c>, default <c>/reviews/</c>): every controlled document with owner, version,
/// last and next review and status, sorted by due date.
/// </summary>
internal sealed class ReviewsPage : IArtifact
{
    /// <summary>
    /// The reviews page's URL: <c>reviews.page</c> when some page is a controlled document, else null (a site with
    /// none has no reviews page, and its own page may have the URL).
    /// </summary>
    public static string? Url(SiteConfig config, IEnumerable<ParsedPage> pages) =>
        config.Reviews.Page is { } url && pages.Any(p => p.Meta.IsControlled) ? url : null;

    public IEnumerable<(string Path, string Owner)> Reserve(BuildContext context, SiteInputs inputs, IReadOnlyList<ParsedPage> pages) =>
        Url(context.Config, pages) is { } url ? [(UrlModel.OutputPath(url), "the reviews page (reviews.page in site.yml)")] : [];

    public IEnumerable<OutputFile> Files(RenderModel model) =>
        Url(model.Config, model.Site.Pages) is { } url ? [new ReviewsFile(url)] : [];

    private sealed class ReviewsFile(string url) : OutputFile
    {
        public override string Path => UrlModel.OutputPath(url);

        // The rows are made from every page's front matter and the day: the structure alone does not show an edit to a date.
        public override ulong Fingerprint(RenderModel model)
        {
            var fnv = new Fnv().Add(model.Signatures.Structure).Add(model.Renderer.Today.DayNumber);
            foreach (var row in Rows(model))
            {
                fnv = fnv.Add(row.Title).Add(row.Url).Add(row.Meta.Owner ?? "").Add(row.Meta.Version ?? "")
                    .Add(row.Meta.LastReviewed?.DayNumber ?? 0).Add(row.Review.Due?.DayNumber ?? 0);
            }
            return fnv.Value;
        }

        public override bool Write(RenderModel model, RenderTarget target)
        {
            var view = new PageView
            {
                Title = "Document reviews",
                Url = url,
                Kind = "reviews",
                Summary = null,
                ContentHtml = Content(model, Rows(model)),
                Breadcrumbs = model.Site.Navigation.Home is { } home ? [(home.NavTitle, home.Url)] : [],
            };
            var buffer = target.Buffer();
            if (!model.Renderer.Render(view, buffer, target.Diagnostics, model.LiveReload))
            {
                return false;
            }
            target.WritePage(model, Path, view, buffer);
            return true;
        }

        // A file is made for one build (Files), whose fingerprint and write read the same rows: made once.
        private IReadOnlyList<ReviewRow>? _rows;

        private IReadOnlyList<ReviewRow> Rows(RenderModel model) =>
            _rows ??= ReviewsReport.Rows(model.Site.Pages, model.Renderer.Today, model.Config.Reviews.WarnDays);

        private static string Content(RenderModel model, IReadOnlyList<ReviewRow> rows)
        {
            var today = model.Renderer.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var sb = new StringBuilder();
            if (rows.Count == 0)
            {
                sb.Append("<p>No page is a controlled document yet: give a page an <code>owner</code>, a <code>version</code> or review dates in its front matter.</p>\n");
                return sb.ToString();
            }
            var (overdue, dueSoon, current, undated) = ReviewsReport.Count(rows);
            sb.Append(CultureInfo.InvariantCulture, $"<p class=\"cw-reviews-summary\">{rows.Count} controlled document{(rows.Count == 1 ? "" : "s")} on <time datetime=\"{today}\">{today}</time>: ")
              .Append(CultureInfo.InvariantCulture, $"{overdue} overdue, {dueSoon} due soon, {current} current")
              .Append(undated > 0 ? string.Create(CultureInfo.InvariantCulture, $", {undated} without a review date") : "").Append(".</p>\n");
            sb.Append("<div class=\"cw-table-wrap\"><table class=\"cw-reviews-table\">\n<caption>Controlled documents by next review date</caption>\n")
              .Append("<thead><tr><th scope=\"col\">Document</th><th scope=\"col\">Owner</th><th scope=\"col\">Version</th><th scope=\"col\">Last reviewed</th>")
              .Append("<th scope=\"col\">Next review</th><th scope=\"col\">Status</th></tr></thead>\n<tbody>\n");
            foreach (var row in rows)
            {
                sb.Append("<tr><th scope=\"row\"><a href=\"").Append(HtmlEscape.Text(model.Renderer.PublicUrl(row.Url))).Append("\">")
                  .Append(HtmlEscape.Text(row.Title)).Append("</a></th><td>").Append(HtmlEscape.Text(row.Meta.Owner ?? "—"))
                  .Append("</td><td>").Append(HtmlEscape.Text(row.Meta.Version ?? "—")).Append("</td><td>").Append(Date(row.Meta.LastReviewed))
                  .Append("</td><td>").Append(Date(row.Review.Due)).Append("</td><td><span class=\"cw-review-status cw-review-").Append(row.Review.Token).Append("\">")
                  .Append(HtmlEscape.Text(row.Review.Label)).Append("</span></td></tr>\n");
            }
            sb.Append("</tbody>\n</table></div>\n");
            return sb.ToString();
        }

        private static string Date(DateOnly? date) => date is { } d
            ? $"<time datetime=\"{IsoDate.Format(d)}\">{IsoDate.Format(d)}</time>"
            : "—";
    }
}
