using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Markdown.Syntax;

public sealed class MkDocsAdmonitionParserTests
{
    [Fact]
    public void Renders_the_kind_as_default_title_a_written_title_and_no_title_for_empty_quotes()
    {
        var html = Pages.Parse("a.md", "!!! note\n    Plain.\n\n!!! warning \"Custom *title*\"\n    Careful.\n\n!!! note \"\"\n    Untitled.\n\n!!! danger inline end \"T\"\n    Extra classes.\n").BodyHtml;

        Assert.Equal(
            "<div class=\"admonition note\">\n<p class=\"admonition-title\">Note</p>\n<p>Plain.</p>\n</div>\n"
            + "<div class=\"admonition warning\">\n<p class=\"admonition-title\">Custom <em>title</em></p>\n<p>Careful.</p>\n</div>\n"
            + "<div class=\"admonition note\">\n<p>Untitled.</p>\n</div>\n"
            + "<div class=\"admonition danger inline end\">\n<p class=\"admonition-title\">T</p>\n<p>Extra classes.</p>\n</div>\n",
            html);
    }

    [Fact]
    public void Collapsible_admonitions_are_details_with_the_title_as_summary()
    {
        var html = Pages.Parse("a.md", "??? note\n    Folded.\n\n???+ tip \"Open *one*\"\n    Shown.\n\n??? bug \"\"\n    Still needs a summary.\n").BodyHtml;

        Assert.Equal(
            "<details class=\"admonition note\">\n<summary class=\"admonition-title\">Note</summary>\n<p>Folded.</p>\n</details>\n"
            + "<details class=\"admonition tip\" open>\n<summary class=\"admonition-title\">Open <em>one</em></summary>\n<p>Shown.</p>\n</details>\n"
            + "<details class=\"admonition bug\">\n<summary class=\"admonition-title\">Bug</summary>\n<p>Still needs a summary.</p>\n</details>\n",
            html);
    }

    [Fact]
    public void The_body_holds_any_markdown_with_blank_lines_and_its_headings_get_ids()
    {
        const string text = "# Page\n\n!!! note\n    Intro.\n\n    ## Inside\n\n    - one\n    - two\n\n    ```sh\n    a\n\n    b\n    ```\n\n    | x | y |\n    |---|---|\n    | 1 | 2 |\n\n    !!! tip\n        ### Nested\n\n## After\n";

        var page = Pages.Parse("a.md", text);

        Assert.Equal(["page", "inside", "nested", "after"], page.Headings.Select(h => h.Id));
        var html = page.BodyHtml;
        Assert.Contains("<pre><code class=\"language-sh\">a\n\nb\n</code></pre>", html);
        Assert.Contains("<li>two</li>", html);
        Assert.Contains("<td>2</td>", html);
        // The table and the nested box close inside the outer box, before the heading after it.
        Assert.Matches("</table>\n<div class=\"admonition tip\">\n<p class=\"admonition-title\">Tip</p>\n<h3 id=\"nested\">.*</h3>\n</div>\n</div>\n<h2 id=\"after\">", html);
    }

    [Fact]
    public void Links_in_the_title_and_body_are_captured_at_their_file_positions()
    {
        // Given: front matter shifts the body by three lines; the body is indented four spaces
        const string text = "---\ntitle: T\n---\n!!! warning \"See [the policy](policy.md)\"\n    Body [link](a.md#x).\n\n    - item [deep](b.md)\n";

        // When
        var page = Pages.Parse("a.md", text);

        // Then
        Assert.Equal([("policy.md", 4, 18), ("a.md#x", 5, 10), ("b.md", 7, 12)], page.Links.Select(l => (l.Url, l.Location.Line, l.Location.Column)));
        Assert.Equal("the policy", page.Links[0].Text);
    }

    [Fact]
    public void A_less_indented_line_ends_the_body_and_is_not_a_lazy_continuation()
    {
        var html = Pages.Parse("a.md", "!!! note\n    Inside\nOutside\n\n!!! tip\nNot indented.\n").BodyHtml;

        Assert.Equal(
            "<div class=\"admonition note\">\n<p class=\"admonition-title\">Note</p>\n<p>Inside</p>\n</div>\n<p>Outside</p>\n"
            + "<div class=\"admonition tip\">\n<p class=\"admonition-title\">Tip</p>\n</div>\n<p>Not indented.</p>\n",
            html);
    }

    [Fact]
    public void Works_inside_a_list_item_with_the_body_indented_past_the_marker()
    {
        var page = Pages.Parse("a.md", "- item\n\n    !!! note\n        In the list [x](x.md).\n");

        Assert.Contains("<li><p>item</p>\n<div class=\"admonition note\">\n<p class=\"admonition-title\">Note</p>\n<p>In the list <a", page.BodyHtml);
        Assert.Equal(("x.md", 4, 21), (page.Links[0].Url, page.Links[0].Location.Line, page.Links[0].Location.Column));
    }

    [Theory]
    [InlineData("!!!\n    x\n")]
    [InlineData("!!! \"Only a title\"\n    x\n")]
    [InlineData("Wow!!! note\n")]
    [InlineData("    !!! note\n        x\n")]
    [InlineData("```\n!!! note\n    x\n```\n")]
    public void Text_that_only_looks_like_an_admonition_stays_as_it_was(string text)
    {
        Assert.DoesNotContain("admonition", Pages.Parse("a.md", text).BodyHtml);
    }
}
