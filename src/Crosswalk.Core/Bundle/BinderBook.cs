using System.Globalization;
using Crosswalk.Bundle.Layout;
using Crosswalk.Content;
using Crosswalk.Criteria;

namespace Crosswalk.Bundle;

/// <summary>What one binder holds: the site, the catalogs it indexes (one, or every catalog for a whole-site binder) and the documents.</summary>
internal sealed record BinderContent(string Site, string Name, IReadOnlyList<Catalog> Catalogs, IReadOnlyList<ParsedPage> Documents, ClaimSet Claims,
    string? Commit, DateOnly Date);

/// <summary>
/// Lays out a binder: cover, contents, the documents, the criterion index and the coverage matrix. Page numbers are
/// those a PDF viewer shows (the cover is page 1). The documents are laid out once; the contents and the index, which
/// print page numbers, are laid out again once the numbers are known: their number column has a fixed width, so their
/// length does not depend on the numbers they hold.
/// </summary>
internal sealed class BinderBook(TextMetrics metrics, BinderContent content, Func<ParsedPage, List<Block>> documentBlocks)
{
    /// <summary>The PDF of the binder.</summary>
    public byte[] Pdf()
    {
        var cover = Lay(Cover());
        var documents = content.Documents.Select(d => Lay(documentBlocks(d))).ToList();
        var contents = Lay(Contents(null));
        for (var attempt = 0; ; attempt++)
        {
            var starts = new List<int>();
            var next = 1 + cover.Pages.Count + contents.Pages.Count;
            foreach (var doc in documents)
            {
                starts.Add(next);
                next += doc.Pages.Count;
            }
            var index = Lay(Index(starts));
            var matrix = Lay(Matrix());
            var contentsAgain = Lay(Contents([.. starts, next, next + index.Pages.Count]));
            // The number column is fixed, so the second laying out has the length of the first; should a line wrap
            // differently all the same, lay out again with the new length.
            if (contentsAgain.Pages.Count != contents.Pages.Count && attempt < 3)
            {
                contents = contentsAgain;
                continue;
            }
            var sections = new List<LaidSection> { cover, contentsAgain };
            sections.AddRange(documents);
            sections.Add(index);
            sections.Add(matrix);
            var pages = new List<IReadOnlyList<PageItem>>();
            var marks = new List<Mark>();
            foreach (var section in sections)
            {
                marks.AddRange(section.Marks.Select(m => m with { Page = m.Page + pages.Count }));
                pages.AddRange(section.Pages);
            }
            var footer = $"{content.Site}  ·  {content.Name}  ·  {Date}";
            return PdfBook.Write(metrics, pages, marks, $"{content.Site}: {content.Name} audit bundle", footer, content.Date);
        }
    }

    private string Date => content.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private LaidSection Lay(IEnumerable<Block> blocks)
    {
        var flow = new PageFlow(metrics);
        flow.AddAll(blocks);
        return flow.Result;
    }

    private IEnumerable<Block> Cover()
    {
        yield return new ParagraphBlock([new Run("Audit bundle", RunStyle.Bold)], 14);
        yield return new HeadingBlock(1, content.Site, Bookmark: false);
        yield return new ParagraphBlock([new Run(content.Name)], 16);
        yield return new RuleBlock();
        yield return new TableBlock([], [
            Row("Site", content.Site),
            Row("Catalog", content.Catalogs.Count == 1 ? $"{content.Catalogs[0].Name} ({content.Catalogs[0].Id})" : string.Join(", ", content.Catalogs.Select(c => c.Id))),
            Row("Commit", content.Commit ?? "not in git"),
            Row("Date", Date),
            Row("Documents", content.Documents.Count.ToString(CultureInfo.InvariantCulture)),
        ], [1, 3]);
        yield return new ParagraphBlock([new Run(
            "Each document follows with its document-control facts; the criterion index lists, per criterion claimed, the documents that claim it and the page each starts on.", RunStyle.Italic)]);
    }

    /// <summary>The contents; <paramref name="starts"/> are the documents' pages, then the index's and the matrix's (null: not known yet).</summary>
    private IEnumerable<Block> Contents(IReadOnlyList<int>? starts)
    {
        string Number(int i) => starts is null ? "" : starts[i].ToString(CultureInfo.InvariantCulture);
        yield return new HeadingBlock(1, "Contents");
        for (var i = 0; i < content.Documents.Count; i++)
        {
            yield return new EntryBlock(content.Documents[i].Title, Number(i));
        }
        yield return new EntryBlock("Criterion index", Number(content.Documents.Count), Bold: true);
        yield return new EntryBlock("Coverage matrix", Number(content.Documents.Count + 1), Bold: true);
    }

    /// <summary>Per criterion claimed by a document of the binder: a line with the criterion, then each document with its first page.</summary>
    private IEnumerable<Block> Index(IReadOnlyList<int> starts)
    {
        yield return new PageBreakBlock();
        yield return new HeadingBlock(1, "Criterion index");
        yield return new ParagraphBlock([new Run("Each criterion claimed, with the documents that claim it and the page each document starts on. " +
            "\"inherited\": the document claims a group or an alias that holds the criterion.", RunStyle.Italic)]);
        var position = content.Documents.Select((d, i) => (d, i)).ToDictionary(x => x.d, x => x.i);
        foreach (var catalog in content.Catalogs)
        {
            foreach (var criterion in catalog.Criteria)
            {
                var claiming = content.Claims.Covering(criterion).Where(c => position.ContainsKey(c.Page))
                    .GroupBy(c => c.Page).Select(g => (Page: g.Key, Direct: g.Any(c => c.IsDirectFor(criterion))))
                    .OrderBy(x => position[x.Page]).ToList();
                if (claiming.Count == 0)
                {
                    continue;
                }
                var label = content.Catalogs.Count > 1 ? $"{catalog.Id} {criterion.Id}" : criterion.Id;
                yield return new EntryBlock($"{label}  {criterion.Title}", "", Bold: true);
                foreach (var (page, direct) in claiming)
                {
                    yield return new EntryBlock(page.Title + (direct ? "" : " (inherited)"), starts[position[page]].ToString(CultureInfo.InvariantCulture), Indent: 1);
                }
            }
        }
    }

    private IEnumerable<Block> Matrix() => new CoverageMatrix(content).Blocks();

    private static IReadOnlyList<IReadOnlyList<Run>> Row(string label, string value) => [[new Run(label, RunStyle.Bold)], [new Run(value)]];
}
