using UglyToad.PdfPig;

namespace Crosswalk.Cli.Tests.Bundle;

/// <summary>A PDF read back with PdfPig: per page (1-based, as a viewer numbers them) its lines of text, top to bottom.</summary>
internal sealed class PdfLines
{
    public PdfLines(string path)
    {
        using var document = PdfDocument.Open(path);
        Pages = [.. document.GetPages().Select(page => (IReadOnlyList<string>)[.. page.GetWords()
            .GroupBy(w => Math.Round(w.Letters[0].StartBaseLine.Y))
            .OrderByDescending(g => g.Key)
            .Select(g => string.Join(' ', g.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text)))])];
        Images = [.. document.GetPages().Select(page => page.GetImages().Count())];
        Bookmarks = document.TryGetBookmarks(out var bookmarks)
            ? [.. bookmarks.GetNodes().Select(n => n.Title)]
            : [];
    }

    /// <summary>Page n's lines at <c>Pages[n - 1]</c>; the last line of every page but the cover is its footer.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Pages { get; }

    /// <summary>How many images page n shows, at <c>Images[n - 1]</c>.</summary>
    public IReadOnlyList<int> Images { get; }

    /// <summary>The titles of every bookmark, depth first.</summary>
    public IReadOnlyList<string> Bookmarks { get; }

    /// <summary>The first page (1-based) whose first line is <paramref name="heading"/>; 0 when none is.</summary>
    public int PageStartingWith(string heading)
    {
        for (var i = 0; i < Pages.Count; i++)
        {
            if (Pages[i].Count > 0 && Pages[i][0] == heading)
            {
                return i + 1;
            }
        }
        return 0;
    }
}
