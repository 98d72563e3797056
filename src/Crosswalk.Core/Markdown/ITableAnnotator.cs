using Crosswalk.Content;
using Crosswalk.Diagnostics;
using Markdig.Extensions.Tables;

namespace Crosswalk.Markdown;

/// <summary>
/// Hook for stage <c>ParseMarkdown</c>: sees each table while the AST is alive, may give rows ids and
/// rewrite cells (criterion links), and returns the criterion references it read.
/// </summary>
public interface ITableAnnotator
{
    /// <summary>
    /// Reads and annotates one table of <paramref name="source"/>; <paramref name="bodyKept"/> is false when the page's
    /// HTML will not be used (what only shapes it can be left out).
    /// </summary>
    IReadOnlyList<ClaimRef> Annotate(Table table, TableData data, SourceFile source, DiagnosticBag diagnostics, bool bodyKept);
}
