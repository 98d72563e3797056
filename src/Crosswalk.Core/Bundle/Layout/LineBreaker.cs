namespace Crosswalk.Bundle.Layout;

/// <summary>One piece of a set line: text in one font at an offset from the line's start.</summary>
internal sealed record Segment(double X, string Text, TextFont Font);

/// <summary>A set line: its pieces, its width and its height.</summary>
internal sealed record SetLine(IReadOnlyList<Segment> Segments, double Width, double Height);

/// <summary>Breaks runs of text into lines of a width, at spaces; a word wider than the line is cut where it must be.</summary>
internal sealed class LineBreaker(TextMetrics metrics)
{
    /// <summary>The lines of <paramref name="runs"/> set at <paramref name="size"/> points in <paramref name="width"/>.</summary>
    public List<SetLine> Break(IReadOnlyList<Run> runs, double size, double width, RunStyle extra = RunStyle.Plain)
    {
        var lines = new List<SetLine>();
        var segments = new List<Segment>();
        var x = 0.0;
        var height = new TextFont(extra, size).LineHeight;
        TextFont? space = null;

        void Finish()
        {
            lines.Add(new SetLine([.. segments], x, height));
            segments.Clear();
            x = 0;
            height = new TextFont(extra, size).LineHeight;
            space = null;
        }

        void Place(string word, TextFont font, double w)
        {
            var gap = space is { } s && x > 0 ? metrics.Width(" ", s) : 0;
            // Consecutive words in one font are one string: fewer text objects, and a PDF reader sees the space.
            if (segments.Count > 0 && segments[^1].Font == font && (gap == 0 || space == font))
            {
                var last = segments[^1];
                segments[^1] = last with { Text = last.Text + (gap > 0 ? " " : "") + word };
            }
            else
            {
                segments.Add(new Segment(x + gap, word, font));
            }
            x += gap + w;
            height = Math.Max(height, font.LineHeight);
            space = null;
        }

        foreach (var run in runs)
        {
            var font = new TextFont(run.Style | extra, (run.Style & RunStyle.Mono) != 0 ? size * 0.9 : size);
            var text = TextMetrics.Clean(run.Text);
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (c == '\n')
                {
                    Finish();
                    i++;
                    continue;
                }
                if (char.IsWhiteSpace(c))
                {
                    space = x > 0 ? font : null;
                    i++;
                    continue;
                }
                var end = i;
                while (end < text.Length && !char.IsWhiteSpace(text[end]))
                {
                    end++;
                }
                var word = text[i..end];
                i = end;
                var w = metrics.Width(word, font);
                var gap = space is { } s && x > 0 ? metrics.Width(" ", s) : 0;
                if (x > 0 && x + gap + w > width)
                {
                    Finish();
                }
                while (w > width && word.Length > 1)
                {
                    var cut = Fit(word, font, width - x);
                    Place(word[..cut], font, metrics.Width(word.AsSpan(0, cut), font));
                    Finish();
                    word = word[cut..];
                    w = metrics.Width(word, font);
                }
                Place(word, font, w);
            }
        }
        if (segments.Count > 0 || lines.Count == 0)
        {
            Finish();
        }
        return lines;
    }

    /// <summary>How many characters of <paramref name="word"/> fit in <paramref name="width"/> (at least one, never half a pair).</summary>
    public int Fit(string word, TextFont font, double width)
    {
        var used = 0.0;
        var i = 0;
        while (i < word.Length)
        {
            var step = char.IsHighSurrogate(word[i]) && i + 1 < word.Length ? 2 : 1;
            used += metrics.Width(word.AsSpan(i, step), font);
            if (used > width && i > 0)
            {
                break;
            }
            i += step;
        }
        return Math.Max(1, i);
    }
}
