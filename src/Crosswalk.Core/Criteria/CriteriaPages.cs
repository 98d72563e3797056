using System.Text;
using Crosswalk.Content;
using Crosswalk.Markdown;
using Crosswalk.Templates;

namespace Crosswalk.Criteria;

/// <summary>
/// Generates the criteria pages: an index of catalogs, a coverage matrix per catalog, and a page per criterion
/// (and per group) listing its claims with links back to the exact table rows.
/// </summary>
/// <param name="catalogs">The catalogs.</param>
/// <param name="claims">Every claim.</param>
/// <param name="baseUrl">site.yml's base_url.</param>
/// <param name="homeTitle">The home page's title, first in each breadcrumb trail.</param>
/// <param name="homeUrl">The home page's URL.</param>
/// <param name="withContent">
/// False when the pages' bodies will not be seen (check, with a layout that only prints them): each view then has
/// everything but its body, which is most of the work.
/// </param>
public sealed partial class CriteriaPages(CatalogSet catalogs, ClaimSet claims, string baseUrl, string? homeTitle, string? homeUrl, bool withContent = true)
{
    /// <summary>Every URL this generator produces (known before rendering, so links to them resolve); none without catalogs.</summary>
    public static IEnumerable<string> Urls(CatalogSet catalogs) => catalogs.All.Count == 0 ? [] :
        new[] { CriterionUrls.Root }
            .Concat(catalogs.All.Select(CriterionUrls.Catalog))
            .Concat(catalogs.All.SelectMany(c => c.Criteria).Select(CriterionUrls.Of));

    /// <summary>The criteria box of a content page: what it claims, by catalog then catalog order.</summary>
    public IReadOnlyList<CriterionLink> LinksFor(ParsedPage page)
    {
        // Asked by every page a build writes: one array sorted, no LINQ set or ordering buffers.
        var of = claims.Of(page);
        if (of.Count == 0)
        {
            return [];
        }
        var criteria = new Criterion[of.Count];
        for (var i = 0; i < criteria.Length; i++)
        {
            criteria[i] = of[i].Criterion;
        }
        // By catalog in site order, then the catalog's own order: only claims of the same criterion tie, and sorted they
        // stand together, so each is kept once.
        Array.Sort(criteria, (a, b) => a.Catalog == b.Catalog ? a.Index.CompareTo(b.Index)
            : CatalogOrder(a.Catalog) != CatalogOrder(b.Catalog) ? CatalogOrder(a.Catalog).CompareTo(CatalogOrder(b.Catalog))
            : string.CompareOrdinal(a.Catalog.Id, b.Catalog.Id));
        var links = new List<CriterionLink>(criteria.Length);
        for (var i = 0; i < criteria.Length; i++)
        {
            if (i == 0 || criteria[i] != criteria[i - 1])
            {
                links.Add(_links.GetOrAdd(criteria[i], static c => new CriterionLink(c.Catalog.Name, c.Id, c.Title, CriterionUrls.Of(c))));
            }
        }
        return links;
    }

    // The same few criteria are linked from every page: one link each.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Criterion, CriterionLink> _links = new();

    /// <summary>
    /// All generated pages, each built when called: a criterion page lists every claim on it, and building them one
    /// after another inside a parallel loop's enumerator would serialise the largest pages of the site.
    /// </summary>
    public (string Url, Func<PageView> View)[] Build()
    {
        if (catalogs.All.Count == 0)
        {
            return [];
        }
        CountAllClaimsPages();
        var pages = new List<(string, Func<PageView>)> { (CriterionUrls.Root, IndexPage) };
        foreach (var catalog in catalogs.All)
        {
            pages.Add((CriterionUrls.Catalog(catalog), () => MatrixPage(catalog)));
            foreach (var criterion in catalog.Criteria)
            {
                var count = ClaimsPageCount(criterion);
                pages.Add((CriterionUrls.Of(criterion), () => CriterionPage(criterion, count)));
                for (var number = 2; number <= count; number++)
                {
                    var n = number;
                    pages.Add((CriterionUrls.ClaimsPage(criterion, n), () => ClaimsPage(criterion, n, count)));
                }
            }
        }
        return [.. pages];
    }

    private readonly Dictionary<Catalog, int> _catalogOrder = catalogs.All.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);

    private int CatalogOrder(Catalog catalog) => _catalogOrder.GetValueOrDefault(catalog);

    private string Url(string path) => HtmlEscape.Url(baseUrl + path.TrimStart('/'));

    private string Link(string path, string text, string? title = null) =>
        $"<a href=\"{Url(path)}\"{(title is null ? "" : $" title=\"{HtmlEscape.Attribute(title)}\"")}>{HtmlEscape.Text(text)}</a>";

    // A page claiming criteria is linked from each of their pages: its link is built once.
    private string PageLink(ParsedPage page) => PageParts(page).Link;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<ParsedPage, (string Link, string Href, string Title)> _pageParts = new();

    /// <summary>A page's link, its escaped address and its escaped title.</summary>
    private (string Link, string Href, string Title) PageParts(ParsedPage page) =>
        _pageParts.GetOrAdd(page, p => (Link(p.Url, p.Title), Url(p.Url), HtmlEscape.Text(p.Title)));

    private List<(string, string)> Trail(params (string Title, string Url)[] extra)
    {
        var trail = new List<(string, string)>();
        if (homeTitle is not null && homeUrl is not null)
        {
            trail.Add((homeTitle, homeUrl));
        }
        trail.AddRange(extra);
        return trail;
    }

    private PageView IndexPage() => new()
    {
        Title = "Criteria",
        Url = CriterionUrls.Root,
        ContentHtml = withContent ? IndexContent() : "",
        Kind = "coverage",
        Summary = "Catalogs of criteria and how the documents cover them.",
        Breadcrumbs = Trail(),
    };

    private string IndexContent()
    {
        var sb = new StringBuilder();
        sb.Append("<p>Every criterion of the catalogs this site maps to, with the documents that claim it. A criterion is claimed ")
          .Append("directly when a document names it, and inherited when a document claims only a group that holds it (<code>CC6</code>) ")
          .Append("or an alias (<code>All TSC</code>).</p>\n");
        sb.Append("<table>\n<thead><tr><th scope=\"col\">Catalog</th><th scope=\"col\">Criteria</th><th scope=\"col\">Claimed directly</th>")
          .Append("<th scope=\"col\">Only through a group or alias</th><th scope=\"col\">Gaps</th></tr></thead>\n<tbody>\n");
        foreach (var catalog in catalogs.All)
        {
            var (leaves, direct, inherited, gaps) = Totals(catalog);
            sb.Append("<tr><th scope=\"row\">").Append(Link(CriterionUrls.Catalog(catalog), catalog.Name)).Append(catalog.IsWithdrawn ? " <em>(withdrawn)</em>" : "")
              .Append("</th><td>").Append(leaves).Append("</td><td>").Append(direct).Append("</td><td>").Append(inherited)
              .Append("</td><td>").Append(gaps).Append("</td></tr>\n");
        }
        sb.Append("</tbody>\n</table>\n");
        return sb.ToString();
    }

    /// <summary>A catalog's criteria (leaves) and how many are claimed directly, only inherited, or not at all.</summary>
    public (int Criteria, int Direct, int Inherited, int Gaps) Totals(Catalog catalog)
    {
        var coverage = catalog.Criteria.Where(c => c.IsLeaf).Select(claims.CoverageOf).ToList();
        return (coverage.Count, coverage.Count(c => c == Coverage.Direct), coverage.Count(c => c == Coverage.Inherited), coverage.Count(c => c == Coverage.Gap));
    }

    private PageView CriterionPage(Criterion criterion, int pageCount)
    {
        var catalog = criterion.Catalog;
        var counterparts = Counterparts(criterion);
        var headings = new List<Heading>();
        if (criterion.Children.Count > 0)
        {
            headings.Add(new Heading(2, "contents", "Contents"));
        }
        headings.Add(new Heading(2, "claims", "Claims"));
        if (counterparts.Count > 0)
        {
            headings.Add(new Heading(2, "counterparts", "Counterparts"));
        }
        var trail = Trail(("Criteria", CriterionUrls.Root), (catalog.Name, CriterionUrls.Catalog(catalog)));
        trail.AddRange(criterion.Ancestors.Reverse().Select(a => (a.Id, CriterionUrls.Of(a))));
        return new PageView
        {
            Title = $"{criterion.Id} {criterion.Title}",
            Url = CriterionUrls.Of(criterion),
            ContentHtml = withContent ? CriterionContent(criterion, counterparts, pageCount) : "",
            Kind = criterion.IsLeaf ? "criterion" : "group",
            Summary = $"{catalog.Name} {criterion.Kind}",
            Headings = headings,
            Breadcrumbs = trail,
        };
    }

    // The body of a criterion page; its headings are those CriterionPage lists.
    private string CriterionContent(Criterion criterion, List<(string Label, Criterion Other, CrosswalkRelationship? Relationship)> counterparts, int pageCount)
    {
        var catalog = criterion.Catalog;
        var sb = new StringBuilder();
        sb.Append("<dl class=\"criterion-meta\">\n");
        sb.Append("<div><dt>ID</dt><dd><code>").Append(HtmlEscape.Text(criterion.Id)).Append("</code></dd></div>\n");
        sb.Append("<div><dt>Catalog</dt><dd>").Append(Link(CriterionUrls.Catalog(catalog), catalog.Name)).Append("</dd></div>\n");
        sb.Append("<div><dt>Kind</dt><dd>").Append(HtmlEscape.Text(criterion.Kind)).Append("</dd></div>\n");
        if (criterion.Parent is { } parent)
        {
            sb.Append("<div><dt>Group</dt><dd>").Append(Link(CriterionUrls.Of(parent), parent.Id)).Append(' ').Append(HtmlEscape.Text(parent.Title)).Append("</dd></div>\n");
        }
        sb.Append("</dl>\n");

        if (criterion.Children.Count > 0)
        {
            sb.Append("<h2 id=\"contents\">Contents</h2>\n<ul>\n");
            foreach (var child in criterion.Children)
            {
                var covered = claims.Covering(child).Any() || child.Children.Count > 0;
                sb.Append("<li>").Append(Link(CriterionUrls.Of(child), child.Id)).Append(' ').Append(HtmlEscape.Text(child.Title))
                  .Append(covered || !child.IsLeaf ? "" : " <em>(gap)</em>").Append("</li>\n");
            }
            sb.Append("</ul>\n");
        }

        sb.Append("<h2 id=\"claims\">Claims</h2>\n");
        if (claims.Covering(criterion).Any())
        {
            AppendClaims(sb, criterion, 1, pageCount);
        }
        else
        {
            sb.Append("<p>No document claims this criterion").Append(criterion.IsLeaf ? ": this is a gap." : " directly.").Append("</p>\n");
        }

        if (counterparts.Count > 0)
        {
            sb.Append("<h2 id=\"counterparts\">Counterparts</h2>\n<ul>\n");
            foreach (var (label, other, relationship) in counterparts)
            {
                sb.Append("<li>").Append(HtmlEscape.Text(label)).Append(": ").Append(Link(CriterionUrls.Of(other), other.Id)).Append(' ')
                  .Append(HtmlEscape.Text(other.Title)).Append(" <small>(").Append(HtmlEscape.Text(other.Catalog.Name));
                if (relationship is { } r)
                {
                    // Read as "this criterion <relationship> the counterpart", as the crosswalk states it.
                    sb.Append("; ").Append(HtmlEscape.Text(criterion.Id)).Append(" is <strong>").Append(r.ToWord()).Append("</strong> ").Append(HtmlEscape.Text(other.Id));
                }
                sb.Append(")</small></li>\n");
            }
            sb.Append("</ul>\n");
        }
        return sb.ToString();
    }

    // The crosswalks' entries for the criterion itself, with the relationship they state (seen from this criterion); a
    // group without an entry of its own corresponds to the union of its descendants' entries.
    private List<(string Label, Criterion Other, CrosswalkRelationship? Relationship)> Counterparts(Criterion criterion)
    {
        var list = catalogs.Counterparts(criterion).Where(c => c.Relationship != CrosswalkRelationship.NoRelationship)
            .Select(c => ($"In {c.Criterion.Catalog.Name}", c.Criterion, c.Relationship)).ToList();
        foreach (var mapping in catalogs.Mappings.Where(m => m.Source == criterion.Catalog && !m.Contains(criterion)))
        {
            list.AddRange(catalogs.Successors(criterion).Where(t => t.Catalog == mapping.Target)
                .Select(t => ($"In {mapping.Target.Name}", t, (CrosswalkRelationship?)null)));
        }
        return list.Distinct().ToList();
    }
}
