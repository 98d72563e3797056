using Crosswalk.Content;
using Crosswalk.Diagnostics;
using Crosswalk.Markdown;
using Crosswalk.Tests.Support;
using Markdig;

namespace Crosswalk.Tests.Markdown;

public sealed class MarkdigExtensionsTests
{
    private const string Anchor = "<a class=\"heading-anchor\" href=\"#{0}\" aria-label=\"Link to this section\">#</a>";

    private static string Heading(int level, string id, string text) =>
        $"<h{level} id=\"{id}\">{text}{string.Format(System.Globalization.CultureInfo.InvariantCulture, Anchor, id)}</h{level}>\n";

    [Fact]
    public void The_factory_pipeline_alone_gives_github_slugger_ids_and_anchors()
    {
        // Given: a combining mark, an emoji, a letter outside the BMP, repeats, and an explicit id a slug would repeat
        const string text = "# Cafe\u0301 menu\n\n## Emoji \U0001F389 party\n\n## \U0001D49Cbc\n\n## Setup\n\n## Setup\n\n## Own {#setup-2}\n\n## Setup\n";

        // When
        var html = Markdig.Markdown.ToHtml(text, MarkdownPipelineFactory.Create());

        // Then
        Assert.Equal(
            Heading(1, "cafe\u0301-menu", "Cafe\u0301 menu")
            + Heading(2, "emoji--party", "Emoji \U0001F389 party")
            + Heading(2, "\U0001D49Cbc", "\U0001D49Cbc")
            + Heading(2, "setup", "Setup")
            + Heading(2, "setup-1", "Setup")
            + Heading(2, "setup-2", "Own")
            + Heading(2, "setup-3", "Setup"),
            html);
    }

    [Fact]
    public void Markdigs_own_github_ids_differ_which_is_why_they_are_not_used()
    {
        var markdig = new MarkdownPipelineBuilder().UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub).Build();

        Assert.DoesNotContain("id=\"cafe\u0301\"", Markdig.Markdown.ToHtml("# Cafe\u0301\n", markdig));
        Assert.Contains("id=\"cafe\u0301\"", Markdig.Markdown.ToHtml("# Cafe\u0301\n", MarkdownPipelineFactory.Create()));
    }

    [Fact]
    public void Heading_ids_alone_give_ids_and_keep_the_headings_on_the_document()
    {
        var pipeline = new MarkdownPipelineBuilder().UseHeadingIds().Build();

        var document = Markdig.Markdown.Parse("# A\n\nB *b*\n---\n\n# A\n", pipeline);

        Assert.Equal([new Heading(1, "a", "A"), new Heading(2, "b-b", "B b"), new Heading(1, "a-1", "A")], HeadingIdsExtension.GetHeadings(document));
        Assert.Equal("<h1 id=\"a\">A</h1>\n<h2 id=\"b-b\">B <em>b</em></h2>\n<h1 id=\"a-1\">A</h1>\n", Markdig.Markdown.ToHtml(document, pipeline));
        Assert.Empty(HeadingIdsExtension.GetHeadings(Markdig.Markdown.Parse("# A\n")));
    }

    [Fact]
    public void Heading_anchors_alone_link_to_whatever_id_a_heading_has()
    {
        var explicitIds = new MarkdownPipelineBuilder().UseHeadingAnchors().UseGenericAttributes().Build();
        var markdigIds = new MarkdownPipelineBuilder().UseAutoIdentifiers().UseHeadingAnchors().Build();

        Assert.Equal(Heading(1, "top", "A") + "<h1>B</h1>\n", Markdig.Markdown.ToHtml("# A {#top}\n\n# B\n", explicitIds));
        Assert.Equal(Heading(2, "hello-world", "Hello World"), Markdig.Markdown.ToHtml("## Hello World\n", markdigIds));
        Assert.Equal("Hello World\n", Markdig.Markdown.ToPlainText("## Hello World\n", markdigIds));
    }

    [Fact]
    public void Link_capture_alone_replaces_urls_only_when_the_context_asks_for_it()
    {
        // Given
        var pipeline = new MarkdownPipelineBuilder().UseLinkCapture().Build();
        const string text = "See [a](a.md) and <https://x.example>.\n\n<div><a href=\"/b\">b</a></div>\n";
        var capture = new LinkCapture(new LinkPlaceholders("t"), (line, column) => new SourceLocation("a.md", line + 1, column + 1));

        // When
        var plain = Markdig.Markdown.ToHtml(text, pipeline);
        var captured = Markdig.Markdown.ToHtml(text, pipeline, capture.AddTo(new MarkdownParserContext()));

        // Then
        Assert.Equal(Markdig.Markdown.ToHtml(text), plain);
        Assert.Equal("<p>See <a href=\"cwlinkt_0_\">a</a> and <a href=\"cwlinkt_1_\">cwlinkt_1_</a>.</p>\n<div><a href=\"cwlinkt_2_\">b</a></div>\n", captured);
        Assert.Equal(
            [(0, "a.md", LinkKind.Link, 1, 5, "a"), (1, "https://x.example", LinkKind.Link, 1, 19, "https://x.example"), (2, "/b", LinkKind.HtmlHref, 3, 9, "")],
            capture.Links.Select(l => (l.Id, l.Url, l.Kind, l.Location.Line, l.Location.Column, l.Text)));
        Assert.Equal(1, capture.IdOf("cwlinkt_1_"));
    }

    [Fact]
    public void Heading_ids_read_a_headings_autolink_before_link_capture_replaces_it_in_either_order_of_use()
    {
        const string text = "# Go to <https://x.example>\n";
        foreach (var pipeline in new[]
        {
            new MarkdownPipelineBuilder().UseHeadingIds().UseLinkCapture().Build(),
            new MarkdownPipelineBuilder().UseLinkCapture().UseHeadingIds().Build(),
        })
        {
            var capture = new LinkCapture(new LinkPlaceholders("t"), (line, column) => new SourceLocation("a.md", line + 1, column + 1));
            var document = Markdig.Markdown.Parse(text, pipeline, capture.AddTo(new MarkdownParserContext()));

            Assert.Equal("go-to-httpsxexample", Assert.Single(HeadingIdsExtension.GetHeadings(document)).Id);
            Assert.Equal("https://x.example", Assert.Single(capture.Links).Url);
        }
    }

    [Fact]
    public void Page_parser_refuses_a_pipeline_without_heading_ids_or_link_capture()
    {
        Assert.Throws<ArgumentException>(() => new PageParser(new MarkdownPipelineBuilder().Build(), Pages.Placeholders));
        Assert.Throws<ArgumentException>(() => new PageParser(new MarkdownPipelineBuilder().UseHeadingIds().Build(), Pages.Placeholders));
    }

    [Fact]
    public void One_pipeline_parses_many_pages_at_once_as_it_does_one_at_a_time()
    {
        // Given: pages whose ids, links and tables differ, so state leaking between documents would show
        var pipeline = MarkdownPipelineFactory.Create();
        var parser = new PageParser(pipeline, Pages.Placeholders);
        var texts = Enumerable.Range(0, 300).Select(PageText).ToArray();
        var serial = texts.Select((t, i) => Snapshot(parser, i, t)).ToArray();
        var serialHtml = texts.Select(t => Markdig.Markdown.ToHtml(t, pipeline)).ToArray();

        // When: every page parsed five times over, on as many threads as will run
        var parallel = new string[texts.Length * 5];
        var parallelHtml = new string[texts.Length * 5];
        Parallel.For(0, parallel.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, k =>
        {
            var i = k % texts.Length;
            parallel[k] = Snapshot(parser, i, texts[i]);
            parallelHtml[k] = Markdig.Markdown.ToHtml(texts[i], pipeline);
        });

        // Then
        for (var k = 0; k < parallel.Length; k++)
        {
            Assert.Equal(serial[k % texts.Length], parallel[k]);
            Assert.Equal(serialHtml[k % texts.Length], parallelHtml[k]);
        }
    }

    private static string PageText(int i) => $$"""
        # Page {{i}}

        {{string.Concat(Enumerable.Range(0, 20).Select(k => $"## Part {(i + k) % 7}\n\n"))}}
        ## Own {#part-{{i % 5}}}

        See [page {{i}}](p{{i}}.md), <https://x.example/{{i}}> and <a href="/raw/{{i}}">raw</a>.{{(i % 3 == 0 ? "[^1]" : "")}}

        | Doc | Link |
        |-----|------|
        | {{i}} | [t{{i}}](/t/{{i}}) |

        [^1]: Note [n{{i}}](/n/{{i}}).
        """;

    private static string Snapshot(PageParser parser, int i, string text)
    {
        var page = parser.Parse(new SourceFile($"/s/content/p{i}.md", $"p{i}.md", $"content/p{i}.md", SourceKind.Page), text, new DiagnosticBag());
        return string.Join('\n', [
            page.BodyHtml,
            .. page.Headings.Select(h => h.ToString()),
            .. page.Links.Select(l => l.ToString()),
            string.Join(',', page.Ids.Order(StringComparer.Ordinal)),
            .. page.Tables.SelectMany(t => t.Rows).SelectMany(r => r.Cells).Select(c => $"{c.Text} {c.Location} {string.Join(',', c.LinkIds)}"),
        ]);
    }
}
