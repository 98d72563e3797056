namespace Crosswalk.Bundle.Layout;

/// <summary>
/// Places blocks on pages top to bottom: wraps text to the width, breaks pages where a line does not fit, keeps a
/// heading with what follows it, and notes each level 1 and 2 heading for the bookmarks.
/// </summary>
internal sealed partial class PageFlow
{
    private readonly TextMetrics _metrics;
    private readonly LineBreaker _breaker;
    private readonly List<List<PageItem>> _pages = [];
    private readonly List<Mark> _marks = [];
    private double _y;

    public PageFlow(TextMetrics metrics)
    {
        _metrics = metrics;
        _breaker = new LineBreaker(metrics);
        NewPage();
    }

    /// <summary>The pages and bookmarks so far.</summary>
    public LaidSection Result => new([.. _pages], [.. _marks]);

    private List<PageItem> Page => _pages[^1];

    /// <summary>Places <paramref name="blocks"/> in the full text width.</summary>
    public void AddAll(IEnumerable<Block> blocks)
    {
        foreach (var block in blocks)
        {
            Add(block, PageGeometry.Left, PageGeometry.Right - PageGeometry.Left);
        }
    }

    private void Add(Block block, double x, double width)
    {
        switch (block)
        {
            case ParagraphBlock p:
                Lines(_breaker.Break(p.Runs, p.Size > 0 ? p.Size : PageGeometry.BodySize, width), x);
                _y += 5;
                break;
            case HeadingBlock h:
                Heading(h, x, width);
                break;
            case ListBlock l:
                List(l, x, width);
                break;
            case CodeBlock c:
                Code(c.Text, x, width);
                break;
            case QuoteBlock q:
                Quote(q, x, width);
                break;
            case TableBlock t:
                Table(t, x, width);
                break;
            case ImageBlock i:
                Image(i, x, width);
                break;
            case EntryBlock e:
                Entry(e, x, width);
                break;
            case RuleBlock:
                Room(8);
                Page.Add(new LineItem(x, _y + 4, x + width, _y + 4));
                _y += 10;
                break;
            case PageBreakBlock:
                if (Page.Count > 0)
                {
                    NewPage();
                }
                break;
        }
    }

    private void NewPage()
    {
        _pages.Add([]);
        _y = PageGeometry.Top;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> points still fit on this one (an empty page always takes it).</summary>
    private void Room(double height)
    {
        if (_y + height > PageGeometry.Bottom && _y > PageGeometry.Top)
        {
            NewPage();
        }
    }

    private void Lines(IReadOnlyList<SetLine> lines, double x, double shift = 0)
    {
        foreach (var line in lines)
        {
            Room(line.Height);
            Line(line, x + shift);
            _y += line.Height;
        }
    }

    private void Line(SetLine line, double x)
    {
        foreach (var s in line.Segments)
        {
            Page.Add(new TextItem(x + s.X, _y + s.Font.Ascent, s.Font, s.Text));
        }
    }

    private void Heading(HeadingBlock h, double x, double width)
    {
        var size = h.Level switch { 1 => 18.0, 2 => 14.0, 3 => 12.0, _ => 10.5 };
        var lines = _breaker.Break([new Run(h.Text)], size, width, RunStyle.Bold);
        var height = lines.Sum(l => l.Height);
        // Space above unless at the top of a page; the heading and two lines of what follows stay together.
        if (_y > PageGeometry.Top)
        {
            _y += size * 0.6;
        }
        Room(height + 3 * new TextFont(RunStyle.Plain, PageGeometry.BodySize).LineHeight);
        if (h.Bookmark && h.Level <= 2)
        {
            _marks.Add(new Mark(h.Text, h.Level, _pages.Count - 1, _y));
        }
        Lines(lines, x);
        _y += size * 0.3;
    }

    private void List(ListBlock list, double x, double width)
    {
        var indent = Indent(18, width);
        var number = list.Start;
        foreach (var item in list.Items)
        {
            var marker = list.Ordered ? $"{number++}." : "•";
            var font = new TextFont(RunStyle.Plain, PageGeometry.BodySize);
            Room(font.LineHeight);
            Page.Add(new TextItem(x + indent - 5 - _metrics.Width(marker, font), _y + font.Ascent, font, marker));
            foreach (var block in item)
            {
                Add(block, x + indent, width - indent);
            }
        }
        _y += 3;
    }

    private void Code(string text, double x, double width)
    {
        var font = new TextFont(RunStyle.Mono, PageGeometry.CodeSize);
        var perLine = Math.Max(1, (int)((width - 8) / _metrics.Width("M", font)));
        _y += 2;
        foreach (var raw in text.Replace("\t", "    ", StringComparison.Ordinal).TrimEnd('\n').Split('\n'))
        {
            var rest = TextMetrics.Clean(raw.TrimEnd('\r'));
            do
            {
                var take = Math.Min(perLine, rest.Length);
                if (take < rest.Length && char.IsHighSurrogate(rest[take - 1]))
                {
                    take--;
                }
                Room(font.LineHeight);
                Page.Add(new BoxItem(x, _y, width, font.LineHeight));
                Page.Add(new TextItem(x + 4, _y + font.Ascent, font, rest[..take]));
                _y += font.LineHeight;
                rest = rest[take..];
            }
            while (rest.Length > 0);
        }
        _y += 7;
    }

    private void Quote(QuoteBlock quote, double x, double width)
    {
        var indent = Indent(14, width);
        var (startPage, startY) = (_pages.Count - 1, _y);
        foreach (var block in quote.Blocks)
        {
            Add(block, x + indent, width - indent);
        }
        // The bar runs beside the quote on every page it spans.
        for (var p = startPage; p < _pages.Count; p++)
        {
            var top = p == startPage ? startY : PageGeometry.Top;
            var bottom = p == _pages.Count - 1 ? _y - 5 : PageGeometry.Bottom;
            _pages[p].Add(new LineItem(x + 4, top, x + 4, bottom));
        }
    }

    /// <summary>A nested list or quote indents while a useful width is left; deeper ones stay where they are.</summary>
    private static double Indent(double indent, double width) => width - indent >= 120 ? indent : 0;

    private void Image(ImageBlock image, double x, double width)
    {
        if (ImageSize.Of(image.Data) is not var (pixelsWide, pixelsHigh) || pixelsWide <= 0 || pixelsHigh <= 0)
        {
            Add(new ParagraphBlock([new Run($"[image: {image.Alt}]", RunStyle.Italic)]), x, width);
            return;
        }
        // 96 pixels to the inch, never wider than the text nor taller than 60% of the page.
        var w = Math.Min(width, pixelsWide * 0.75);
        var h = w * pixelsHigh / pixelsWide;
        var maxHeight = (PageGeometry.Bottom - PageGeometry.Top) * 0.6;
        if (h > maxHeight)
        {
            (w, h) = (w * maxHeight / h, maxHeight);
        }
        Room(h);
        Page.Add(new ImageItem(x, _y, w, h, image.Data));
        _y += h + 6;
    }

    private void Entry(EntryBlock entry, double x, double width)
    {
        const double numberColumn = 48;
        var indent = entry.Indent * 14;
        var lines = _breaker.Break([new Run(entry.Text)], PageGeometry.BodySize, width - indent - numberColumn, entry.Bold ? RunStyle.Bold : RunStyle.Plain);
        Lines(lines, x, indent);
        var font = new TextFont(entry.Bold ? RunStyle.Bold : RunStyle.Plain, PageGeometry.BodySize);
        if (entry.Page.Length > 0)
        {
            Page.Add(new TextItem(x + width - _metrics.Width(entry.Page, font), _y - lines[^1].Height + font.Ascent, font, entry.Page));
        }
        _y += 2;
    }
}
