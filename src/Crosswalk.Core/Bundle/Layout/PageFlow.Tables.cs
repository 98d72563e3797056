namespace Crosswalk.Bundle.Layout;

/// <summary>Tables: columns sized to their content within the width, cell text wrapped, the header repeated on each page.</summary>
internal sealed partial class PageFlow
{
    private const double CellPad = 3;

    private void Table(TableBlock table, double x, double width)
    {
        var columns = Math.Max(table.Header.Count, table.Rows.Count == 0 ? 0 : table.Rows.Max(r => r.Count));
        if (columns == 0)
        {
            return;
        }
        var widths = ColumnWidths(table, columns, width);
        var header = table.Header.Count > 0 ? Cells(table.Header, widths, RunStyle.Bold) : null;
        _y += 2;
        if (header is not null)
        {
            Row(header, widths, x, shaded: true, null);
        }
        foreach (var row in table.Rows)
        {
            Row(Cells(row, widths, RunStyle.Plain), widths, x, shaded: false, header);
        }
        _y += 8;
    }

    private List<List<SetLine>> Cells(IReadOnlyList<IReadOnlyList<Run>> row, double[] widths, RunStyle style) =>
        [.. widths.Select((w, i) => _breaker.Break(i < row.Count ? row[i] : [], PageGeometry.BodySize * 0.9, w - 2 * CellPad, style))];

    /// <summary>
    /// One row: on a new page when it would fit there but not here; a row taller than a page is split between lines.
    /// Each page the table continues on repeats the header.
    /// </summary>
    private void Row(List<List<SetLine>> cells, double[] widths, double x, bool shaded, List<List<SetLine>>? header)
    {
        var height = cells.Max(c => c.Sum(l => l.Height)) + 2 * CellPad;
        if (_y + height > PageGeometry.Bottom && _y > PageGeometry.Top && height <= PageGeometry.Bottom - PageGeometry.Top - 40)
        {
            NewPage();
            if (header is not null)
            {
                Row(header, widths, x, shaded: true, null);
            }
        }
        var total = widths.Sum();
        var top = _y;
        if (shaded)
        {
            Page.Add(new BoxItem(x, top, total, Math.Min(height, PageGeometry.Bottom - top)));
        }
        var next = new int[cells.Count];
        var lineY = _y + CellPad;
        while (next.Select((n, i) => n < cells[i].Count).Any(b => b))
        {
            var step = cells.Select((c, i) => next[i] < c.Count ? c[next[i]].Height : 0).Max();
            if (lineY + step > PageGeometry.Bottom)
            {
                Page.Add(new LineItem(x, lineY, x + total, lineY));
                NewPage();
                if (header is not null)
                {
                    Row(header, widths, x, shaded: true, null);
                }
                lineY = _y + CellPad;
            }
            var cellX = x;
            for (var i = 0; i < cells.Count; i++)
            {
                if (next[i] < cells[i].Count)
                {
                    foreach (var s in cells[i][next[i]].Segments)
                    {
                        Page.Add(new TextItem(cellX + CellPad + s.X, lineY + s.Font.Ascent, s.Font, s.Text));
                    }
                    next[i]++;
                }
                cellX += widths[i];
            }
            lineY += step;
        }
        _y = Math.Max(lineY + CellPad, top + height);
        Page.Add(new LineItem(x, _y, x + total, _y));
    }

    /// <summary>
    /// Column widths: each column's single-line width when all fit, else shares of the width in proportion to it, no
    /// column narrower than its longest word allows (up to an even share).
    /// </summary>
    private double[] ColumnWidths(TableBlock table, int columns, double width)
    {
        if (table.Widths is { } given && given.Count == columns)
        {
            var sum = given.Sum();
            return [.. given.Select(g => width * g / sum)];
        }
        var natural = new double[columns];
        var longestWord = new double[columns];
        foreach (var row in table.Rows.Prepend(table.Header))
        {
            // Each run in the font the cell is set in (the header bold, code in mono), as the line breaker sets it.
            var cellStyle = row == table.Header ? RunStyle.Bold : RunStyle.Plain;
            for (var i = 0; i < row.Count && i < columns; i++)
            {
                var line = 0.0;
                foreach (var run in row[i])
                {
                    var size = PageGeometry.BodySize * 0.9;
                    var font = new TextFont(run.Style | cellStyle, (run.Style & RunStyle.Mono) != 0 ? size * 0.9 : size);
                    line += _metrics.Width(run.Text, font);
                    foreach (var word in run.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    {
                        longestWord[i] = Math.Max(longestWord[i], _metrics.Width(word, font) + 2 * CellPad);
                    }
                }
                natural[i] = Math.Max(natural[i], line + 2 * CellPad);
            }
        }
        if (natural.Sum() <= width)
        {
            var spare = (width - natural.Sum()) / columns;
            return [.. natural.Select(n => n + spare)];
        }
        var floor = longestWord.Select(w => Math.Min(w, width / columns)).ToArray();
        var rest = width - floor.Sum();
        var extra = natural.Select((n, i) => Math.Max(0, n - floor[i])).ToArray();
        var extraSum = extra.Sum();
        return [.. floor.Select((f, i) => f + (extraSum > 0 ? rest * extra[i] / extraSum : rest / columns))];
    }
}
