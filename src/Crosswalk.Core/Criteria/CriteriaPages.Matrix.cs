using System.Globalization;
using System.Text;
using Crosswalk.Content;
using Crosswalk.Markdown;
using Crosswalk.Templates;

namespace Crosswalk.Criteria;

/// <summary>The coverage matrix of each catalog: criteria × documents, each cell saying how a document claims a criterion.</summary>
public sealed partial class CriteriaPages
{
    private PageView MatrixPage(Catalog catalog) => new()
    {
        Title = catalog.Name,
        Url = CriterionUrls.Catalog(catalog),
        ContentHtml = withContent ? MatrixContent(catalog) : "",
        Kind = "coverage",
        Summary = $"Coverage of {catalog.Name} by the site's documents.",
        // No table of contents: the matrix needs the width more than two entries need a sidebar.
        Breadcrumbs = Trail(("Criteria", CriterionUrls.Root)),
    };

    private string MatrixContent(Catalog catalog)
    {
        var documents = claims.All.Where(c => c.Criterion.Catalog == catalog).Select(c => c.Page).Distinct()
            .OrderBy(p => p.NavTitle, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Url, StringComparer.Ordinal).ToList();
        var (leafCount, direct, inherited, _) = Totals(catalog);
        var gaps = catalog.Criteria.Where(c => c.IsLeaf && claims.CoverageOf(c) == Coverage.Gap).ToList();

        var sb = new StringBuilder();
        if (catalog.Withdrawn is { } w)
        {
            sb.Append("<p><strong>Withdrawn</strong> on ").Append(w.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
              .Append("; superseded by ").Append(catalogs.Get(w.SuccessorId) is { } successor ? Link(CriterionUrls.Catalog(successor), successor.Name) : HtmlEscape.Text(w.SuccessorId))
              .Append(".</p>\n");
        }
        // An alias such as All TSC covers every criterion: the totals say how much is claimed criterion by criterion.
        sb.Append("<p class=\"cw-coverage-totals\">").Append(direct).Append(" of ").Append(leafCount).Append(" criteria claimed directly; ")
          .Append(inherited).Append(" only through a group or alias; ").Append(gaps.Count).Append(gaps.Count == 1 ? " gap" : " gaps").Append(".</p>\n");
        sb.Append("<p class=\"cw-coverage-legend\"><span><span class=\"covered\" aria-hidden=\"true\">✓</span>Claimed directly</span> ")
          .Append("<span><span class=\"covered inherited\" aria-hidden=\"true\">↑</span>Only through a group or alias</span> ")
          .Append("<span><span class=\"gap\" aria-hidden=\"true\"></span>Gap</span></p>\n");
        sb.Append("<h2 id=\"matrix\">Coverage matrix</h2>\n");
        if (documents.Count <= MaxMatrixColumns)
        {
            AppendMatrix(sb, catalog, documents);
        }
        else
        {
            AppendSummaryMatrix(sb, catalog, documents.Count);
        }
        sb.Append("<h2 id=\"gaps\">Gaps</h2>\n");
        if (gaps.Count == 0)
        {
            sb.Append("<p>None: every criterion is claimed.</p>\n");
        }
        else
        {
            sb.Append("<ul>\n");
            foreach (var gap in gaps)
            {
                sb.Append("<li>").Append(Link(CriterionUrls.Of(gap), gap.Id)).Append(' ').Append(HtmlEscape.Text(gap.Title)).Append("</li>\n");
            }
            sb.Append("</ul>\n");
        }
        return sb.ToString();
    }

    /// <summary>A criteria × documents grid stays readable up to about this many documents; past it, a count per criterion.</summary>
    public const int MaxMatrixColumns = 40;

    private const int MaxListedDocuments = 8;

    private void AppendMatrix(StringBuilder sb, Catalog catalog, List<ParsedPage> documents)
    {
        sb.Append("<div class=\"table-wrap\"><table class=\"coverage-matrix is-grid\">\n<thead><tr><th scope=\"col\">Criterion</th>");
        foreach (var doc in documents)
        {
            sb.Append("<th scope=\"col\">").Append(Link(doc.Url, doc.NavTitle, doc.Title)).Append("</th>");
        }
        sb.Append("</tr></thead>\n<tbody>\n");
        foreach (var criterion in catalog.Criteria)
        {
            // Per document, the claim that says most: a direct one, else the first through a group or alias.
            var best = new Dictionary<ParsedPage, Claim>();
            foreach (var claim in claims.Covering(criterion))
            {
                if (!best.TryGetValue(claim.Page, out var held) || (!held.IsDirectFor(criterion) && claim.IsDirectFor(criterion)))
                {
                    best[claim.Page] = claim;
                }
            }
            AppendRowHead(sb, criterion, best.Count);
            var id = HtmlEscape.Text(criterion.Id);
            foreach (var doc in documents)
            {
                // Each cell says in words what its mark shows, for screen readers and in its tooltip.
                if (best.TryGetValue(doc, out var claim))
                {
                    var direct = claim.IsDirectFor(criterion);
                    var how = HtmlEscape.Text($"{doc.Title} claims {criterion.Id} {claim.HowFor(criterion)}");
                    sb.Append(direct ? "<td class=\"covered\" title=\"" : "<td class=\"covered inherited\" title=\"").Append(how)
                      .Append(direct ? "\"><span aria-hidden=\"true\">✓</span>" : "\"><span aria-hidden=\"true\">↑</span>")
                      .Append("<span class=\"cw-visually-hidden\">").Append(how).Append("</span></td>");
                }
                else if (criterion.IsLeaf && best.Count == 0)
                {
                    // Only a criterion that no document claims is a gap; elsewhere an empty cell is just "not this document".
                    sb.Append("<td class=\"gap\"><span class=\"cw-visually-hidden\">gap: no document claims ").Append(id).Append("</span></td>");
                }
                else
                {
                    sb.Append("<td></td>");
                }
            }
            sb.Append("</tr>\n");
        }
        sb.Append("</tbody>\n</table></div>\n");
    }

    /// <summary>For many documents: per criterion the number of documents and the first few, the rest on the criterion's page.</summary>
    private void AppendSummaryMatrix(StringBuilder sb, Catalog catalog, int documentCount)
    {
        sb.Append("<p>").Append(documentCount).Append(" documents claim criteria of this catalog; each row lists the first ")
          .Append(MaxListedDocuments).Append(" and links to the criterion's page for the rest.</p>\n");
        sb.Append("<div class=\"table-wrap\"><table class=\"coverage-matrix\">\n<thead><tr><th scope=\"col\">Criterion</th><th scope=\"col\">Documents</th><th scope=\"col\">Claimed by</th></tr></thead>\n<tbody>\n");
        foreach (var criterion in catalog.Criteria)
        {
            var (covering, first) = claims.FirstPagesCovering(criterion, MaxListedDocuments);
            AppendRowHead(sb, criterion, covering);
            var coverage = claims.CoverageOf(criterion);
            sb.Append(coverage switch
            {
                Coverage.Direct => "<td class=\"covered\">",
                Coverage.Inherited => "<td class=\"covered inherited\" title=\"only through a group or alias\">",
                _ => criterion.IsLeaf ? "<td class=\"gap\" title=\"gap\">" : "<td>",
            }).Append(covering).Append(coverage == Coverage.Inherited ? "<span class=\"cw-visually-hidden\"> (only through a group or alias)</span>" : "")
              .Append(coverage == Coverage.Gap && criterion.IsLeaf ? "<span class=\"cw-visually-hidden\"> (gap)</span>" : "").Append("</td><td>");
            sb.AppendJoin(", ", first.Select(p => Link(p.Url, p.NavTitle, p.Title)));
            if (covering > MaxListedDocuments)
            {
                sb.Append(", ").Append(Link(CriterionUrls.Of(criterion) + "#claims", $"and {covering - MaxListedDocuments} more"));
            }
            sb.Append("</td></tr>\n");
        }
        sb.Append("</tbody>\n</table></div>\n");
    }

    private void AppendRowHead(StringBuilder sb, Criterion criterion, int coveringCount)
    {
        var gap = criterion.IsLeaf && coveringCount == 0;
        sb.Append("<tr id=\"").Append(HtmlEscape.Attribute(CriterionUrls.Segment(criterion))).Append('"')
          .Append(gap ? " class=\"gap\"" : criterion.IsLeaf ? "" : " class=\"group\"").Append("><th scope=\"row\">")
          .Append(Link(CriterionUrls.Of(criterion), criterion.Id, criterion.Title)).Append(' ')
          .Append(criterion.IsLeaf ? HtmlEscape.Text(criterion.Title) : $"<strong>{HtmlEscape.Text(criterion.Title)}</strong>")
          .Append("</th>");
    }
}
