using Crosswalk.Markdown;
using Crosswalk.Markdown.Slugs;

namespace Crosswalk.Tests.Markdown.Slugs;

/// <summary>The registry, and what each rule does beyond the shared corpus (SlugRuleCorpusTests).</summary>
public sealed class SlugRuleTests
{
    private static string Html(SlugRule rule, string markdown) => Markdig.Markdown.ToHtml(markdown, MarkdownPipelineFactory.Create(rule));

    private static IEnumerable<string> Ids(SlugRule rule, string markdown) =>
        HeadingIdsExtension.GetHeadings(Markdig.Markdown.Parse(markdown, MarkdownPipelineFactory.Create(rule))).Select(h => h.Id);

    [Fact]
    public void The_registry_finds_each_rule_by_its_exact_name_and_github_is_the_default()
    {
        Assert.Equal(["github", "mintlify", "python-markdown", "docusaurus", "kramdown"], SlugRule.All.Select(r => r.Name));
        Assert.All(SlugRule.All, r => Assert.Same(r, SlugRule.Find(r.Name)));
        Assert.Null(SlugRule.Find("GitHub"));
        Assert.Null(SlugRule.Find("mkdocs"));
        Assert.Same(SlugRule.GitHub, ((HeadingIdsExtension)new Markdig.MarkdownPipelineBuilder().UseHeadingIds().Extensions[0]).Rule);
    }

    [Fact]
    public void Mintlify_gives_ids_to_levels_one_to_four_only()
    {
        // @mintlify/common 1.0.1183 turned levels 1-4 into <Heading id>, and left <h5> and <h6> without an id.
        var html = Html(SlugRule.Mintlify, "# One\n\n#### Four\n\n##### Five\n\n###### Six\n");

        Assert.Contains("<h4 id=\"four\">", html);
        Assert.Contains("<h5>Five", html);
        Assert.Contains("<h6>Six", html);
        Assert.Equal(["one", "four", "", ""], Ids(SlugRule.Mintlify, "# One\n\n#### Four\n\n##### Five\n\n###### Six\n"));
    }

    [Theory]
    [InlineData("mintlify", "")]
    [InlineData("kramdown", "")]
    [InlineData("python-markdown", "_1")]
    [InlineData("github", "")]
    [InlineData("docusaurus", "")]
    public void An_empty_slug_becomes_what_the_generator_writes(string rule, string expected)
    {
        Assert.Equal(expected, Assert.Single(Ids(SlugRule.Find(rule)!, "## ???\n")));
    }

    [Fact]
    public void Mintlify_has_no_id_attribute_for_a_heading_whose_id_cleans_to_nothing()
    {
        Assert.DoesNotContain("id=", Html(SlugRule.Mintlify, "## ???\n"));
        Assert.Contains("id=\"\"", Html(SlugRule.Kramdown, "## ???\n"));
    }

    [Fact]
    public void Kramdown_reads_dashes_in_code_spans_and_escaped_ones_as_hyphens_and_in_text_as_typography()
    {
        // Jekyll 4.3.1 with kramdown 2.4.0 and kramdown-parser-gfm 1.1.0 made these ids.
        Assert.Equal(["ab---c", "ab---c-1"], Ids(SlugRule.Kramdown, "## a--b `--c`\n\n## a---b \\-\\-c\n"));
    }

    [Fact]
    public void Python_markdown_counts_on_from_a_trailing_underscore_number()
    {
        // Python-Markdown 3.10.3 made these ids.
        Assert.Equal(["v_9", "v_10", "v_11", "v_9_1"], Ids(SlugRule.PythonMarkdown, "## v_9\n\n## v_9\n\n## v_10\n\n## v_9_1\n"));
    }
}
