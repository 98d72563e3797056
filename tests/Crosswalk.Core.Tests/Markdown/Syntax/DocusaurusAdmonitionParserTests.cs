using Crosswalk.Markdown.Syntax;
using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Markdown.Syntax;

public sealed class DocusaurusAdmonitionParserTests
{
    private static string Box(string kind, string title, string body) =>
        $"<div class=\"admonition {kind}\">\n<p class=\"admonition-title\">{title}</p>\n{body}</div>\n";

    [Fact]
    public void Reads_the_kind_and_a_title_written_after_a_space_or_in_brackets()
    {
        var html = Pages.Parse("a.md", ":::note\nPlain.\n:::\n\n:::tip My *tip*\nTip.\n:::\n\n:::info[Info [x](x.md) title]\nInfo.\n:::\n\n:::danger\n\nDanger.\n\n:::\n").BodyHtml;

        Assert.Equal(
            Box("note", "Note", "<p>Plain.</p>\n") + Box("tip", "My <em>tip</em>", "<p>Tip.</p>\n")
            + Box("info", "Info <a href=\"" + Pages.Placeholders.For(0) + "\">x</a> title", "<p>Info.</p>\n") + Box("danger", "Danger", "<p>Danger.</p>\n"),
            html);
    }

    [Fact]
    public void A_box_nests_inside_one_opened_with_more_colons()
    {
        var html = Pages.Parse("a.md", "::::warning\nOuter.\n\n:::caution\nInner.\n:::\n\nStill outer.\n::::\nAfter.\n").BodyHtml;

        Assert.Equal(Box("warning", "Warning", "<p>Outer.</p>\n" + Box("caution", "Caution", "<p>Inner.</p>\n") + "<p>Still outer.</p>\n") + "<p>After.</p>\n", html);
    }

    [Fact]
    public void Headings_in_a_box_get_ids_and_its_links_are_captured_at_their_positions()
    {
        var page = Pages.Parse("a.md", "---\ntitle: T\n---\n:::note[See [a](a.md)]\n## Inside the note\n\n- [b](b.md#c)\n:::\n");

        Assert.Equal(["inside-the-note"], page.Headings.Select(h => h.Id));
        Assert.Equal([("a.md", 4, 13), ("b.md#c", 7, 3)], page.Links.Select(l => (l.Url, l.Location.Line, l.Location.Column)));
    }

    [Theory]
    [InlineData(":::\nA lone fence.\n:::\n")]
    [InlineData(":::unknown\nNot a keyword.\n:::\n")]
    [InlineData("::note\nTwo colons.\n")]
    [InlineData("::: note\nA space before the keyword.\n")]
    [InlineData("Prose :::note in a line.\n")]
    [InlineData("    :::note\n    Indented code.\n")]
    [InlineData("```\n:::note\ncode\n:::\n```\n")]
    public void Text_that_only_looks_like_a_box_stays_as_it_was(string text)
    {
        Assert.DoesNotContain("admonition", Pages.Parse("a.md", text).BodyHtml);
    }

    [Fact]
    public void An_unclosed_box_runs_to_the_end_of_its_container()
    {
        var html = Pages.Parse("a.md", "> :::note\n> Quoted.\n\nOutside.\n").BodyHtml;

        Assert.Equal("<blockquote>\n" + Box("note", "Note", "<p>Quoted.</p>\n") + "</blockquote>\n<p>Outside.</p>\n", html);
    }

    [Fact]
    public void Nesting_stops_at_the_bound_and_deeper_fences_are_text()
    {
        var html = Pages.Parse("a.md", string.Concat(Enumerable.Repeat(":::note\n", DocusaurusAdmonitionParser.MaxDepth + 5))).BodyHtml;

        Assert.Equal(DocusaurusAdmonitionParser.MaxDepth, html.Split("<div class=\"admonition note\">").Length - 1);
        Assert.Contains("<p>:::note\n:::note", html);
    }
}
