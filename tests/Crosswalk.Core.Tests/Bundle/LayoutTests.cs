using Crosswalk.Bundle.Layout;

namespace Crosswalk.Core.Tests.Bundle;

public sealed class LayoutTests
{
    [Fact]
    public void Lines_never_pass_the_width_and_a_word_wider_than_the_line_is_cut()
    {
        using var metrics = new TextMetrics();
        var breaker = new LineBreaker(metrics);
        var runs = new[] { new Run("A policy sets the rules for who may access a deployment "), new Run("and with which", RunStyle.Bold), new Run(" privileges: " + new string('x', 200)) };

        var lines = breaker.Break(runs, 10, 150);

        Assert.True(lines.Count > 4);
        Assert.All(lines, l => Assert.True(l.Width <= 150.001, $"{l.Width}: {string.Join("|", l.Segments.Select(s => s.Text))}"));
        Assert.Equal(string.Concat(runs.Select(r => r.Text)).Replace(" ", ""), string.Concat(lines.SelectMany(l => l.Segments).Select(s => s.Text)).Replace(" ", ""));
        Assert.Equal("and with which", string.Join(" ", lines.SelectMany(l => l.Segments).Where(s => (s.Font.Style & RunStyle.Bold) != 0).Select(s => s.Text)));
    }

    [Fact]
    public void A_hard_break_starts_a_line_and_widths_follow_the_font()
    {
        using var metrics = new TextMetrics();

        var lines = new LineBreaker(metrics).Break([new Run("one\ntwo")], 10, 500);

        Assert.Equal(["one", "two"], lines.Select(l => l.Segments.Single().Text));
        Assert.True(metrics.Width("WWW", new TextFont(RunStyle.Plain, 10)) > metrics.Width("iii", new TextFont(RunStyle.Plain, 10)));
        Assert.Equal(metrics.Width("WWW", new TextFont(RunStyle.Mono, 10)), metrics.Width("iii", new TextFont(RunStyle.Mono, 10)), 3);
    }

    [Fact]
    public void A_long_table_goes_on_over_pages_with_its_header_and_cells_inside_their_columns()
    {
        using var metrics = new TextMetrics();
        var flow = new PageFlow(metrics);
        var rows = Enumerable.Range(0, 120).Select(i => (IReadOnlyList<IReadOnlyList<Run>>)[[new Run($"row {i}")], [new Run(string.Join(' ', Enumerable.Repeat("wrapped cell text", 8)))]]).ToList();

        flow.AddAll([new TableBlock([[new Run("Key")], [new Run("Value")]], rows)]);

        var pages = flow.Result.Pages;
        Assert.True(pages.Count > 2);
        Assert.All(pages, page =>
        {
            Assert.Contains(page.OfType<TextItem>(), t => t.Text == "Key");
            Assert.All(page.OfType<TextItem>(), t => Assert.True(t.X + metrics.Width(t.Text, t.Font) <= PageGeometry.Right + 0.01 && t.Y <= PageGeometry.Bottom, t.Text));
        });
    }

    [Fact]
    public void A_squeezed_column_keeps_its_longest_word_whole_in_the_font_it_is_set_in()
    {
        using var metrics = new TextMetrics();
        var flow = new PageFlow(metrics);
        var prose = string.Join(' ', Enumerable.Repeat("a long explanation that takes the room", 12));
        // A bold header word and a code word in a short column beside two columns of prose.
        var rows = new List<IReadOnlyList<IReadOnlyList<Run>>> { new[] { new[] { new Run("critical", RunStyle.Mono) }, new[] { new Run(prose) }, new[] { new Run(prose) } } };

        flow.AddAll([new TableBlock([[new Run("Severity")], [new Run("Meaning")], [new Run("Deadline")]], rows)]);

        var texts = flow.Result.Pages.SelectMany(p => p.OfType<TextItem>()).Select(t => t.Text).ToList();
        Assert.Contains("Severity", texts);
        Assert.Contains("critical", texts);
    }

    [Fact]
    public void Headings_of_level_1_and_2_are_bookmarked_on_their_pages()
    {
        using var metrics = new TextMetrics();
        var flow = new PageFlow(metrics);

        flow.AddAll([new HeadingBlock(1, "Policy"), new HeadingBlock(2, "Scope"), new HeadingBlock(3, "Detail"), new PageBreakBlock(), new HeadingBlock(1, "Next")]);

        Assert.Equal([("Policy", 1, 0), ("Scope", 2, 0), ("Next", 1, 1)], flow.Result.Marks.Select(m => (m.Title, m.Level, m.Page)));
    }

    [Fact]
    public void Image_sizes_are_read_from_png_and_jpeg_headers()
    {
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x20, 0x00, 0x40, 0x03, 0, 0, 0, 0, 0, 0];

        Assert.Equal((1, 1), ImageSize.Of(png));
        Assert.Equal((64, 32), ImageSize.Of(jpeg));
        Assert.Null(ImageSize.Of("<svg/>"u8.ToArray()));
    }
}
