using Crosswalk.Content;
using Crosswalk.Diagnostics;

namespace Crosswalk.Tests.Content;

/// <summary>Front matter written without its opening '---', as comply writes it, and Markdown that only looks like it.</summary>
public sealed class YamlFirstFrontMatterTests
{
    // A policy in comply's format (written for this test).
    private const string Policy = """
        name: Access Control Policy
        acronym: ACP
        satisfies:
          TSC:
            - CC6.1
            - CC6.2
        majorRevisions:
          - date: Jan 5 2026
            comment: First version
        ---
        # Purpose and Scope

        Who may use which systems.
        """;

    private static (FrontMatterResult Result, IReadOnlyList<Diagnostic> Diagnostics) Read(string text, FrontMatterStyle style = FrontMatterStyle.Auto)
    {
        var bag = new DiagnosticBag();
        var result = FrontMatterReader.Read(text, "policies/access.md", bag, style: style);
        return (result, bag.ToSortedList());
    }

    [Theory]
    [InlineData(FrontMatterStyle.Auto)]
    [InlineData(FrontMatterStyle.YamlFirst)]
    public void Reads_a_comply_block_with_positions_counted_from_the_files_first_line(FrontMatterStyle style)
    {
        // When
        var (result, diagnostics) = Read(Policy, style);

        // Then
        Assert.Empty(diagnostics);
        Assert.Equal("Access Control Policy", result.Meta.Name);
        Assert.Equal(
            [("TSC", "CC6.1", 5, 7, 4, 3), ("TSC", "CC6.2", 6, 7, 4, 3)],
            result.Meta.Satisfies.Select(s => (s.Catalog, s.Expression, s.Location.Line, s.Location.Column, s.CatalogAt!.Value.Line, s.CatalogAt.Value.Column)));
        Assert.Equal(10, result.BodyLine);
        Assert.StartsWith("# Purpose and Scope", result.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Fenced_reads_no_comply_block_and_says_so()
    {
        var (result, diagnostics) = Read(Policy, FrontMatterStyle.Fenced);

        var d = Assert.Single(diagnostics);
        Assert.Equal("policies/access.md(1,1): info CW1013: the page opens with front matter without the opening '---', which front_matter_style: fenced reads as Markdown",
            d.ToString());
        Assert.Null(result.Meta.Name);
        Assert.Equal(0, result.BodyLine);
        Assert.StartsWith("name: Access Control Policy", result.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Title: foo\n---\n")]                                   // a setext heading: 'Title' is not the key 'title'
    [InlineData("Status: Draft\nOwner: Dana\n---\n")]                   // key-shaped, but no key Crosswalk knows
    [InlineData("title: Notes\nSome prose, then a rule.\n---\n")]       // a line of prose
    [InlineData("title: Notes\n\nA paragraph: with a colon.\n---\n")]   // prose keys have spaces before the colon
    [InlineData("name: x\n\nNo rule below, so no block.\n")]
    [InlineData("# Heading\ntitle: x\n---\n")]
    [InlineData("https://example.com: x\n---\n")]
    public void Auto_leaves_markdown_that_only_looks_like_front_matter_as_body(string text)
    {
        var (result, diagnostics) = Read(text);
        var (_, fenced) = Read(text, FrontMatterStyle.Fenced);

        Assert.Empty(diagnostics);
        Assert.Empty(fenced);
        Assert.Equal(0, result.BodyLine);
        Assert.Equal(text, result.Body);
        Assert.Empty(result.Meta.Keys);
    }

    [Fact]
    public void Auto_reads_a_lower_case_known_key_over_a_rule_as_front_matter()
    {
        var (result, diagnostics) = Read("title: foo\n---\nBody\n");

        Assert.Empty(diagnostics);
        Assert.Equal("foo", result.Meta.Title);
        Assert.Equal(("Body\n", 2), (result.Body, result.BodyLine));
    }

    [Fact]
    public void Auto_counts_a_known_key_on_any_top_level_line_and_keeps_comments_and_blank_lines()
    {
        var (result, diagnostics) = Read("id: \"offboard\"\n# the ticket's schedule\n\ncron: \"0 0 9 * * 1\"\n---\nSteps\n");

        Assert.Empty(diagnostics);
        Assert.Equal(["id", "cron"], result.Meta.Keys.Keys);
        Assert.Equal(5, result.BodyLine);
    }

    [Theory]
    [InlineData(FrontMatterStyle.Auto)]
    [InlineData(FrontMatterStyle.YamlFirst)]
    public void Broken_yaml_in_a_block_meant_as_front_matter_is_CW1002_at_its_line_not_body_text(FrontMatterStyle style)
    {
        // Given: a revision's comment is indented deeper than its date (comply's own bad fixture has this fault)
        const string text = "name: Access Control Policy\nmajorRevisions:\n- date: Jan 5 2026\n   comment: First version\n---\n# Purpose\n";

        // When
        var (result, diagnostics) = Read(text, style);

        // Then
        var d = Assert.Single(diagnostics);
        Assert.Equal("CW1002", d.Code);
        Assert.Equal(("policies/access.md", 4, 11), (d.Location!.Value.File, d.Location.Value.Line, d.Location.Value.Column));
        Assert.Equal(("# Purpose\n", 5), (result.Body, result.BodyLine));
    }

    [Fact]
    public void Field_errors_and_unknown_keys_in_a_yaml_first_block_are_located_on_their_own_lines()
    {
        var (_, diagnostics) = Read("name: Access\nnav_order: first\nsatisifes:\n  TSC: [CC6.1]\n---\n");

        Assert.Equal(
            [
                "policies/access.md(2,12): error CW1003: nav_order must be a number, not 'first'",
                "policies/access.md(3,1): warning CW1007: unknown front-matter key 'satisifes'",
            ],
            diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Yaml_first_reads_whatever_precedes_the_rule_and_reports_it_when_it_is_not_yaml()
    {
        var (result, diagnostics) = Read("Note: this folder holds drafts.\nIt is prose, not YAML.\n---\nMore\n", FrontMatterStyle.YamlFirst);

        var d = Assert.Single(diagnostics);
        Assert.Equal(("CW1002", 2), (d.Code, d.Location!.Value.Line));
        Assert.Equal("More\n", result.Body);
    }

    [Fact]
    public void Yaml_first_reports_a_known_first_key_without_a_closing_rule_and_keeps_the_text_as_body()
    {
        const string text = "name: Access Control Policy\nacronym: ACP\n# Purpose and Scope\n";

        var (result, diagnostics) = Read(text, FrontMatterStyle.YamlFirst);

        var d = Assert.Single(diagnostics);
        Assert.Equal("policies/access.md(1,1): error CW1002: the page starts with front matter but no line holding only '---' ends it", d.ToString());
        Assert.Equal((text, 0), (result.Body, result.BodyLine));
    }

    [Fact]
    public void Yaml_first_leaves_a_page_alone_whose_first_line_is_no_known_key_and_that_has_no_rule()
    {
        var (result, diagnostics) = Read("Note: drafts live here.\n", FrontMatterStyle.YamlFirst);

        Assert.Empty(diagnostics);
        Assert.Equal("Note: drafts live here.\n", result.Body);
    }

    [Theory]
    [InlineData(FrontMatterStyle.Auto)]
    [InlineData(FrontMatterStyle.YamlFirst)]
    public void Fenced_front_matter_reads_as_before_in_every_style(FrontMatterStyle style)
    {
        var (result, diagnostics) = Read("---\nname: A\n---\nBody\n", style);

        Assert.Empty(diagnostics);
        Assert.Equal(("A", "Body\n", 3), (result.Meta.Name, result.Body, result.BodyLine));
    }

    [Fact]
    public void A_byte_order_mark_and_crlf_lines_shift_nothing()
    {
        var (result, diagnostics) = Read("\uFEFFname: Windows\r\nnav_order: x\r\n---\r\nbody\r\n");

        var d = Assert.Single(diagnostics);
        Assert.Equal((2, 12), (d.Location!.Value.Line, d.Location.Value.Column));
        Assert.Equal("Windows", result.Meta.Name);
        Assert.Equal(("body\r\n", 3), (result.Body, result.BodyLine));
    }

    [Theory]
    [InlineData("name: x", "name")]
    [InlineData("majorRevisions:", "majorRevisions")]
    [InlineData("\"quoted key\": 1", "quoted key")]
    [InlineData("'single': 1", "single")]
    [InlineData("Note that: this", null)]
    [InlineData("http://example.com", null)]
    [InlineData("- item", null)]
    [InlineData("  indented: x", null)]
    public void Top_level_keys_are_plain_names_or_quoted(string line, string? key) =>
        Assert.Equal(key, YamlFirstFrontMatter.TopLevelKey(line));
}
