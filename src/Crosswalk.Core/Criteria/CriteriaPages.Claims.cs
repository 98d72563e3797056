using System.Collections.Concurrent;
using System.Text;
using Crosswalk.Content;
using Crosswalk.Markdown;
using Crosswalk.Templates;

namespace Crosswalk.Criteria;

// A criterion's claims: one entry per claiming document, its claims folded in, and at most DocumentsPerPage
// documents a page (a criterion of a 10,000-page site can be claimed by thousands): the criterion's page lists the
// first, and /page/2/ on the rest.
public sealed partial class CriteriaPages
{
    /// <summary>The most claiming documents one page lists.</summary>
    public const int DocumentsPerPage = 500;

    // Each criterion's claims grouped by document, made once for all its pages.
    private readonly ConcurrentDictionary<Criterion, Lazy<ClaimsByDocument>> _documents = new();

    private ClaimsByDocument Documents(Criterion criterion) => _documents.GetOrAdd(criterion, c => new(() => Grouped(c))).Value;

    /// <summary>
    /// A criterion's claims in page order, each document's together, and where each document's start: one array for
    /// all of them (an array per document was 200,000 arrays held through the render at 10,000 pages). AllDirect: every
    /// claim names the criterion itself, asked once for all its pages (each page asking again read every claim per
    /// page: at 100,000 pages, a hundred pages of 50,000 claims each).
    /// </summary>
    private sealed record ClaimsByDocument(Claim[] Claims, int[] Starts, bool AllDirect)
    {
        public int Count => Starts.Length;

        public ArraySegment<Claim> this[int document] =>
            new(Claims, Starts[document], (document + 1 < Starts.Length ? Starts[document + 1] : Claims.Length) - Starts[document]);
    }

    // The claims in page order (see Ordered), each document's together where its first claim stands.
    private ClaimsByDocument Grouped(Criterion criterion)
    {
        var byPage = new Dictionary<ParsedPage, List<Claim>>();
        var order = new List<ParsedPage>();
        var count = 0;
        foreach (var claim in Ordered(claims.Covering(criterion).ToList()))
        {
            if (!byPage.TryGetValue(claim.Page, out var list))
            {
                byPage[claim.Page] = list = [];
                order.Add(claim.Page);
            }
            list.Add(claim);
            count++;
        }
        var all = new Claim[count];
        var starts = new int[order.Count];
        var at = 0;
        for (var i = 0; i < order.Count; i++)
        {
            starts[i] = at;
            var list = byPage[order[i]];
            list.CopyTo(all, at);
            at += list.Count;
        }
        return new ClaimsByDocument(all, starts, Array.TrueForAll(all, c => c.IsDirectFor(criterion)));
    }

    /// <summary>The URLs of the pages of claims after each criterion's own (<c>/page/2/</c> on), in catalog order.</summary>
    public IEnumerable<string> NumberedClaimsPages() => catalogs.All.SelectMany(c => c.Criteria)
        .SelectMany(c => Enumerable.Range(2, ClaimsPageCount(c) - 1).Select(n => CriterionUrls.ClaimsPage(c, n)));

    /// <summary>
    /// How many pages each criterion's claims take, shared by the builds of one set of claims (the preview's, while
    /// an edit leaves every claim as it was): counting them reads every claim of the criterion and of its groups.
    /// Null: counted for this instance only.
    /// </summary>
    public ConcurrentDictionary<Criterion, int>? PageCounts { get; init; }

    /// <summary>How many pages list a criterion's claims (1 when none does).</summary>
    private int ClaimsPageCount(Criterion criterion) => (PageCounts ?? _pageCounts).GetOrAdd(criterion, CountClaimsPages);

    // This instance's counts when no shared ones are given: the sitemap asks again after Build.
    private readonly ConcurrentDictionary<Criterion, int> _pageCounts = new();

    /// <summary>
    /// Counts every criterion's pages, then lets go of the document sets the counts were made from (a set per
    /// criterion, 8 MB at 10,000 pages, otherwise held through the render).
    /// </summary>
    private void CountAllClaimsPages()
    {
        foreach (var criterion in catalogs.All.SelectMany(c => c.Criteria))
        {
            ClaimsPageCount(criterion);
        }
        _documentsOn.Clear();
    }

    private int CountClaimsPages(Criterion criterion)
    {
        var documents = DocumentsCovering(criterion);
        return Math.Max(1, (documents + DocumentsPerPage - 1) / DocumentsPerPage);
    }

    // Each criterion's distinct claiming documents, made once: every criterion page's count reads its ancestors' too.
    private readonly ConcurrentDictionary<Criterion, HashSet<ParsedPage>> _documentsOn = new();

    // The documents claiming the criterion or a group holding it, counted without walking the group's claims again for
    // every criterion under it: a site whose every page claims "All TSC" would make that 10,000 claims per criterion,
    // on every edit the preview renders.
    private int DocumentsCovering(Criterion criterion)
    {
        var sets = new List<HashSet<ParsedPage>>();
        for (Criterion? c = criterion; c is not null; c = c.Parent)
        {
            var on = _documentsOn.GetOrAdd(c, k => [.. claims.Direct(k).Select(claim => claim.Page)]);
            if (on.Count > 0)
            {
                sets.Add(on);
            }
        }
        if (sets.Count <= 1)
        {
            return sets.Count == 0 ? 0 : sets[0].Count;
        }
        var largest = sets.MaxBy(set => set.Count)!;
        var others = new HashSet<ParsedPage>();
        foreach (var set in sets.Where(set => set != largest))
        {
            others.UnionWith(set.Where(page => !largest.Contains(page)));
        }
        return largest.Count + others.Count;
    }

    // Page `number` (from 2) of a criterion's claims.
    private PageView ClaimsPage(Criterion criterion, int number, int pageCount)
    {
        var catalog = criterion.Catalog;
        var trail = Trail(("Criteria", CriterionUrls.Root), (catalog.Name, CriterionUrls.Catalog(catalog)));
        trail.AddRange(criterion.Ancestors.Reverse().Append(criterion).Select(a => (a.Id, CriterionUrls.Of(a))));
        var body = new StringBuilder();
        if (withContent)
        {
            body.Append("<p>").Append(Link(CriterionUrls.Of(criterion), $"{criterion.Id} {criterion.Title}")).Append(": the documents claiming it, page ")
                .Append(number).Append(" of ").Append(pageCount).Append(".</p>\n<h2 id=\"claims\">Claims</h2>\n");
            AppendClaims(body, criterion, number, pageCount);
        }
        return new PageView
        {
            Title = $"{criterion.Id} {criterion.Title}: claims, page {number} of {pageCount}",
            Url = CriterionUrls.ClaimsPage(criterion, number),
            ContentHtml = body.ToString(),
            Kind = criterion.IsLeaf ? "criterion" : "group",
            Summary = $"{catalog.Name} {criterion.Kind}",
            Headings = [new Heading(2, "claims", "Claims")],
            Breadcrumbs = trail,
        };
    }

    // The table of page `number`'s documents, and the links to the other pages when there are several.
    private void AppendClaims(StringBuilder sb, Criterion criterion, int number, int pageCount)
    {
        var documents = Documents(criterion);
        var first = (number - 1) * DocumentsPerPage;
        var shown = Math.Max(0, Math.Min(DocumentsPerPage, documents.Count - first));
        var total = documents.Claims.Length;
        sb.Append("<p>").Append(documents.Count).Append(documents.Count == 1 ? " document makes " : " documents make ")
          .Append(total).Append(total == 1 ? " claim." : " claims.");
        if (pageCount > 1)
        {
            sb.Append(" This page lists documents ").Append(first + 1).Append('–').Append(first + shown).Append('.');
        }
        // A column saying "directly" on every row says nothing: it is there when some claim is inherited.
        var allDirect = documents.AllDirect;
        sb.Append(allDirect ? " Each claims it directly." : "").Append("</p>\n");
        sb.Append("<table>\n<thead><tr><th>Document</th>").Append(allDirect ? "" : "<th>Claimed as</th>").Append("<th>Stated in</th></tr></thead>\n<tbody>\n");
        var id = HtmlEscape.Text(criterion.Id);
        var claimedAs = new List<string>();
        for (var d = first; d < first + shown; d++)
        {
            var document = documents[d];
            // A document claiming once, in a row of its own table, links straight to the row: one link, not two.
            var page = PageParts(document[0].Page);
            var single = document is [{ RowId: not null } only] && only.Holder == only.Page;
            sb.Append("<tr><td><a href=\"").Append(page.Href).Append(single ? "#" + HtmlEscape.Url(document[0].RowId!) : "").Append("\">")
              .Append(page.Title).Append("</a></td><td>");
            if (!allDirect)
            {
                claimedAs.Clear();
                foreach (var claim in document)
                {
                    var text = ClaimedAs(claim, criterion, id);
                    if (!claimedAs.Contains(text))
                    {
                        claimedAs.Add(text);
                    }
                }
                sb.AppendJoin("<br>", claimedAs).Append("</td><td>");
            }
            for (var i = 0; i < document.Count; i++)
            {
                AppendStatedIn(sb.Append(i == 0 ? "" : "<br>"), document[i], linked: !single);
            }
            sb.Append("</td></tr>\n");
        }
        sb.Append("</tbody>\n</table>\n");
        if (pageCount > 1)
        {
            AppendPager(sb, criterion, number, pageCount);
        }
    }

    private string ClaimedAs(Claim claim, Criterion criterion, string id) =>
        claim.IsDirectFor(criterion) ? "directly"
        : claim.Criterion == criterion ? $"{id} <small>(inherited: through the alias '{HtmlEscape.Text(claim.Via!)}')</small>"
        : $"{Link(CriterionUrls.Of(claim.Criterion), claim.Criterion.Id)} <small>(inherited: {(claim.Via is null ? "" : $"through the alias '{HtmlEscape.Text(claim.Via)}', ")}holds {id})</small>";

    // Where a claim is written: a table row (linked unless the document's own link leads there) or front matter, in the
    // document itself or another one, and at which line (with the file when it is not the holder's own).
    private void AppendStatedIn(StringBuilder sb, Claim claim, bool linked)
    {
        var holder = PageParts(claim.Holder);
        var elsewhere = claim.Holder != claim.Page;
        if (claim.RowId is null)
        {
            sb.Append("front matter").Append(elsewhere ? " of " + holder.Link : "");
        }
        else if (!linked)
        {
            sb.Append("table row");
        }
        else
        {
            sb.Append("<a href=\"").Append(holder.Href).Append('#').Append(HtmlEscape.Url(claim.RowId)).Append("\">table row")
              .Append(elsewhere ? " in " + holder.Title : "").Append("</a>");
        }
        if (claim.Location.File == claim.Holder.Source.DisplayPath)
        {
            sb.Append(", line ").Append(claim.Location.Line);
            return;
        }
        sb.Append(" <small>(");
        HtmlEscape.AppendText(sb, claim.Location.File).Append(':').Append(claim.Location.Line).Append(")</small>");
    }

    private void AppendPager(StringBuilder sb, Criterion criterion, int number, int pageCount)
    {
        sb.Append("<nav class=\"cw-pager\" aria-label=\"Pages of claims\"><ol>");
        for (var i = 1; i <= pageCount; i++)
        {
            sb.Append("<li>");
            if (i == number)
            {
                sb.Append("<a href=\"").Append(Url(CriterionUrls.ClaimsPage(criterion, i))).Append("\" aria-current=\"page\">").Append(i).Append("</a>");
            }
            else
            {
                sb.Append(Link(CriterionUrls.ClaimsPage(criterion, i), i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
            sb.Append("</li>");
        }
        sb.Append("</ol></nav>\n");
    }

    /// <summary>Claims by title rank of the claiming page, then file and line of the claim, else as listed.</summary>
    private Claim[] Ordered(List<Claim> covering)
    {
        var keyed = new (int Rank, int Index, Claim Claim)[covering.Count];
        for (var i = 0; i < keyed.Length; i++)
        {
            keyed[i] = (claims.TitleRank(covering[i].Page), i, covering[i]);
        }
        Array.Sort(keyed, static (a, b) =>
            a.Rank != b.Rank ? a.Rank.CompareTo(b.Rank)
            : string.CompareOrdinal(a.Claim.Location.File, b.Claim.Location.File) is var byFile and not 0 ? byFile
            : a.Claim.Location.Line != b.Claim.Location.Line ? a.Claim.Location.Line.CompareTo(b.Claim.Location.Line)
            : a.Index.CompareTo(b.Index));
        return Array.ConvertAll(keyed, k => k.Claim);
    }

}
