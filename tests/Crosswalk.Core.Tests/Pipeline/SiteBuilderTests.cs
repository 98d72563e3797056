using AngleSharp.Html.Parser;
using Crosswalk.Output;
using Crosswalk.Pipeline;
using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Pipeline;

public sealed class SiteBuilderTests
{
    private static TempSite SmallSite() => new(
        ("site.yml", "title: Test Docs\nbase_url: /docs/\nseverity:\n  CW2005: off\n  CW5002: off\n"),
        ("content/index.md", "---\ntitle: Home\n---\n# Home\n\nSee [policies](policies/) and [access](policies/access.md#reviews).\n"),
        ("content/policies/index.md", "---\ntitle: Policies\nnav_order: 1\n---\nIntro. [Back](../index.md)\n"),
        ("content/policies/access.md", "---\ntitle: Access <Control>\nsummary: Who gets in.\n---\n## Reviews\n\n### Quarterly\n\n![d](../img/d.svg)\n"),
        ("content/img/d.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"));

    private static BuildOptions Options(TempSite site) => new() { ConfigPath = site.ConfigPath };

    [Fact]
    public void Builds_pages_with_rewritten_links_toc_breadcrumbs_and_escaped_titles()
    {
        using var site = SmallSite();

        var result = SiteBuilder.Build(Options(site));

        Assert.Empty(result.Diagnostics);
        Assert.True(result.Written);
        Assert.Equal(3, result.PageCount);
        var home = new HtmlParser().ParseDocument(site.Read("_site/index.html"));
        var hrefs = home.QuerySelectorAll("main a, article a").Select(a => a.GetAttribute("href")).ToList();
        // relative_urls (the default): from the root page, site links start at './'.
        Assert.Contains("./policies/", hrefs);
        Assert.Contains("./policies/access/#reviews", hrefs);

        var access = new HtmlParser().ParseDocument(site.Read("_site/policies/access/index.html"));
        Assert.Equal("Access <Control> · Test Docs", access.Title);
        Assert.DoesNotContain("<Control>", site.Read("_site/policies/access/index.html"));
        Assert.NotNull(access.QuerySelector("a[href='#reviews']"));
        Assert.NotNull(access.QuerySelector("a[href='#quarterly']"));
        Assert.NotNull(access.QuerySelector("img[src='../../img/d.svg']"));
        Assert.Contains(access.QuerySelectorAll("a"), a => a.GetAttribute("href") == "../../policies/" && a.TextContent.Trim() == "Policies");
        Assert.Contains(access.QuerySelectorAll("link"), l => l.GetAttribute("href") == "../../assets/crosswalk.css");
        // The 404 page is served at any URL: its links stay under base_url.
        Assert.Contains("href=\"/docs/assets/crosswalk.css\"", site.Read("_site/404.html"));

        Assert.True(File.Exists(site.PathOf("_site/404.html")));
        Assert.True(File.Exists(site.PathOf("_site/assets/crosswalk.css")));
        Assert.True(File.Exists(site.PathOf("_site/img/d.svg")));
        var sitemap = site.Read("_site/sitemap.xml");
        Assert.Contains("<loc>/docs/policies/access/</loc>", sitemap);
        Assert.True(File.Exists(site.PathOf("_site/" + SiteWriter.MarkerFile)));
    }

    [Fact]
    public void Two_builds_of_the_same_input_are_byte_identical()
    {
        using var site = SmallSite();
        Assert.True(SiteBuilder.Build(Options(site)).Written);
        var first = site.Snapshot("_site");
        Assert.True(SiteBuilder.Build(Options(site)).Written);
        var second = site.Snapshot("_site");
        Assert.Equal(first.Keys, second.Keys);
        foreach (var (path, bytes) in first)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(second[path]), $"{path} differs between builds");
        }
    }

    [Fact]
    public void A_failed_build_leaves_the_previous_output_untouched()
    {
        using var site = SmallSite();
        Assert.True(SiteBuilder.Build(Options(site)).Written);
        var before = site.Snapshot("_site");

        site.Write("content/policies/access.md", "---\ntitle: [broken\n---\n# x\n");
        site.Write("content/new.md", "# New page\n");
        var result = SiteBuilder.Build(Options(site));

        Assert.False(result.Written);
        Assert.Contains(result.Diagnostics, d => d.Code == "CW1002");
        var after = site.Snapshot("_site");
        Assert.Equal(before.Keys, after.Keys);
        Assert.All(before, kv => Assert.True(kv.Value.AsSpan().SequenceEqual(after[kv.Key])));
        Assert.Empty(Directory.EnumerateDirectories(site.Root, ".*crosswalk-*"));
    }

    [Fact]
    public void A_build_with_a_broken_link_reports_CW2001_and_writes_nothing()
    {
        using var site = SmallSite();
        site.Write("content/bad.md", "# Bad\n\nSee [gone](/policies/acess).\n");

        var result = SiteBuilder.Build(Options(site));

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("content/bad.md(3,5): error CW2001: link target '/policies/acess' does not exist", d.ToString());
        Assert.Equal("did you mean '/policies/access/'?", d.Help);
        Assert.False(Directory.Exists(site.PathOf("_site")));
    }

    [Fact]
    public void Severity_overrides_lower_an_error_so_the_site_builds()
    {
        using var site = SmallSite();
        site.Write("site.yml", "title: T\nrelative_urls: false\nseverity:\n  CW2001: warning\n  CW2005: off\n  CW5002: off\n");
        site.Write("content/bad.md", "# Bad\n\nSee [gone](/nowhere).\n");

        var result = SiteBuilder.Build(Options(site));

        Assert.Equal("warning", Assert.Single(result.Diagnostics).SeverityName);
        Assert.True(result.Written);
        Assert.Contains("href=\"/nowhere\"", site.Read("_site/bad/index.html"));
        Assert.False(SiteBuilder.Build(Options(site) with { Strict = true }).Written);
    }

    [Fact]
    public void Reports_CW1004_naming_both_files_for_a_shared_url()
    {
        using var site = SmallSite();
        site.Write("content/dupe.md", "---\npermalink: /policies/access/\n---\n# Dupe\n");

        var result = SiteBuilder.Check(Options(site));

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("CW1004", d.Code);
        Assert.Contains("content/dupe.md", d.Message);
        Assert.Contains("content/policies/access.md", d.Message);
        Assert.Equal((2, 12), (d.Location!.Value.Line, d.Location!.Value.Column));
    }

    [Fact]
    public void Reports_CW2002_for_a_missing_anchor_with_the_closest_ids()
    {
        using var site = SmallSite();
        site.Write("content/index.md", "# Home\n\n[x](policies/access.md#review)\n");

        var d = Assert.Single(SiteBuilder.Check(Options(site)).Diagnostics);

        Assert.Equal(("CW2002", 3, 1), (d.Code, d.Location!.Value.Line, d.Location!.Value.Column));
        Assert.Contains("'#reviews'", d.Help);
    }

    [Fact]
    public void An_unclosed_comment_in_a_body_hides_none_of_the_ids_the_layout_adds_after_it()
    {
        using var site = new TempSite(("site.yml", "title: P\ncatalogs: [soc2-tsc-2017]\n"), ("content/index.md", "# Home\n\n[a](a.md) [b](b.md)\n"),
            ("content/a.md", "---\ntitle: A\n---\nSee [b](b.md#cw-criteria-title)\n"),
            ("content/b.md", "---\ntitle: B\nsatisfies: { soc2-tsc-2017: [CC6.1] }\n---\nB body\n\n<!-- todo: finish\n\nmore\n"));

        var result = SiteBuilder.Build(Options(site));

        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "CW2002");
        Assert.True(result.Written);
    }

    [Theory]
    [InlineData("cw-main", null)]
    [InlineData("cw-mian", "'#cw-main'")]
    public void Anchors_a_layout_adds_are_checked_against_the_built_page(string fragment, string? suggestion)
    {
        using var site = SmallSite();
        site.Write("content/index.md", $"# Home\n\n[x](policies/access.md#{fragment}) [y](policies/access.md#reviews)\n");

        var result = SiteBuilder.Build(Options(site));

        if (suggestion is null)
        {
            Assert.Empty(result.Diagnostics);
            return;
        }
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(("CW2002", 3, 1), (d.Code, d.Location!.Value.Line, d.Location!.Value.Column));
        Assert.Contains(suggestion, d.Help);
    }

    [Theory]
    [InlineData("content")]
    [InlineData(".")]
    [InlineData("..")]
    public void Refuses_an_output_folder_that_is_or_contains_the_source_and_deletes_nothing(string output)
    {
        using var site = SmallSite();
        var before = site.Snapshot("content");

        var result = SiteBuilder.Build(Options(site) with { OutputDirectory = site.PathOf(output) });

        Assert.False(result.ConfigUsable);
        Assert.Contains(result.Diagnostics, d => d.Code == "CW5001");
        Assert.Equal(before.Keys, site.Snapshot("content").Keys);
    }

    [Fact]
    public void Refuses_to_replace_a_folder_it_did_not_write()
    {
        using var site = SmallSite();
        site.Write("mine/keep.txt", "precious");

        var result = SiteBuilder.Build(Options(site) with { OutputDirectory = site.PathOf("mine") });

        Assert.Contains(result.Diagnostics, d => d.Code == "CW5001" && d.Message.Contains("not written by Crosswalk"));
        Assert.Equal("precious", site.Read("mine/keep.txt"));
    }

    [Fact]
    public void Check_writes_nothing()
    {
        using var site = SmallSite();
        var result = SiteBuilder.Check(Options(site));
        Assert.Empty(result.Diagnostics);
        Assert.False(Directory.Exists(site.PathOf("_site")));
    }

    [Fact]
    public void Redirects_generate_pages_and_links_to_their_sources_are_valid()
    {
        using var site = SmallSite();
        site.Write("site.yml", "title: T\nseverity: { CW2005: off, CW5002: off }\nredirects:\n  /old-access: /policies/access/\n  /loop-a: /loop-b\n  /loop-b: /loop-a\n  /gone: /nowhere/\n");
        site.Write("content/policies/access.md", "---\ntitle: Access\nredirect_from: [/acl/]\n---\n## Reviews\n");
        site.Write("content/links.md", "# Links\n\n[a](/old-access) [b](/acl#reviews)\n");

        var result = SiteBuilder.Build(Options(site) with { OutputDirectory = site.PathOf("out") });

        // Both ends of the loop are broken redirects, and so is the one to a missing page.
        Assert.Equal(["CW2004", "CW2004", "CW2004"], result.Diagnostics.Select(d => d.Code));
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("loops"));
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("'/nowhere/', which does not exist"));
        var check = SiteBuilder.Check(Options(site));
        Assert.DoesNotContain(check.Diagnostics, d => d.Location?.File == "content/links.md");
    }

    [Fact]
    public void A_site_without_site_yml_or_templates_uses_the_defaults_and_built_in_theme()
    {
        using var site = new TempSite(("content/index.md", "# Only Markdown\n"));

        var result = SiteBuilder.Build(new BuildOptions { ConfigPath = site.ConfigPath, AllowMissingConfig = true });

        Assert.True(result.Written);
        Assert.Contains("Only Markdown", site.Read("_site/index.html"));
        Assert.True(File.Exists(site.PathOf("_site/assets/crosswalk.css")));
    }

    [Fact]
    public void Reports_CW4001_with_the_template_file_and_line()
    {
        using var site = SmallSite();
        site.Write("site.yml", "title: T\ntemplates: theme\nseverity: { CW5002: off }\n");
        site.Write("theme/layouts/page.html", "<html>\n<body>\n{{ page.title | no_such_function }}\n</body></html>\n");

        var result = SiteBuilder.Check(Options(site));

        Assert.NotEmpty(result.Diagnostics);
        Assert.All(result.Diagnostics, d => Assert.Equal("CW4001", d.Code));
        Assert.All(result.Diagnostics, d => Assert.Equal(("theme/layouts/page.html", 3), (d.Location!.Value.File, d.Location!.Value.Line)));
    }

    [Theory]
    [InlineData("<main>{{ page.content }}</main>", "<p>See <a href=\"/docs/policies/\">policies</a>", 1)]
    [InlineData("<main>{{ page.content | string.replace 'See' 'Read' }}</main>", "<p>Read <a href=\"/docs/policies/\">policies</a>", 1)]
    [InlineData("{{ capture body }}{{ page.content }}{{ end }}<main>{{ body }}{{ body }}</main>", "<p>See <a href=\"/docs/policies/\">policies</a>", 2)]
    [InlineData("<main>{{ page.content }}<hr>{{ page.content }}</main>", "<p>See <a href=\"/docs/policies/\">policies</a>", 2)]
    [InlineData("<main>{{ if page.kind == 'none' }}{{ page.content }}{{ end }}</main>", "<p>See", 0)]
    public void A_layout_gets_the_body_with_links_filled_in_whether_it_prints_or_transforms_it(string layout, string expected, int times)
    {
        using var site = SmallSite();
        site.Write("site.yml", "title: T\nrelative_urls: false\nbase_url: /docs/\ntemplates: theme\nseverity: { CW2005: off, CW5002: off }\n");
        site.Write("theme/layouts/page.html", layout);

        var result = SiteBuilder.Build(Options(site));

        Assert.True(result.Written, string.Join("\n", result.Diagnostics));
        var html = site.Read("_site/index.html");
        Assert.StartsWith("<main>", html);
        Assert.Equal(times, html.Split(expected).Length - 1);
        Assert.DoesNotContain("cwlink", html);
        Assert.DoesNotContain("cwcontent", html);
    }

    // The sidebar as a theme would write it from page.nav: it must show exactly what page.nav_html shows.
    private const string SidebarFromNavObjects =
        """
        {{## Sidebar navigation. page.nav is already pruned: only expanded nodes carry children.
             render_nav calls itself for each level (depth is only used for CSS). ##}}
        {{~ func render_nav(nodes, depth) ~}}
        <ol class="cw-nav-list cw-nav-depth-{{ depth }}">
        {{~ for node in nodes ~}}
        {{~ expanded = node.expanded ~}}
          <li class="cw-nav-item{{ if node.active }} is-active{{ end }}{{ if node.in_path }} is-in-path{{ end }}{{ if node.has_children }} has-children{{ if expanded }} is-expanded{{ else }} is-collapsed{{ end }}{{ end }}">
          {{~ if node.url ~}}
            <a class="cw-nav-link" href="{{ node.url }}"{{ if node.current }} aria-current="{{ node.current }}"{{ end }}>{{ node.title }}</a>
          {{~ else ~}}
            <span class="cw-nav-label">{{ node.title }}</span>
          {{~ end ~}}
          {{~ if expanded ~}}
            {{ render_nav node.children (depth + 1) }}
          {{~ end ~}}
          </li>
        {{~ end ~}}
        </ol>
        {{~ end ~}}
        <nav class="cw-sidebar" id="cw-sidebar" aria-label="Site">
          <div class="cw-sidebar-inner">
          {{~ if page.has_nav ~}}
            {{ render_nav page.nav 1 }}
          {{~ else ~}}
            <ol class="cw-nav-list cw-nav-depth-1"><li class="cw-nav-item"><a class="cw-nav-link" href="{{ site.base_url }}">Home</a></li></ol>
          {{~ end ~}}
          </div>
        </nav>
        """;

    private static string Sidebar(byte[] page)
    {
        var html = System.Text.Encoding.UTF8.GetString(page);
        var start = html.IndexOf("<nav class=\"cw-sidebar\"", StringComparison.Ordinal);
        Assert.True(start >= 0);
        return html[start..html.IndexOf("</nav>", start, StringComparison.Ordinal)];
    }

    [Fact]
    public void The_nav_objects_and_nav_html_describe_the_same_sidebar()
    {
        using var site = SmallSite();
        site.Write("content/policies/deep/index.md", "# Deep\n");
        site.Write("content/policies/deep/leaf.md", "# Leaf\n");
        site.Write("content/policies/deep/other.md", "---\nnav_order: 1\n---\n# Other\n");
        Assert.True(SiteBuilder.Build(Options(site)).Written);
        var builtIn = site.Snapshot("_site");

        site.Write("site.yml", "title: Test Docs\nbase_url: /docs/\ntemplates: theme\nseverity:\n  CW2005: off\n  CW5002: off\n");
        site.Write("theme/partials/sidebar.html", SidebarFromNavObjects);
        Assert.True(SiteBuilder.Build(Options(site)).Written);
        var fromObjects = site.Snapshot("_site");

        Assert.Equal(builtIn.Keys, fromObjects.Keys);
        var pages = builtIn.Keys.Where(k => k.EndsWith(".html", StringComparison.Ordinal)).ToList();
        Assert.True(pages.Count >= 6);
        foreach (var path in pages)
        {
            Assert.Equal(Sidebar(builtIn[path]), Sidebar(fromObjects[path]));
        }
        Assert.Contains("<li class=\"cw-nav-item is-active\">\n    <a class=\"cw-nav-link\" href=\"../../../policies/deep/leaf/\" aria-current=\"page\">Leaf</a>",
            site.Read("_site/policies/deep/leaf/index.html"));
    }

    [Fact]
    public void An_indented_content_tag_prints_code_blocks_as_written()
    {
        using var site = new TempSite(("site.yml", "title: T\ntemplates: theme\nseverity: { CW2005: off, CW5002: off }\n"),
            ("content/index.md", "# Home\n\n```\nline one\n  line two\n```\n"),
            ("theme/layouts/page.html", "<main>\n    {{ page.content }}\n</main>\n"));

        Assert.True(SiteBuilder.Build(Options(site)).Written);

        Assert.Contains("<pre><code>line one\n  line two\n</code></pre>", site.Read("_site/index.html"));
    }

    [Fact]
    public void A_partial_that_prints_the_body_into_a_capture_gets_the_body_itself()
    {
        using var site = SmallSite();
        site.Write("site.yml", "title: T\nrelative_urls: false\nbase_url: /docs/\ntemplates: theme\nseverity: { CW2005: off, CW5002: off }\n");
        site.Write("theme/partials/body.html", "{{ page.content }}");
        site.Write("theme/layouts/page.html", "{{ capture m }}{{ include 'partials/body.html' }}{{ end }}<main>{{ m | string.replace 'See' 'Read' }}</main>");

        Assert.True(SiteBuilder.Build(Options(site)).Written);

        Assert.Contains("<p>Read <a href=\"/docs/policies/\">policies</a>", site.Read("_site/index.html"));
    }

    [Theory]
    [InlineData("<p>{{ include 'partials/t.html' }}</p>", "<p>[Home]</p>")]
    [InlineData("{{ x = include 'partials/t.html' }}<p>{{ x | string.upcase }}{{ x }}</p>", "<p>[HOME][Home]</p>")]
    [InlineData("<p>{{ include 'partials/t.html' suffix: '!' }}</p>", "<p>[Home]!</p>")]
    [InlineData("<p>{{ include 'partials/args.html' 'a' 'b' }}</p>", "<p>a,b</p>")]
    public void Includes_print_in_place_or_give_their_text_as_a_value(string layout, string expected)
    {
        using var site = new TempSite(("site.yml", "title: T\ntemplates: theme\nseverity: { CW2005: off, CW5002: off }\n"), ("content/index.md", "# Home\n"),
            ("theme/layouts/page.html", layout),
            ("theme/partials/t.html", "[{{ page.title }}]{{ $suffix }}"),
            ("theme/partials/args.html", "{{ $1 }},{{ $2 }}"));

        var result = SiteBuilder.Build(Options(site));

        Assert.True(result.Written, string.Join("\n", result.Diagnostics));
        Assert.Equal(expected, site.Read("_site/index.html"));
    }

    [Fact]
    public void Editors_scratch_files_are_not_part_of_the_site()
    {
        using var site = SmallSite();
        site.Write("content/notes.md~", "backup");
        site.Write("content/policies/access.md.bak", "backup");
        site.Write("content/4913", "");
        site.Write("content/img/logo.tmp", "partial download");

        Assert.True(SiteBuilder.Build(Options(site)).Written);

        var files = site.Snapshot("_site").Keys.ToList();
        Assert.DoesNotContain(files, f => f.EndsWith('~') || f.EndsWith(".bak", StringComparison.Ordinal) || f.EndsWith("4913", StringComparison.Ordinal) || f.EndsWith(".tmp", StringComparison.Ordinal));
        Assert.Contains("img/d.svg", files);
    }

    [Fact]
    public void Reports_CW4001_for_an_include_outside_the_theme()
    {
        using var site = SmallSite();
        site.Write("site.yml", "title: T\ntemplates: theme\n");
        site.Write("theme/layouts/page.html", "{{ include '../site.yml' }}\n");

        var result = SiteBuilder.Check(Options(site));

        Assert.Contains(result.Diagnostics, d => d.Code == "CW4001" && d.Message.Contains("not in the theme"));
    }

    [Fact]
    public void Reports_CW2005_as_info_for_a_page_no_page_links_to()
    {
        using var site = SmallSite();
        site.Write("site.yml", "title: T\nseverity: { CW5002: off }\n");
        site.Write("content/lonely.md", "# Lonely\n\nLinks out to [home](/) but nothing links here.\n");

        var result = SiteBuilder.Check(Options(site));

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("content/lonely.md(1,1): info CW2005: no page links to '/lonely/'", d.ToString());
        Assert.Equal(0, result.Errors);
    }

    [Fact]
    public void An_autolink_in_a_heading_gives_a_stable_id_and_toc_entry()
    {
        using var site = new TempSite(("site.yml", "title: T\nseverity: { CW2005: off, CW5002: off }\n"), ("content/index.md", "# Home\n\n## See <https://example.com/x>\n"));
        Assert.True(SiteBuilder.Build(Options(site)).Written);
        var first = site.Read("_site/index.html");
        Assert.True(SiteBuilder.Build(Options(site)).Written);
        Assert.Equal(first, site.Read("_site/index.html"));
        Assert.DoesNotContain("cwlink", first);
        Assert.Contains("href=\"#see-httpsexamplecomx\"", first);
    }

    [Fact]
    public void A_source_path_never_takes_another_pages_url_and_a_moved_page_keeps_its_old_address()
    {
        using var site = new TempSite(
            ("site.yml", "title: T\nrelative_urls: false\nseverity: { CW2005: off, CW5002: off }\n"),
            ("content/a.md", "---\npermalink: /x/\nredirect_from: [/a-old/]\n---\n# A\n"),
            ("content/other.md", "---\npermalink: /a/\n---\n# Other\n"),
            ("content/index.md", "# Home\n\n[to a](/a/) [old](/a-old/)\n"));

        var result = SiteBuilder.Build(Options(site));

        Assert.True(result.Written, string.Join("\n", result.Diagnostics));
        Assert.Contains("href=\"/a/\">to a", site.Read("_site/index.html"));
        Assert.Contains("href=\"/x/\">old", site.Read("_site/index.html"));
    }

    [Fact]
    public void Links_through_a_redirect_chain_or_to_an_external_redirect_are_valid()
    {
        using var site = new TempSite(
            ("site.yml", "title: T\nseverity: { CW2005: off, CW5002: off }\nredirects:\n  /old/: /mid/\n  /mid/: /b/\n  /ext/: https://example.com/\n"),
            ("content/b.md", "# B\n"),
            ("content/index.md", "# Home\n\n[old](/old/) [ext](/ext/) [b](b.md)\n"));

        var result = SiteBuilder.Check(Options(site));

        Assert.Empty(result.Diagnostics);
    }

    [Theory]
    [InlineData("relative_urls: false\n", "/docs/b/")]
    [InlineData("", "./b/")]
    public void Under_base_url_a_link_to_a_redirect_goes_to_its_end_inside_the_site_or_out_of_it(string style, string inside)
    {
        using var site = new TempSite(
            ("site.yml", "title: T\nbase_url: /docs/\n" + style + "severity: { CW2005: off, CW5002: off }\nredirects:\n  /old/: /mid/\n  /mid/: /b/\n  /ext/: https://example.com/x?y=1\n"),
            ("content/b.md", "# B\n"),
            ("content/index.md", "# Home\n\n[old](/old/) [ext](/ext/#part)\n"));

        Assert.True(SiteBuilder.Build(Options(site)).Written);

        var links = new HtmlParser().ParseDocument(site.Read("_site/index.html")).QuerySelectorAll("article p a").Select(a => a.GetAttribute("href"));
        // The link's #fragment is kept, as a browser keeps it through an HTTP redirect.
        Assert.Equal([inside, "https://example.com/x?y=1#part"], links);
    }

    [Fact]
    public void Outputs_that_would_overwrite_each_other_are_reported()
    {
        using var site = new TempSite(
            ("site.yml", "title: T\nseverity: { CW2005: off, CW5002: off }\ncatalogs: [soc2-tsc-2017]\nredirects:\n  /criteria/: /\n"),
            ("content/index.md", "# Home\n"),
            ("content/LICENSE", "MIT"),
            ("content/license-page.md", "---\npermalink: /LICENSE/\n---\n# License\n"));

        var result = SiteBuilder.Check(Options(site));

        Assert.Contains(result.Diagnostics, d => d.Code == "CW1004" && d.Location!.Value.File == "content/LICENSE");
        Assert.Contains(result.Diagnostics, d => d.Code == "CW2004" && d.Message.Contains("would overwrite"));
    }

    [Fact]
    public void Columns_in_a_quoted_satisfies_value_count_from_inside_the_quotes()
    {
        using var site = new TempSite(
            ("site.yml", "title: T\nseverity: { CW2005: off, CW5002: off }\ncatalogs: [soc2-tsc-2017]\n"),
            ("content/index.md", "---\nsatisfies: { soc2-tsc-2017: \"CC7.2; CC8.9\" }\n---\n# Home\n"));

        var d = Assert.Single(SiteBuilder.Check(Options(site)).Diagnostics);

        Assert.Equal(("CW3001", 2, 37), (d.Code, d.Location!.Value.Line, d.Location!.Value.Column));
    }
}
