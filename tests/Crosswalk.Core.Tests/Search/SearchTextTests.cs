using Crosswalk.Search;

namespace Crosswalk.Tests.Search;

public sealed class SearchTextTests
{
    private static readonly Dictionary<string, string> NoHeadings = [];

    [Theory]
    [InlineData("Maps to CC6.1 and A.5.15.", new[] { "maps", "to", "cc6.1", "and", "a.5.15" })]
    [InlineData("CC6.1-CC6.3; clause 9.1", new[] { "cc6.1-cc6.3", "clause", "9.1" })]
    [InlineData("rate_limit per-client (RBAC)", new[] { "rate_limit", "per-client", "rbac" })]
    [InlineData("end. -x- _y_ a..b", new[] { "end", "x", "y", "a", "b" })]
    [InlineData("Zugriffsrechte für Übersicht", new[] { "zugriffsrechte", "für", "übersicht" })]
    public void Terms_keep_criterion_ids_whole_and_drop_punctuation_around_words(string text, string[] expected) =>
        Assert.Equal(expected, SearchText.Terms(text));

    [Fact]
    public void A_page_s_sections_hold_nothing_of_the_page_read_before_on_the_thread()
    {
        // The thread's text builders are kept from page to page; a page cut off inside a heading leaves them full.
        SearchText.Sections("<p>left over <h2 id=\"a\">Open heading", NoHeadings);
        SearchText.Sections(string.Concat(Enumerable.Repeat("<p>A long page of policy text.</p>", 40_000)), NoHeadings);

        var sections = SearchText.Sections("<p>Intro.</p><h2 id=\"b\">B</h2><p>Body.</p>", NoHeadings);

        Assert.Equal([new SearchSection("", "", "Intro."), new SearchSection("b", "B", "Body.")], sections);
    }

    [Fact]
    public void Sections_start_at_each_heading_with_its_id_and_listed_text()
    {
        var html = "<p>Intro <em>text</em>.</p>\n<h2 id=\"scope\">Scope<a class=\"heading-anchor\" href=\"#scope\">#</a></h2>\n<p>Applies to<br>all.</p>\n"
            + "<h3 id=\"x\">Raw &amp; heading</h3><ul><li>one</li><li>two</li></ul>";

        var sections = SearchText.Sections(html, new Dictionary<string, string> { ["scope"] = "Scope" });

        Assert.Equal(
            [new SearchSection("", "", "Intro text."), new SearchSection("scope", "Scope", "Applies to all."), new SearchSection("x", "Raw & heading", "one two")],
            sections);
    }

    [Fact]
    public void Script_style_and_comments_are_no_text_and_entities_are_decoded()
    {
        var html = "<p>a&lt;b&gt; &quot;q&quot;</p><script>var x = '<p>no</p>';</script><style>p{}</style><!-- <h2 id=\"c\">C</h2> -->"
            + "<svg><text>no</text></svg><p>1 < 2</p>";

        var section = Assert.Single(SearchText.Sections(html, NoHeadings));

        Assert.Equal("a<b> \"q\" 1 < 2", section.Text);
    }

    [Fact]
    public void Markup_in_page_text_comes_out_as_text_never_as_tags()
    {
        // What a page writes as text (escaped by Markdig) stays text; the index holds it as such, search.js prints it with textContent.
        var section = Assert.Single(SearchText.Sections("<p>&lt;img src=x onerror=alert(1)&gt;</p>", NoHeadings));

        Assert.Equal("<img src=x onerror=alert(1)>", section.Text);
    }

    [Fact]
    public void An_unclosed_tag_or_heading_does_not_throw()
    {
        var sections = SearchText.Sections("<p>text <h2 id=\"a\">Open heading", NoHeadings);

        Assert.Equal([new SearchSection("", "", "text"), new SearchSection("a", "Open heading", "")], sections);
        Assert.Equal([new SearchSection("", "", "<")], SearchText.Sections("<", NoHeadings));
    }
}
