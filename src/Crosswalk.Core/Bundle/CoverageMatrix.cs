using System.Globalization;
using Crosswalk.Bundle.Layout;
using Crosswalk.Criteria;

namespace Crosswalk.Bundle;

/// <summary>
/// The binder's coverage matrix, as the site's coverage page has it: criteria × documents, "x" where a document claims
/// a criterion itself and "i" where it inherits it through a group or alias. A page holds about ten document columns,
/// so the grid comes in slices; past <see cref="CriteriaPages.MaxMatrixColumns"/> documents, a count per criterion.
/// </summary>
internal sealed class CoverageMatrix(BinderContent content)
{
    private const int ColumnsPerSlice = 10;
    private readonly HashSet<Content.ParsedPage> _bound = [.. content.Documents];

    public IEnumerable<Block> Blocks()
    {
        yield return new PageBreakBlock();
        yield return new HeadingBlock(1, "Coverage matrix");
        foreach (var catalog in content.Catalogs)
        {
            var documents = content.Documents.Where(d => content.Claims.Of(d).Any(c => c.Criterion.Catalog == catalog)).ToList();
            var leaves = catalog.Criteria.Where(c => c.IsLeaf).ToList();
            var gaps = leaves.Where(c => content.Claims.CoverageOf(c) == Coverage.Gap).ToList();
            var direct = leaves.Count(c => content.Claims.CoverageOf(c) == Coverage.Direct);
            yield return new HeadingBlock(2, $"{catalog.Name} ({catalog.Id})");
            yield return new ParagraphBlock([new Run($"{direct} of {leaves.Count} criteria claimed directly; " +
                $"{leaves.Count - direct - gaps.Count} only through a group or alias; {gaps.Count} {(gaps.Count == 1 ? "gap" : "gaps")}.")]);
            if (documents.Count == 0)
            {
                continue;
            }
            if (documents.Count > CriteriaPages.MaxMatrixColumns)
            {
                yield return Summary(catalog);
            }
            else
            {
                yield return new ListBlock(true, 1, [.. documents.Select(d => (IReadOnlyList<Block>)[new ParagraphBlock([new Run(d.Title)])])]);
                yield return new ParagraphBlock([new Run("x: claimed directly; i: only through a group or alias; gap: no document claims it.", RunStyle.Italic)]);
                for (var first = 0; first < documents.Count; first += ColumnsPerSlice)
                {
                    yield return Slice(catalog, documents, first, Math.Min(ColumnsPerSlice, documents.Count - first));
                }
            }
            yield return new HeadingBlock(3, "Gaps");
            yield return new ParagraphBlock([new Run(gaps.Count == 0 ? "None: every criterion is claimed." : string.Join(", ", gaps.Select(g => g.Id)))]);
        }
    }

    private TableBlock Slice(Catalog catalog, List<Content.ParsedPage> documents, int first, int count)
    {
        var columns = documents.Skip(first).Take(count).ToList();
        List<IReadOnlyList<Run>> header = [[new Run("Criterion")]];
        header.AddRange(columns.Select((_, i) => (IReadOnlyList<Run>)[new Run((first + i + 1).ToString(CultureInfo.InvariantCulture))]));
        var rows = catalog.Criteria.Select(criterion =>
        {
            var best = new Dictionary<Content.ParsedPage, bool>();
            foreach (var claim in content.Claims.Covering(criterion))
            {
                best[claim.Page] = best.GetValueOrDefault(claim.Page) || claim.IsDirectFor(criterion);
            }
            var gap = criterion.IsLeaf && best.Count == 0;
            List<IReadOnlyList<Run>> row = [[new Run(criterion.Id + (gap ? " gap" : ""), criterion.IsLeaf ? RunStyle.Plain : RunStyle.Bold)]];
            row.AddRange(columns.Select(d => (IReadOnlyList<Run>)[new Run(best.TryGetValue(d, out var isDirect) ? isDirect ? "x" : "i" : "")]));
            return (IReadOnlyList<IReadOnlyList<Run>>)row;
        }).ToList();
        return new TableBlock(header, rows, [3, .. columns.Select(_ => 1.0)]);
    }

    private TableBlock Summary(Catalog catalog) => new(
        [[new Run("Criterion")], [new Run("Coverage")], [new Run("Documents")]],
        [.. catalog.Criteria.Select(criterion => (IReadOnlyList<IReadOnlyList<Run>>)
        [
            [new Run(criterion.Id, criterion.IsLeaf ? RunStyle.Plain : RunStyle.Bold)],
            [new Run(content.Claims.CoverageOf(criterion) switch
            {
                Coverage.Direct => "claimed directly",
                Coverage.Inherited => "only through a group or alias",
                _ => criterion.IsLeaf ? "gap" : "",
            })],
            [new Run(content.Claims.PagesCovering(criterion).Count(_bound.Contains).ToString(CultureInfo.InvariantCulture))],
        ])],
        [2, 3, 1]);
}
