using Crosswalk.Content;
using Crosswalk.Diagnostics;
using Crosswalk.Markdown;
using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Markdown;

public sealed class PageParserTests
{
    [Fact]
    public void Gives_headings_github_slugger_ids_with_duplicates_and_explicit_ids()
    {
        // Given
        const string text = "# Title\n\n## Audit Logging\n\n## Role-Based Access Control (RBAC)\n\n## Audit Logging\n\n## `clawdbot security audit` — CLI\n\n## Custom {#my-id}\n\n## my id\n";

        // When
        var page = Pages.Parse("guide.md", text);

        // Then
        Assert.Equal(["title", "audit-logging", "role-based-access-control-rbac", "audit-logging-1", "clawdbot-security-audit--cli", "my-id", "my-id-1"],
            page.Headings.Select(h => h.Id));
        Assert.Contains("<h2 id=\"audit-logging\">Audit Logging<a class=\"heading-anchor\" href=\"#audit-logging\" aria-label=\"Link to this section\">#</a></h2>", page.BodyHtml);
        Assert.Contains("my-id", page.Ids);
    }

    [Fact]
    public void Collects_ids_from_raw_html_and_footnotes()
    {
        var page = Pages.Parse("a.md", "Text[^1] <span id=\"inline-id\"></span>\n\n<div id='block-id'><a name=\"legacy\"></a></div>\n\n[^1]: Note.\n");
        Assert.Contains("inline-id", page.Ids);
        Assert.Contains("block-id", page.Ids);
        Assert.Contains("legacy", page.Ids);
        Assert.Contains("fn:1", page.Ids);
        Assert.Contains("fnref:1", page.Ids);
    }

    [Fact]
    public void Collects_links_with_file_positions_and_replaces_them_with_placeholders()
    {
        // Given: front matter shifts the body by three lines
        const string text = "---\ntitle: T\n---\nSee [the policy](policy.md#scope) and ![d](img/d.png).\n\n| Doc | Link |\n|---|---|\n| x | [IR](/ir) |\n\n<a href=\"/raw\">raw</a>\n\n`[not](a-link.md)`\n\n    [also not](code.md)\n\n[ref]: /ref-target\n\nUse [ref] too.\n";

        // When
        var page = Pages.Parse("compliance/a.md", text);

        // Then
        Assert.Equal(
            [("policy.md#scope", LinkKind.Link, 4, 5), ("img/d.png", LinkKind.Image, 4, 39), ("/ir", LinkKind.Link, 8, 7), ("/raw", LinkKind.HtmlHref, 10, 4), ("/ref-target", LinkKind.Link, 18, 5)],
            page.Links.Select(l => (l.Url, l.Kind, l.Location.Line, l.Location.Column)));
        Assert.Equal("the policy", page.Links[0].Text);
        Assert.DoesNotContain("policy.md", page.BodyHtml);
        Assert.Contains(Pages.Placeholders.For(0), page.BodyHtml);
        Assert.Contains("a-link.md", page.BodyHtml);
    }

    [Fact]
    public void A_comply_name_titles_the_page_and_its_first_h1_stays_a_section()
    {
        // Given: comply's format, written for this test; the link is on file line 7
        const string text = "name: Access Control Policy\nsatisfies:\n  TSC: [CC6.1]\n---\n# Purpose and Scope\n\nSee [offboarding](../procedures/offboarding.md).\n";

        // When
        var page = Pages.Parse("policies/access.md", text);

        // Then
        Assert.Equal("Access Control Policy", page.Title);
        Assert.False(page.HasH1);
        Assert.Equal(0, page.TitleEnd);
        Assert.Contains("<h1 id=\"purpose-and-scope\">", page.BodyHtml);
        Assert.Equal((7, 5), (page.Links[0].Location.Line, page.Links[0].Location.Column));
    }

    [Fact]
    public void A_title_beside_a_name_keeps_the_body_h1_as_the_heading()
    {
        var page = Pages.Parse("a.md", "---\ntitle: Front\nname: Other\n---\n# Front\n");

        Assert.Equal("Front", page.Title);
        Assert.True(page.HasH1);
    }

    [Fact]
    public void Title_falls_back_to_the_first_h1_then_the_file_name()
    {
        Assert.Equal("Front", Pages.Parse("a.md", "---\ntitle: Front\n---\n# Heading\n").Title);
        Assert.Equal("Heading `code`".Replace("`", ""), Pages.Parse("a.md", "Intro\n\n# Heading `code`\n").Title);
        Assert.Equal("file-name", Pages.Parse("dir/file-name.md", "No heading.\n").Title);
        Assert.Equal("dir", Pages.Parse("dir/index.md", "No heading.\n").Title);
    }

    [Fact]
    public void Uses_the_permalink_as_url_and_reports_an_escaping_one()
    {
        Assert.Equal("/x/y/", Pages.Parse("a.md", "---\npermalink: /x/y\n---\n").Url);
        var bag = new DiagnosticBag();
        var page = Pages.Parse("a.md", "---\npermalink: /a/%2e%2e/%2e%2e/etc\n---\n", bag);
        Assert.Equal("/a/", page.Url);
        Assert.Equal(("CW1003", 2, 12), (bag.ToSortedList().Single().Code, bag.ToSortedList().Single().Location!.Value.Line, bag.ToSortedList().Single().Location!.Value.Column));
    }

    [Fact]
    public void Renders_gfm_extensions()
    {
        var html = Pages.Parse("a.md", "- [x] done\n- [ ] todo\n\n~~old~~ www.example.com\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```bash\necho hi\n```\n\n<details><summary>raw</summary>kept</details>\n").BodyHtml;
        Assert.Contains("class=\"contains-task-list\"", html);
        Assert.Contains("<del>old</del>", html);
        Assert.Contains("<table>", html);
        Assert.Contains("<code class=\"language-bash\">", html);
        Assert.Contains("<details><summary>raw</summary>kept</details>", html);
    }

    [Fact]
    public void Reads_tables_with_header_cells_and_cell_columns()
    {
        var page = Pages.Parse("a.md", "| Document | SOC2 Mapping |\n|---|---|\n| [IR](/ir) | CC7.2, CC7.3 |\n");
        var table = Assert.Single(page.Tables);
        Assert.Equal(["Document", "SOC2 Mapping"], table.Header);
        var cell = table.Rows[0].Cells[1];
        Assert.Equal("CC7.2, CC7.3", cell.Text);
        Assert.Equal(3, cell.Location.Line);
        Assert.Equal(15, cell.Location.Column);
        Assert.Equal([0], table.Rows[0].Cells[0].LinkIds);
    }

    [Fact]
    public void Checks_links_in_multi_line_jsx_tags_of_mdx_pages_at_their_own_line()
    {
        // Given: a Mintlify-style card whose attributes span lines, and a link inside an HTML comment
        const string text = "# Cards\n\n<Card\n  title=\"Retries\"\n  href=\"/concepts/retry\"\n>\n  Body text.\n</Card>\n\n<!-- <a href=\"/gone\">old</a> -->\n\nAfter [x](/after).\n";

        // When
        var page = Pages.Parse("intro.mdx", text);

        // Then
        Assert.Equal([("/concepts/retry", 5, 3), ("/after", 12, 7)], page.Links.Select(l => (l.Url, l.Location.Line, l.Location.Column)));
        Assert.Contains("<Card title=\"Retries\" href=\"" + Pages.Placeholders.For(0) + "\">", page.BodyHtml);
        Assert.Contains("<!-- <a href=\"/gone\">old</a> -->", page.BodyHtml);
    }

    [Fact]
    public void An_href_written_as_a_jsx_expression_is_not_a_link()
    {
        var page = Pages.Parse("a.mdx", "export const Card = ({ href }) => <a href={href}>x</a>;\n\n<a href={'/x'}>y</a> <a href=\"/real\">z</a>\n");
        Assert.Equal(["/real"], page.Links.Select(l => l.Url));
    }

    [Fact]
    public void Only_real_href_and_src_attributes_are_links_not_that_text_inside_another_attribute()
    {
        var page = Pages.Parse("a.md", "<img alt=\"a src=evil.png here\" src=\"/real.png\">\n\n<a title='x href=/evil' data-src=\"/nope\" href=\"/real/\">r</a>\n");

        Assert.Equal(["/real.png", "/real/"], page.Links.Select(l => l.Url));
        Assert.Contains("alt=\"a src=evil.png here\"", page.BodyHtml);
        Assert.Contains("title='x href=/evil' data-src=\"/nope\"", page.BodyHtml);
    }

    [Fact]
    public void Ids_inside_html_comments_do_not_count()
    {
        var page = Pages.Parse("a.md", "<!-- <a id=\"ghost\"></a> -->\n\n<div id=\"real\"></div>\n");
        Assert.DoesNotContain("ghost", page.Ids);
        Assert.Contains("real", page.Ids);
    }

    [Fact]
    public void A_page_whose_render_fails_leaves_the_next_page_on_the_thread_rendered_in_full()
    {
        var parser = new PageParser(MarkdownPipelineFactory.Create(), Pages.Placeholders);
        var source = new SourceFile("/x/a.md", "a.md", "content/a.md", SourceKind.Page);
        var hostile = "> > > ![" + string.Concat(Enumerable.Repeat("*a ", 140)) + "x" + new string('*', 140) + "](i.png)\n";
        try
        {
            parser.Parse(source, hostile, new DiagnosticBag());
        }
        catch (ArgumentException)
        {
            // Markdig's nesting limit, reached while rendering; the site model reports it as CW4002.
        }

        var page = parser.Parse(source, "Hello *world* <b>raw</b> [x](b.md)\n", new DiagnosticBag());

        Assert.Contains("Hello <em>world</em> <b>raw</b> <a href=", page.BodyHtml);
    }

    [Fact]
    public void A_page_parsed_without_its_body_has_the_same_ids_links_headings_and_claims()
    {
        // What a build keeps and what check keeps: check leaves out the heading anchors and the linked mapping cells,
        // which add no id.
        var catalogs = Crosswalk.Criteria.CatalogSet.Load(["soc2-tsc-2017"], "/", new DiagnosticBag());
        var rules = new[] { new Crosswalk.Config.MappingRule("SOC2", "soc2-tsc-2017", null, null, new SourceLocation("site.yml", 1, 1)) };
        const string text = "# Title\n\n## Access {#access}\n\nText[^1] <a name=\"legacy\"></a>\n\n| Control | SOC2 |\n|---|---|\n| [A](a.md) | CC6.1, CC6.2 |\n| B | CC7.1 |\n\n[^1]: Note.\n";
        var source = new SourceFile("/site/content/p.md", "p.md", "content/p.md", SourceKind.Page);
        ParsedPage Parse(bool keepBody) => new PageParser(MarkdownPipelineFactory.Create(), Pages.Placeholders,
            new Crosswalk.Criteria.MappingTableAnnotator(rules, catalogs, "/")) { KeepBody = _ => keepBody }
            .Parse(source, text, new DiagnosticBag());

        var (built, checkedOnly) = (Parse(true), Parse(false));

        Assert.Contains("criterion-ref", built.BodyHtml);
        Assert.Contains("heading-anchor", built.BodyHtml);
        Assert.Empty(checkedOnly.BodyUtf8);
        Assert.Equal(built.Ids.Order(), checkedOnly.Ids.Order());
        Assert.Contains("cw-row-9", built.Ids);
        Assert.Contains("legacy", built.Ids);
        Assert.Equal(built.Links, checkedOnly.Links);
        Assert.Equal(built.Headings, checkedOnly.Headings);
        Assert.Equal(built.TableClaims.Select(c => (c.CriterionId, c.Location, c.RowId)), checkedOnly.TableClaims.Select(c => (c.CriterionId, c.Location, c.RowId)));
    }

    [Fact]
    public void A_pages_id_set_holds_its_headings_own_strings()
    {
        // The ids read back from the body would be second copies of the heading ids the page already holds.
        var page = Pages.Parse("p.md", "# Title\n\n## Scope\n\nText.\n\n## Roles and Duties\n\n<span id=\"extra\">x</span>\n");
        var ids = Assert.IsType<HashSet<string>>(page.Ids);

        Assert.Equal(3, page.Headings.Count);
        Assert.All(page.Headings, h => Assert.True(ids.TryGetValue(h.Id, out var stored) && ReferenceEquals(stored, h.Id), h.Id));
        Assert.Contains("extra", ids);
    }

    [Fact]
    public void With_a_string_pool_pages_share_one_string_of_each_link_url_and_text()
    {
        // A build holds every page's links through the render: a URL and a title linked from many pages are kept once.
        var text = "# Page\n\nSee [Access Policy](/policies/access/) and [Access Policy](/policies/access/#scope).\n";
        ParsedPage Parse(string path, Crosswalk.Markdown.StringPool? strings) =>
            new PageParser(MarkdownPipelineFactory.Create(), Pages.Placeholders) { Strings = strings }
                .Parse(new SourceFile("/site/content/" + path, path, "content/" + path, SourceKind.Page), text, new DiagnosticBag());
        var pool = new Crosswalk.Markdown.StringPool();

        var (a, b) = (Parse("a.md", pool), Parse("b.md", pool));
        var (c, d) = (Parse("c.md", null), Parse("d.md", null));

        Assert.Equal(["/policies/access/", "/policies/access/#scope"], a.Links.Select(l => l.Url));
        Assert.Equal(a.Links.Select(l => (l.Url, l.Text)), b.Links.Select(l => (l.Url, l.Text)));
        Assert.Same(a.Links[0].Url, b.Links[0].Url);
        Assert.Same(a.Links[1].Url, b.Links[1].Url);
        Assert.Same(a.Links[0].Text, b.Links[0].Text);
        Assert.Same(a.Links[0].Text, a.Links[1].Text);
        Assert.Equal(c.Links.Select(l => (l.Url, l.Text)), d.Links.Select(l => (l.Url, l.Text)));
        Assert.NotSame(c.Links[0].Url, d.Links[0].Url);
    }

    [Fact]
    public void A_builds_body_is_kept_in_its_spill_and_reads_back_as_the_body()
    {
        // A build keeps every body until the site is written: in a file beside the output, not in the page.
        var text = "# Title\n\n" + string.Concat(Enumerable.Range(0, 40).Select(i => $"## Section {i}\n\nThe policy text of section {i}, with a [link](other.md).\n\n"));
        var dir = Directory.CreateTempSubdirectory("crosswalk-parser-");
        try
        {
            using var spill = BodySpill.Open(Path.Combine(dir.FullName, "_site"))!;
            using var full = OperatingSystem.IsLinux() ? BodySpill.Over(File.OpenHandle("/dev/full", FileMode.Open, FileAccess.ReadWrite)) : null;

            var (plain, spilled) = (Parse(null), Parse(spill));

            Assert.Null(plain.Spilled);
            Assert.NotNull(spilled.Spilled);
            Assert.Empty(Stored(spilled));
            Assert.Equal(plain.BodyUtf8, spilled.BodyUtf8);
            Assert.Equal(plain.BodyUtf8.Length, spilled.BodyLength);
            Assert.Equal(0, spilled.Spilled!.Value.Offset);
            Assert.Equal(plain.TitleEnd, spilled.TitleEnd);
            Assert.True(spilled.TitleEnd > 0);
            Assert.NotSame(spilled.BodyUtf8, spilled.BodyUtf8);
            if (full is not null)
            {
                // A spill that takes no more (a full disk): the page keeps its body itself.
                var kept = Parse(full);
                Assert.Null(kept.Spilled);
                Assert.Equal(plain.BodyUtf8, Stored(kept));
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }

        ParsedPage Parse(BodySpill? spill) => new PageParser(MarkdownPipelineFactory.Create(), Pages.Placeholders) { Spill = spill }
            .Parse(new SourceFile("/site/content/p.md", "p.md", "content/p.md", SourceKind.Page), text, new DiagnosticBag());
    }

    // What a page holds for its body itself, read past the getter.
    private static byte[] Stored(ParsedPage page) =>
        (byte[])typeof(ParsedPage).GetField("<BodyUtf8>k__BackingField", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!.GetValue(page)!;
}
