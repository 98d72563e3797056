using System.Text.RegularExpressions;
using Crosswalk.Config;
using Crosswalk.Content;
using Crosswalk.Diagnostics;
using Crosswalk.Links;

namespace Crosswalk.Criteria;

/// <summary>
/// Pipeline stage <c>Resolve</c> (criteria half): turns front-matter <c>satisfies:</c> and mapping-table references into
/// claims, and checks every coverage table against them (CW3004).
/// </summary>
public sealed partial class ResolveCriteria(SiteConfig config, CatalogSet catalogs, SiteIndex index, DiagnosticBag diagnostics)
{
    /// <summary>The links of a page as already resolved by the Resolve stage (by link id), to avoid resolving them again.</summary>
    public Func<ParsedPage, IReadOnlyList<LinkTarget>?>? ResolvedLinks { get; init; }

    /// <summary>Reports site.yml rules that name a catalog that is not loaded (CW3007).</summary>
    public static void CheckRules(SiteConfig config, CatalogSet catalogs, DiagnosticBag diagnostics)
    {
        var file = Path.GetFileName(config.ConfigPath);
        foreach (var (catalog, location) in config.Mappings.Select(m => (m.Catalog, m.Location)).Concat(config.Coverage.Select(c => (c.Catalog, c.Location)))
            .Concat(config.DirectClaims.Select(d => (d.Catalog, d.Location))))
        {
            if (catalogs.Get(catalog) is null)
            {
                diagnostics.Report(DiagnosticDescriptors.UnknownCatalog, $"catalog '{catalog}' is not loaded", location,
                    $"add it to 'catalogs:' in {file}; loaded: {string.Join(", ", catalogs.Ids)}");
            }
        }
    }

    /// <summary>Collects every claim of <paramref name="pages"/>.</summary>
    public ClaimSet Claims(IReadOnlyList<ParsedPage> pages)
    {
        // Each page's claims are its own work: read in parallel, kept in page order.
        var held = pages.AsParallel().AsOrdered().Select(Held).ToList();
        var byPage = new Dictionary<ParsedPage, IReadOnlyList<Claim>>(pages.Count);
        for (var i = 0; i < pages.Count; i++)
        {
            diagnostics.AddRange(held[i].Diagnostics);
            byPage[pages[i]] = held[i].Claims;
        }
        return ClaimSet.FromHolders(pages, page => byPage[page]);
    }

    /// <summary>The claims written on <paramref name="page"/>, and what reading its front matter reported.</summary>
    public (IReadOnlyList<Claim> Claims, IReadOnlyList<Diagnostic> Diagnostics) Held(ParsedPage page)
    {
        var bag = new DiagnosticBag();
        // An array of the claims' own length: the site's lists of claims are held through the render.
        var claims = FrontMatterClaims(page, bag).Concat(TableClaims(page)).ToArray();
        return (claims, bag.ToSortedList());
    }

    private IEnumerable<Claim> FrontMatterClaims(ParsedPage page, DiagnosticBag diagnostics)
    {
        // An unknown catalog is one mistake however many criteria are listed under it: reported once, at its key.
        var unknownKeys = new HashSet<SourceLocation>();
        foreach (var entry in page.Meta.Satisfies)
        {
            var catalog = catalogs.Get(entry.Catalog);
            if (catalog is null)
            {
                var at = entry.CatalogAt ?? entry.Location;
                if (unknownKeys.Add(at))
                {
                    diagnostics.Report(DiagnosticDescriptors.UnknownCatalog, $"catalog '{entry.Catalog}' in 'satisfies' is not loaded", at,
                        DidYouMean.Help(entry.Catalog, catalogs.Ids, 1) ?? $"loaded catalogs: {string.Join(", ", catalogs.Ids)}");
                }
                continue;
            }
            var result = ReferenceParser.Parse(entry.Expression, catalog, catalogs);
            foreach (var problem in result.Problems)
            {
                diagnostics.Report(problem.Descriptor, problem.Message, entry.Location with { Column = entry.Location.Column + problem.Start }, problem.Help);
            }
            // A criterion written itself and also through an alias is claimed directly.
            foreach (var reference in result.References.OrderBy(r => r.Via is null ? 0 : 1).DistinctBy(r => r.Criterion).OrderBy(r => r.Start))
            {
                yield return new Claim(page, reference.Criterion, entry.Location with { Column = entry.Location.Column + reference.Start }, page, null, reference.Via);
            }
        }
    }

    private IEnumerable<Claim> TableClaims(ParsedPage page)
    {
        foreach (var claim in page.TableClaims)
        {
            var criterion = catalogs.Get(claim.Catalog)?.Find(claim.CriterionId);
            if (criterion is null)
            {
                continue;
            }
            // A row that links pages claims for them; a row without internal links claims for the page holding the table.
            var claimed = 0;
            for (var i = 0; i < claim.LinkIds.Count; i++)
            {
                if (Target(page, page.Links[claim.LinkIds[i]]) is not { Kind: TargetKind.Page, Page: { } target } || LinksEarlier(page, claim.LinkIds, i, target))
                {
                    continue;
                }
                claimed++;
                yield return new Claim(target, criterion, claim.Location, page, claim.RowId, claim.Via);
            }
            if (claimed == 0)
            {
                yield return new Claim(page, criterion, claim.Location, page, claim.RowId, claim.Via);
            }
        }
    }

    // Whether a link of the row before the i-th already goes to target (a row claims once for each page it links).
    private bool LinksEarlier(ParsedPage page, IReadOnlyList<int> linkIds, int i, ParsedPage target)
    {
        for (var j = 0; j < i; j++)
        {
            if (Target(page, page.Links[linkIds[j]]) is { Kind: TargetKind.Page, Page: { } earlier } && earlier == target)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A link's target: as the Resolve stage found it, else resolved here.</summary>
    private LinkTarget Target(ParsedPage page, LinkRef link) =>
        ResolvedLinks?.Invoke(page) is { } resolved && link.Id < resolved.Count ? resolved[link.Id] : index.Resolve(page, link.Url);

    /// <summary>Checks every coverage table of <paramref name="pages"/> against <paramref name="claims"/>.</summary>
    public void CheckCoverage(IReadOnlyList<ParsedPage> pages, ClaimSet claims)
    {
        CheckDirectClaims(claims);
        foreach (var rule in config.Coverage)
        {
            var catalog = catalogs.Get(rule.Catalog);
            if (catalog is null)
            {
                continue;
            }
            var glob = rule.Pages is null ? null : Glob.ToRegex(rule.Pages);
            foreach (var page in pages.Where(p => glob is null || glob.IsMatch(p.Source.RelativePath)))
            {
                foreach (var table in page.Tables)
                {
                    if (CoverageColumns(table.Header, rule) is not var (keyIndex, docsIndex))
                    {
                        continue;
                    }
                    foreach (var row in table.Rows.Where(r => r.Cells.Count > Math.Max(keyIndex, docsIndex)))
                    {
                        CheckRow(page, catalog, row.Cells[keyIndex], row.Cells[docsIndex], claims);
                    }
                }
            }
        }
    }

    /// <summary>Where <paramref name="rule"/>'s key and documents columns are in a table with <paramref name="header"/>, if it has both.</summary>
    public static (int Key, int Documents)? CoverageColumns(IReadOnlyList<string> header, CoverageRule rule)
    {
        var normalized = header.Select(MappingTableAnnotator.NormalizeHeader).ToList();
        var keyIndex = normalized.FindIndex(h => string.Equals(h, rule.Key, StringComparison.OrdinalIgnoreCase));
        var docsIndex = normalized.FindIndex(h => string.Equals(h, rule.Documents, StringComparison.OrdinalIgnoreCase));
        return keyIndex < 0 || docsIndex < 0 ? null : (keyIndex, docsIndex);
    }

    private void CheckRow(ParsedPage page, Catalog catalog, TableCellData keyCell, TableCellData docsCell, ClaimSet claims)
    {
        var groups = ParseGroup(keyCell, catalog);
        if (groups is null)
        {
            return;
        }
        var groupText = string.Join(", ", groups.Select(g => g.Id));
        foreach (var (document, column) in Documents(page, docsCell))
        {
            var location = docsCell.Location with { Column = docsCell.Location.Column + column };
            var own = claims.Of(document).Where(c => c.Criterion.Catalog == catalog).ToList();
            if (own.Any(c => groups.Any(g => c.Criterion.IsWithin(g) || g.IsWithin(c.Criterion))))
            {
                continue;
            }
            var groupTitle = groups.Count == 1 ? $" ({groups[0].Title})" : "";
            var claimed = own.Select(c => c.Criterion).Distinct().OrderBy(c => c.Index).Select(c => c.Id).ToList();
            diagnostics.Report(DiagnosticDescriptors.CoverageContradiction,
                $"coverage table lists '{document.Title}' for {groupText}{groupTitle}, but it claims no criterion in {groupText}",
                location,
                claimed.Count == 0
                    ? $"'{document.Title}' claims nothing in {catalog.Id}; add criteria in {groupText} to its 'satisfies:' or a mapping row, or remove it from this row"
                    : $"'{document.Title}' claims {string.Join(", ", claimed)} in {catalog.Id}; add a claim in {groupText} or remove it from this row");
        }
    }

    /// <summary>The group(s) a coverage key names: the whole text, else its leading ID (<c>CC2: Communication</c>, <c>A.9 Access Control</c>).</summary>
    private IReadOnlyList<Criterion>? ParseGroup(TableCellData cell, Catalog catalog)
    {
        var result = ReferenceParser.Parse(cell.Text, catalog, catalogs);
        var offset = 0;
        if (result.HasErrors && LeadingId().Match(cell.Text) is { Success: true } lead)
        {
            offset = lead.Index;
            result = ReferenceParser.Parse(lead.Value, catalog, catalogs);
        }
        if (result.IsNone)
        {
            return null;
        }
        // Withdrawn-edition hints belong to mapping cells and front matter; a coverage key repeats them.
        var errors = result.Problems.Where(p => p.Descriptor != DiagnosticDescriptors.WithdrawnEdition).ToList();
        foreach (var problem in errors)
        {
            diagnostics.Report(problem.Descriptor, problem.Message,
                cell.Location with { Column = cell.Location.Column + offset + problem.Start }, problem.Help);
        }
        return errors.Any(e => e.Severity == Severity.Error) || result.References.Count == 0 ? null : result.Criteria;
    }

    /// <summary>The pages a documents cell names, with the column offset of each name.</summary>
    private IEnumerable<(ParsedPage Page, int Column)> Documents(ParsedPage page, TableCellData cell)
    {
        var found = new List<(ParsedPage, int)>();
        foreach (var id in cell.LinkIds)
        {
            var link = page.Links[id];
            var target = Target(page, link);
            if (target is { Kind: TargetKind.Page, Page: { } linked })
            {
                found.Add((linked, Math.Max(0, link.Location.Column - cell.Location.Column)));
            }
        }
        // Plain names: the cell without its Markdown links, split on separators.
        var text = MarkdownLink().Replace(cell.Text, m => new string(' ', m.Length));
        foreach (Match name in NamePart().Matches(text))
        {
            var value = name.Value.Trim().Trim('*', '_').Trim();
            if (value.Length == 0 || value is "-" or "—" or "N/A")
            {
                continue;
            }
            var resolved = ResolveName(page, value);
            if (resolved is null)
            {
                diagnostics.Report(DiagnosticDescriptors.MissingPage,
                    $"coverage table names '{value}', which is not a page title nor the text of a link on this page",
                    cell.Location with { Column = cell.Location.Column + name.Index + (name.Value.Length - name.Value.TrimStart().Length) },
                    DidYouMean.Help(value, index.Titles, 2) ?? "link the document instead: [Title](/path/)");
                continue;
            }
            found.Add((resolved, name.Index + (name.Value.Length - name.Value.TrimStart().Length)));
        }
        return found.DistinctBy(f => f.Item1);
    }

    private ParsedPage? ResolveName(ParsedPage page, string name)
    {
        // First the page that this page links with that text, then a page with that title or short title.
        foreach (var link in page.Links.Where(l => string.Equals(l.Text.Trim(), name, StringComparison.OrdinalIgnoreCase)))
        {
            if (Target(page, link) is { Kind: TargetKind.Page, Page: { } target })
            {
                return target;
            }
        }
        return index.PageTitled(name);
    }

    [GeneratedRegex(@"^\s*[^\s:,;]+")]
    private static partial Regex LeadingId();

    [GeneratedRegex(@"!?\[[^\]]*\]\([^)]*\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"[^,;]+")]
    private static partial Regex NamePart();
}
