using System.Text;
using System.Text.RegularExpressions;
using Crosswalk.Config;
using Crosswalk.Content;
using Crosswalk.Diagnostics;
using Crosswalk.Markdown;
using Markdig.Extensions.Tables;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Crosswalk.Criteria;

/// <summary>
/// Reads mapping columns (site.yml <c>mappings:</c>) while the table's AST is alive: each cell is a reference
/// expression, checked against its catalog (CW3001-CW3005) and rewritten so every ID links to its criterion page.
/// Rows that carry claims get an id, so criterion pages can link to the exact row.
/// </summary>
public sealed class MappingTableAnnotator : ITableAnnotator
{
    private readonly IReadOnlyList<(MappingRule Rule, Catalog Catalog, Regex? Pages, string Label)> _rules;
    private readonly CatalogSet _catalogs;
    private readonly string _baseUrl;

    /// <summary>Creates the annotator; rules whose catalog is not loaded are reported as CW3006 by the caller and skipped here.</summary>
    public MappingTableAnnotator(IReadOnlyList<MappingRule> rules, CatalogSet catalogs, string baseUrl)
    {
        _catalogs = catalogs;
        _baseUrl = baseUrl;
        _rules = rules
            .Where(r => catalogs.Get(r.Catalog) is not null)
            .Select(r => (r, catalogs.Get(r.Catalog)!, r.Pages is null ? null : Glob.ToRegex(r.Pages), $"column '{r.Column}'"))
            .ToList();
    }

    /// <summary>The header text as compared with rules: trimmed, emphasis markers removed, case ignored.</summary>
    public static string NormalizeHeader(string header) => header.Trim().Trim('*', '_', '`').Trim();

    /// <inheritdoc />
    public IReadOnlyList<ClaimRef> Annotate(Table table, TableData data, SourceFile source, DiagnosticBag diagnostics, bool bodyKept)
    {
        var columns = MappedColumns(data, source);
        if (columns.Count == 0)
        {
            return [];
        }
        var claims = new List<ClaimRef>();
        var r = -1;
        foreach (var block in table)
        {
            if (block is not TableRow { IsHeader: false } row || ++r >= data.Rows.Count)
            {
                continue;
            }
            var rowData = data.Rows[r];
            var rowId = "cw-row-" + rowData.Location.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var rowLinks = new List<int>();
            for (var i = 0; i < rowData.Cells.Count; i++)
            {
                if (!columns.ContainsKey(i))
                {
                    rowLinks.AddRange(rowData.Cells[i].LinkIds);
                }
            }
            var rowClaims = 0;
            foreach (var (index, (rule, catalog, label)) in columns)
            {
                if (index >= rowData.Cells.Count || index >= row.Count || row[index] is not TableCell tableCell)
                {
                    continue;
                }
                var cell = rowData.Cells[index];
                var result = ReferenceParser.Parse(cell.Text, catalog, _catalogs, label);
                foreach (var problem in result.Problems)
                {
                    diagnostics.Report(problem.Descriptor, problem.Message,
                        cell.Location with { Column = cell.Location.Column + problem.Start }, problem.Help);
                }
                var references = result.References;
                for (var k = 0; k < references.Count; k++)
                {
                    var reference = references[k];
                    if (!FirstOf(references, k))
                    {
                        continue;
                    }
                    claims.Add(new ClaimRef(catalog.Id, reference.Criterion.Id,
                        cell.Location with { Column = cell.Location.Column + reference.Start }, rowId, rowLinks, reference.Via));
                    rowClaims++;
                }
                if (bodyKept && result.References.Count > 0 && !result.HasErrors && cell.LinkIds.Count == 0)
                {
                    LinkCell(tableCell, cell.Text, result);
                }
            }
            if (rowClaims > 0)
            {
                row.GetAttributes().Id = rowId;
            }
        }
        return claims;
    }

    /// <summary>True when no reference before index <paramref name="k"/> names the same criterion.</summary>
    // The one mention of a criterion a cell claims it by: the first written directly, else the first (through an alias).
    private static bool FirstOf(IReadOnlyList<ParsedReference> references, int k)
    {
        var chosen = -1;
        for (var j = 0; j < references.Count; j++)
        {
            if (references[j].Criterion != references[k].Criterion)
            {
                continue;
            }
            if (references[j].Via is null)
            {
                chosen = j;
                break;
            }
            if (chosen < 0)
            {
                chosen = j;
            }
        }
        return chosen == k;
    }

    private Dictionary<int, (MappingRule Rule, Catalog Catalog, string Label)> MappedColumns(TableData data, SourceFile source)
    {
        var columns = new Dictionary<int, (MappingRule, Catalog, string)>();
        var header = data.Header.Select(NormalizeHeader).ToList();
        foreach (var (rule, catalog, pages, label) in _rules)
        {
            if (pages is not null && !pages.IsMatch(source.RelativePath))
            {
                continue;
            }
            if (rule.Header is { } exact && !exact.Select(NormalizeHeader).SequenceEqual(header, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }
            var index = header.FindIndex(h => string.Equals(h, NormalizeHeader(rule.Column), StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                columns.TryAdd(index, (rule, catalog, label));
            }
        }
        return columns;
    }

    // Most references name one criterion, and the same few criteria recur on every page: their links are built once.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Criterion, string> _openTags = new();

    /// <summary>The opening &lt;a&gt; of a reference to <paramref name="criteria"/>, with the criteria's titles as its tooltip.</summary>
    private string OpenTag(List<Criterion> criteria)
    {
        // A range or alias stands for several criteria: it links to the group (or catalog) that holds them all.
        var target = criteria.Count == 1 ? CriterionUrls.Of(criteria[0])
            : criteria[0].Parent is { } parent && criteria.All(c => c.Parent == parent) ? CriterionUrls.Of(parent)
            : CriterionUrls.Catalog(criteria[0].Catalog);
        var title = string.Join("; ", criteria.Take(8).Select(c => $"{c.Id}: {c.Title}")) + (criteria.Count > 8 ? $"; and {criteria.Count - 8} more" : "");
        return $"<a class=\"criterion-ref\" href=\"{HtmlEscape.Url(_baseUrl + target.TrimStart('/'))}\" title=\"{HtmlEscape.Attribute(title)}\">";
    }

    // One of each per thread: a mapping table has a linked cell per row and column.
    [ThreadStatic]
    private static StringBuilder? t_cell;
    [ThreadStatic]
    private static List<(int Start, int Length)>? t_spans;
    [ThreadStatic]
    private static List<Criterion>? t_criteria;

    /// <summary>Replaces the cell's content with the same text in which each reference links to its criterion page.</summary>
    private void LinkCell(TableCell cell, string text, ReferenceParseResult result)
    {
        if (cell.Count == 0 || cell[0] is not ParagraphBlock { Inline: { } inline })
        {
            return;
        }
        var sb = (t_cell ??= new StringBuilder(256)).Clear();
        var pos = 0;
        var references = result.References;
        // Each span of text (several references share one when a range or alias stands for several criteria), in
        // order of position, then of first mention.
        var spans = t_spans ??= [];
        spans.Clear();
        for (var i = 0; i < references.Count; i++)
        {
            var r = references[i];
            if (!spans.Contains((r.Start, r.Length)))
            {
                var at = spans.Count;
                while (at > 0 && spans[at - 1].Start > r.Start)
                {
                    at--;
                }
                spans.Insert(at, (r.Start, r.Length));
            }
        }
        var criteria = t_criteria ??= [];
        foreach (var (start, length) in spans)
        {
            if (start < pos || start + length > text.Length)
            {
                continue;
            }
            HtmlEscape.AppendText(sb, text.AsSpan(pos, start - pos));
            criteria.Clear();
            for (var i = 0; i < references.Count; i++)
            {
                var r = references[i];
                if (r.Start == start && r.Length == length && !criteria.Contains(r.Criterion))
                {
                    criteria.Add(r.Criterion);
                }
            }
            sb.Append(criteria.Count == 1 ? _openTags.GetOrAdd(criteria[0], static (c, self) => self.OpenTag([c]), this) : OpenTag(criteria));
            HtmlEscape.AppendText(sb, text.AsSpan(start, length)).Append("</a>");
            pos = start + length;
        }
        HtmlEscape.AppendText(sb, text.AsSpan(pos));
        while (inline.FirstChild is { } child)
        {
            child.Remove();
        }
        inline.AppendChild(new HtmlInline(sb.ToString()));
    }
}
