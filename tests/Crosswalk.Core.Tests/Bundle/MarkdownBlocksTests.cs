using Crosswalk.Bundle.Layout;

namespace Crosswalk.Core.Tests.Bundle;

public sealed class MarkdownBlocksTests
{
    private static List<Block> Convert(string markdown, bool skipTitle = true) => new MarkdownBlocks(_ => null).Convert(markdown, skipTitle);

    private static string Text(ParagraphBlock p) => string.Concat(p.Runs.Select(r => r.Text));

    [Fact]
    public void The_title_h1_is_left_out_and_body_headings_start_at_level_2()
    {
        var blocks = Convert("# Title\n\nText.\n\n# Part\n\n### Detail\n");

        Assert.Equal([2, 3], blocks.OfType<HeadingBlock>().Select(h => h.Level));
        Assert.Equal("Text.", Text(blocks.OfType<ParagraphBlock>().Single()));
    }

    [Fact]
    public void Links_show_their_target_and_emphasis_and_code_keep_their_style()
    {
        var p = Convert("See the [policy](/policy/#scope), <https://example.com>, **bold** and `code`.").OfType<ParagraphBlock>().Single();

        Assert.Equal("See the policy (/policy/#scope), https://example.com, bold and code.", Text(p));
        Assert.Contains(p.Runs, r => r.Text == "bold" && r.Style == RunStyle.Bold);
        Assert.Contains(p.Runs, r => r.Text == "code" && r.Style == RunStyle.Mono);
        Assert.Contains(p.Runs, r => r.Text == " (/policy/#scope)" && r.Style == RunStyle.Link);
    }

    [Fact]
    public void Lists_tables_code_quotes_and_images_become_their_blocks()
    {
        var blocks = Convert("3. one\n4. two\n   - nested\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n```sh\nrun it\n```\n\n> quoted\n\n![chart](chart.svg)\n\n<div>raw html</div>\n", skipTitle: false);

        var list = Assert.IsType<ListBlock>(blocks[0]);
        Assert.True(list.Ordered);
        Assert.Equal(3, list.Start);
        Assert.IsType<ListBlock>(list.Items[1][1]);
        var table = Assert.IsType<TableBlock>(blocks[1]);
        Assert.Equal("B", table.Header[1][0].Text);
        Assert.Equal("2", table.Rows[0][1][0].Text);
        Assert.Equal("run it", Assert.IsType<CodeBlock>(blocks[2]).Text);
        Assert.IsType<QuoteBlock>(blocks[3]);
        Assert.StartsWith("[image: chart (chart.svg), not embedded", Text(Assert.IsType<ParagraphBlock>(blocks[4])));
        Assert.Equal(5, blocks.Count);
    }
}
