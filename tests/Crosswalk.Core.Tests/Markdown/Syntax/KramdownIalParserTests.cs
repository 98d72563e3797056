using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Markdown.Syntax;

public sealed class KramdownIalParserTests
{
    [Theory]
    [InlineData("## Setup\n{: #custom-id}\n", "<h2 id=\"custom-id\">")]
    [InlineData("## Setup\n{:#custom-id .wide}\n", "<h2 id=\"custom-id\" class=\"wide\">")]
    [InlineData("## Setup\n{: .wide #custom-id}\n", "<h2 id=\"custom-id\" class=\"wide\">")]
    [InlineData("## Setup\n{: class=\"wide\" id=\"custom-id\"}\n", "<h2 id=\"custom-id\" class=\"wide\">")]
    [InlineData("Setup\n-----\n{: #custom-id}\n", "<h2 id=\"custom-id\">")]
    [InlineData("{: #custom-id}\n## Setup\n", "<h2 id=\"custom-id\">")]
    [InlineData("## Setup\n{: #first}\n{: .wide #custom-id}\n", "<h2 id=\"custom-id\" class=\"wide\">")]
    public void A_list_next_to_a_heading_sets_its_id_and_leaves_no_text(string text, string start)
    {
        var page = Pages.Parse("a.md", text);

        Assert.Equal("custom-id", Assert.Single(page.Headings).Id);
        Assert.StartsWith(start + "Setup<a class=\"heading-anchor\" href=\"#custom-id\"", page.BodyHtml);
        Assert.DoesNotContain("{", page.BodyHtml);
        Assert.DoesNotContain("<p>", page.BodyHtml);
    }

    [Fact]
    public void Its_id_counts_as_taken_when_other_headings_get_slugs()
    {
        var page = Pages.Parse("a.md", "## One\n{: #two}\n\n## Two\n");

        Assert.Equal(["two", "two-1"], page.Headings.Select(h => h.Id));
    }

    [Fact]
    public void A_list_after_a_paragraph_ends_it_and_gives_it_the_attributes()
    {
        var html = Pages.Parse("a.md", "First line\nsecond line\n{: .lead data-role=\"intro\"}\nNext paragraph.\n").BodyHtml;

        Assert.Equal("<p class=\"lead\" data-role=\"intro\">First line\nsecond line</p>\n<p>Next paragraph.</p>\n", html);
    }

    [Fact]
    public void A_list_with_blank_lines_around_it_or_a_definition_shows_nothing()
    {
        var html = Pages.Parse("a.md", "## A\n\n{: #lost}\n\nText.\n\n{:note: .box}\n").BodyHtml;

        Assert.DoesNotContain("lost", html);
        Assert.DoesNotContain("{", html);
        Assert.EndsWith("</h2>\n<p>Text.</p>\n", html);
    }

    [Fact]
    public void A_list_before_a_fenced_block_or_inside_a_quote_applies_there()
    {
        var html = Pages.Parse("a.md", "{: .shell}\n```sh\nls\n```\n\n> ## Quoted\n> {: #q}\n").BodyHtml;

        Assert.StartsWith("<pre><code class=\"language-sh shell\">ls\n</code></pre>\n<blockquote>\n<h2 id=\"q\">Quoted", html);
    }

    [Theory]
    [InlineData("```\n## A\n{: #x}\n```\n", "{: #x}")]
    [InlineData("    ## A\n    {: #x}\n", "{: #x}")]
    [InlineData("## A\n\nUse `{: #x}` after a heading.\n", "<code>{: #x}</code>")]
    [InlineData("## A\n{: #x\n", "{: #x")]
    [InlineData("## A\n{: #x} trailing\n", "{: #x} trailing")]
    public void Text_that_is_no_attribute_list_stays_as_it_was(string text, string kept)
    {
        var page = Pages.Parse("a.md", text);

        Assert.Contains(kept, page.BodyHtml);
        Assert.DoesNotContain("id=\"x\"", page.BodyHtml);
    }
}
