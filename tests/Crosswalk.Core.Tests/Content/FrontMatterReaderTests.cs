using Crosswalk.Content;
using Crosswalk.Diagnostics;

namespace Crosswalk.Tests.Content;

public sealed class FrontMatterReaderTests
{
    private static (FrontMatterResult Result, IReadOnlyList<Diagnostic> Diagnostics) Read(string text)
    {
        var bag = new DiagnosticBag();
        var result = FrontMatterReader.Read(text, "content/page.md", bag);
        return (result, bag.ToSortedList());
    }

    [Fact]
    public void Reads_typed_fields_and_the_body_line()
    {
        // Given
        const string text = """
            ---
            title: Incident Response
            summary: How we respond.
            permalink: /compliance/incident-response/
            nav_order: 3
            owner: Security Lead
            last_reviewed: 2026-11-20
            next_review: 2027-05-20
            satisfies:
              soc2-tsc-2017: [CC7.2, CC7.3]
              iso27001-2022: A.5.24
            redirect_from: [/ir/]
            ---
            # Body
            """;

        // When
        var (result, diagnostics) = Read(text);

        // Then
        Assert.Empty(diagnostics);
        var meta = result.Meta;
        Assert.Equal("Incident Response", meta.Title);
        Assert.Equal("How we respond.", meta.Summary);
        Assert.Equal("/compliance/incident-response/", meta.Permalink);
        Assert.Equal(new SourceLocation("content/page.md", 4, 12), meta.PermalinkLocation);
        Assert.Equal(3, meta.NavOrder);
        Assert.Equal(new DateOnly(2026, 11, 20), meta.LastReviewed);
        Assert.Equal(3, meta.Satisfies.Count);
        Assert.Equal(new SatisfiesEntry("soc2-tsc-2017", "CC7.3", new SourceLocation("content/page.md", 10, 26), new SourceLocation("content/page.md", 10, 3)),
            meta.Satisfies[1]);
        Assert.Equal("/ir/", meta.RedirectFrom[0].Url);
        Assert.Equal(13, result.BodyLine);
        Assert.Equal("# Body", result.Body);
    }

    [Fact]
    public void Reports_CW1002_at_the_line_of_the_yaml_error_in_the_page()
    {
        var (_, diagnostics) = Read("---\ntitle: ok\nsummary: [unclosed\nowner: x\n---\nbody\n");
        var d = Assert.Single(diagnostics);
        Assert.Equal("CW1002", d.Code);
        Assert.Equal("content/page.md", d.Location!.Value.File);
        Assert.InRange(d.Location!.Value.Line, 3, 5);
    }

    [Fact]
    public void Reports_CW1002_for_a_bad_indentation_on_its_exact_line()
    {
        var (_, diagnostics) = Read("---\ntitle: ok\n  bad: indent\n---\n");
        var d = Assert.Single(diagnostics);
        Assert.Equal("CW1002", d.Code);
        Assert.Equal(3, d.Location!.Value.Line);
    }

    [Fact]
    public void Reports_CW1002_when_front_matter_never_closes()
    {
        var (result, diagnostics) = Read("---\ntitle: x\n# Heading\n");
        var d = Assert.Single(diagnostics);
        Assert.Equal(("CW1002", 1), (d.Code, d.Location!.Value.Line));
        Assert.Contains("never closed", d.Message);
        Assert.Equal("", result.Body);
    }

    [Fact]
    public void Reports_CW1002_when_front_matter_is_not_a_mapping()
    {
        var (_, diagnostics) = Read("---\n- a\n- b\n---\n");
        Assert.Equal(("CW1002", 2), (diagnostics.Single().Code, diagnostics.Single().Location!.Value.Line));
    }

    [Theory]
    [InlineData("permalink: compliance/\n", "must start with '/'")]
    [InlineData("nav_order: first\n", "nav_order must be a number")]
    [InlineData("title: [a, b]\n", "'title' must be a single value")]
    [InlineData("satisfies: CC6.1\n", "'satisfies' must map catalog ids")]
    public void Reports_CW1003_for_fields_of_the_wrong_type(string field, string expected)
    {
        var (_, diagnostics) = Read("---\n" + field + "---\n");
        var d = Assert.Single(diagnostics);
        Assert.Equal(("CW1003", 2), (d.Code, d.Location!.Value.Line));
        Assert.Contains(expected, d.Message);
    }

    [Fact]
    public void Handles_a_bom_and_crlf_line_endings()
    {
        var (result, diagnostics) = Read("\uFEFF---\r\ntitle: Windows\r\n---\r\nbody\r\n");
        Assert.Empty(diagnostics);
        Assert.Equal("Windows", result.Meta.Title);
        Assert.Equal(3, result.BodyLine);
        Assert.Equal("body\r\n", result.Body);
    }

    [Fact]
    public void A_page_without_front_matter_is_all_body()
    {
        var (result, diagnostics) = Read("# Just Markdown\n---\n");
        Assert.Empty(diagnostics);
        Assert.Equal(0, result.BodyLine);
        Assert.Null(result.Meta.Title);
    }
}
