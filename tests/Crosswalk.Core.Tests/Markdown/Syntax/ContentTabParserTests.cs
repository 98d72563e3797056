using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Markdown.Syntax;

public sealed class ContentTabParserTests
{
    private static string Tab(string name, string label, bool check, string body) =>
        $"<label class=\"tabbed-label\"><input type=\"radio\" name=\"{name}\"{(check ? " checked" : "")}> {label}</label>\n<div class=\"tabbed-block\">\n{body}</div>\n";

    [Fact]
    public void Consecutive_tabs_form_one_set_with_every_body_in_the_page_and_the_first_checked()
    {
        var html = Pages.Parse("a.md", "=== \"Tab 1\"\n    One.\n\n=== \"Tab *2*\"\n\n    Two.\n").BodyHtml;

        Assert.Equal("<div class=\"tabbed-set\">\n" + Tab("cw-tabs-1", "Tab 1", true, "<p>One.</p>\n") + Tab("cw-tabs-1", "Tab <em>2</em>", false, "<p>Two.</p>\n") + "</div>\n", html);
    }

    [Fact]
    public void A_block_between_tabs_or_a_bang_starts_a_new_set_and_a_plus_picks_the_tab_shown()
    {
        var html = Pages.Parse("a.md", "=== \"A\"\n    a\n\nBetween.\n\n=== \"B\"\n    b\n===! \"C\"\n    c\n===+ \"D\"\n    d\n").BodyHtml;

        Assert.Equal(
            "<div class=\"tabbed-set\">\n" + Tab("cw-tabs-1", "A", true, "<p>a</p>\n") + "</div>\n<p>Between.</p>\n"
            + "<div class=\"tabbed-set\">\n" + Tab("cw-tabs-2", "B", true, "<p>b</p>\n") + "</div>\n"
            + "<div class=\"tabbed-set\">\n" + Tab("cw-tabs-3", "C", false, "<p>c</p>\n") + Tab("cw-tabs-3", "D", true, "<p>d</p>\n") + "</div>\n",
            html);
    }

    [Fact]
    public void Headings_in_tabs_are_the_pages_and_links_in_labels_and_bodies_are_captured_at_their_positions()
    {
        // Given
        const string text = "# Setup\n\n=== \"[Linux](linux.md)\"\n    ## Install on Linux\n\n    See [apt](apt.md).\n\n=== \"macOS\"\n    ## Install on macOS\n\n    !!! note\n        [brew](brew.md)\n";

        // When
        var page = Pages.Parse("a.md", text);

        // Then
        Assert.Equal(["setup", "install-on-linux", "install-on-macos"], page.Headings.Select(h => h.Id));
        Assert.Equal([("linux.md", 3, 6), ("apt.md", 6, 9), ("brew.md", 12, 9)], page.Links.Select(l => (l.Url, l.Location.Line, l.Location.Column)));
        Assert.Contains("id=\"install-on-macos\"", page.BodyHtml);
    }

    [Fact]
    public void A_setext_underline_stays_a_heading_and_an_unquoted_label_is_no_tab()
    {
        var page = Pages.Parse("a.md", "Title\n===\n\nText\n=== Tab\n\nSpaced\n===   \n\n=== \"Tab\"\n    Body.\n");

        Assert.Equal(["title", "spaced"], page.Headings.Select(h => h.Id));
        Assert.Contains("<p>Text\n=== Tab</p>", page.BodyHtml);
        Assert.Single(page.BodyHtml.Split("tabbed-set")[1..]);
    }

    [Fact]
    public void A_quoted_label_after_a_paragraph_line_opens_a_tab_as_in_mkdocs()
    {
        var html = Pages.Parse("a.md", "Choose:\n=== \"Tab\"\n    Body.\n").BodyHtml;

        Assert.StartsWith("<p>Choose:</p>\n<div class=\"tabbed-set\">", html);
    }
}
