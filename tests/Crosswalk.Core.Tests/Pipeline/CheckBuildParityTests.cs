using Crosswalk.Diagnostics;
using Crosswalk.Pipeline;
using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Pipeline;

/// <summary>
/// <c>check</c> is the pull-request gate, <c>build</c> the deploy: on every site they must report the same diagnostics
/// and reach the same verdict, with and without <c>--strict</c>.
/// </summary>
public sealed class CheckBuildParityTests
{
    private const string Soc2 = "title: T\ncatalogs: [soc2-tsc-2017]\nseverity: { CW2005: off, CW5002: off }\n";

    private static (BuildResult Check, BuildResult Build) Both(string config, string output)
    {
        var check = SiteBuilder.Check(new BuildOptions { ConfigPath = config });
        var build = SiteBuilder.Build(new BuildOptions { ConfigPath = config, OutputDirectory = output });
        return (check, build);
    }

    private static void AssertSameVerdict(BuildResult check, BuildResult build)
    {
        Assert.Equal(Lines(build), Lines(check));
        Assert.Equal(build.Failed(strict: false), check.Failed(strict: false));
        Assert.Equal(build.Failed(strict: true), check.Failed(strict: true));
        Assert.Equal(build.PageCount, check.PageCount);
    }

    private static List<string> Lines(BuildResult result) => [.. result.Diagnostics.Select(d => $"{d} | {d.Help}")];

    private static BuildResult Parity(TempSite site)
    {
        var (check, build) = Both(site.ConfigPath, site.PathOf("_site"));
        AssertSameVerdict(check, build);
        return build;
    }

    [Fact]
    public void Controlled_documents_reach_the_same_verdict_on_the_same_day_with_history_asked_for()
    {
        using var site = new TempSite(
            ("site.yml", "title: T\nrequired: { pages: \"p/**\", fields: [owner] }\nseverity: { CW2005: off, CW5002: off }\n"),
            ("content/index.md", "# Home\n\n[a](p/a.md) [b](p/b.md) [reviews](/reviews/) [block](p/a.md#cw-revisions-title)\n"),
            ("content/p/a.md", "---\nowner: O\nnext_review: 2026-12-01\nsatisifes: { soc2-tsc-2017: [CC6.1] }\n---\n# A\n"),
            ("content/p/b.md", "---\nversion: \"1\"\nreview_every: 1 month\nlast_reviewed: 2026-11-20\n---\n# B\n"));
        var today = new DateOnly(2026, 12, 10);

        var check = SiteBuilder.Check(new BuildOptions { ConfigPath = site.ConfigPath, Today = today, History = true });
        var build = SiteBuilder.Build(new BuildOptions { ConfigPath = site.ConfigPath, OutputDirectory = site.PathOf("_site"), Today = today, History = true });

        AssertSameVerdict(check, build);
        // Overdue, due soon, a missing owner, a misspelt key, no history outside git, and an anchor only history would add.
        Assert.Equal(["CW1007", "CW1008", "CW1009", "CW1010", "CW1011", "CW2002"], build.Diagnostics.Select(d => d.Code).Order().ToList());
    }

    [Fact]
    public void A_layout_that_does_more_with_the_title_than_print_it_reaches_the_same_verdict()
    {
        using var site = new TempSite(
            ("site.yml", "title: T\ntemplates: templates\nseverity: { CW2005: off, CW2002: warning, CW5002: off }\n"),
            ("templates/layouts/page.html", "<html><body>{{ if page.content_title | string.contains 'id=\"a\"' }}<p id=\"has-a\"></p>{{ end }}{{ page.content_title }}<div id=\"after\"></div>{{ page.content_rest }}</body></html>"),
            ("content/index.md", "# Home\n\n[a](a.md#has-a) [b](b.md#has-a) [c](a.md#after)\n"),
            ("content/a.md", "# A\n\nText.\n"),
            ("content/b.md", "Intro first.\n\n# B\n"));

        var build = Parity(site);

        Assert.Equal(["content/index.md(3,17): warning CW2002: anchor '#has-a' does not exist on '/b/'"],
            build.Diagnostics.Select(d => d.ToString()).Where(l => l.Contains("CW2002")));
        var a = site.Read("_site/a/index.html");
        Assert.Contains("<h1 id=\"a\">", a);
        Assert.True(a.IndexOf("id=\"after\"", StringComparison.Ordinal) > a.IndexOf("</h1>", StringComparison.Ordinal));
    }

    [Fact]
    public void Redirects_go_only_to_the_web_or_the_site_and_no_page_is_written_to_a_hidden_name()
    {
        using var site = new TempSite(
            ("site.yml", "title: T\nseverity: { CW2005: off, CW5002: off }\nredirects:\n  /a/: \"javascript:alert(1)\"\n  /b/: \"data:text/html,x\"\n  /c/: https://example.com/\n"),
            ("content/index.md", "# Home\n\n[h](h.md) [w](w.md)\n"),
            ("content/h.md", "---\npermalink: /.htaccess\n---\n# H\n"),
            ("content/w.md", "---\npermalink: /.well-known/security/\n---\n# W\n"));

        var build = Parity(site);

        Assert.Equal(
        [
            "content/h.md(2,12): error CW1003: permalink '/.htaccess' is not a plain path inside the site",
            "site.yml(4,3): error CW2004: redirect from '/a/' points to 'javascript:alert(1)', which is neither an http(s) URL nor a page of the site",
            "site.yml(5,3): error CW2004: redirect from '/b/' points to 'data:text/html,x', which is neither an http(s) URL nor a page of the site",
        ], build.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void A_link_to_a_redirect_that_leaves_the_site_goes_where_it_leads()
    {
        // It used to keep the link as written: '/old/' lost base_url, 'old.md' pointed at a file that is not published.
        using var site = new TempSite(
            ("site.yml", "title: T\nbase_url: /docs/\nredirects:\n  /old/: https://example.com/x\n  /bad/: \"javascript:alert(1)\"\nseverity: { CW2005: off, CW5002: off }\n"),
            ("content/index.md", "# Home\n\n[a](/old/) [b](old.md) [c](/bad/)\n"));

        var (check, build) = Both(site.ConfigPath, site.PathOf("_site"));

        AssertSameVerdict(check, build);
        Assert.Equal(["site.yml(5,3): error CW2004: redirect from '/bad/' points to 'javascript:alert(1)', which is neither an http(s) URL nor a page of the site"],
            build.Diagnostics.Select(d => d.ToString()));

        // Without the broken redirect the site builds, and both links go where /old/ leads.
        using var fixedSite = new TempSite(("site.yml", "title: T\nbase_url: /docs/\nredirects:\n  /old/: https://example.com/x\nseverity: { CW2005: off, CW5002: off }\n"),
            ("content/index.md", "# Home\n\n[a](/old/) [b](old.md)\n"));
        Assert.True(SiteBuilder.Build(new BuildOptions { ConfigPath = fixedSite.ConfigPath, OutputDirectory = fixedSite.PathOf("_site") }).Written);
        var links = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(fixedSite.Read("_site/index.html")).QuerySelectorAll("article a[href]")
            .Select(a => a.GetAttribute("href")).Where(h => !h!.StartsWith('#')).ToList();
        Assert.Equal(["https://example.com/x", "https://example.com/x"], links);
    }

    [Fact]
    public void An_empty_path_segment_in_a_permalink_or_redirect_source_is_a_located_error_in_both_not_a_crash()
    {
        // Found by the whole-site fuzz test: 'a//b' made an output path the writer refused, so check and build threw.
        using var site = new TempSite(
            ("site.yml", "title: T\nseverity: { CW2005: off, CW5002: off }\n"),
            ("content/index.md", "# Home\n\n[a](a.md) [b](b.md)\n"),
            ("content/a.md", "---\npermalink: /policies//access/\n---\n# A\n"),
            ("content/b.md", "---\nredirect_from: [/old//b/]\n---\n# B\n"));

        var build = Parity(site);

        Assert.Equal(
        [
            "content/a.md(2,12): error CW1003: permalink '/policies//access/' is not a plain path inside the site",
            "content/b.md(2,17): error CW2004: redirect source '/old//b/' is not a plain path inside the site",
        ], build.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void A_link_to_the_criteria_box_of_a_page_that_claims_nothing_fails_both()
    {
        using var site = new TempSite(
            ("site.yml", Soc2),
            ("content/index.md", "# Home\n\n[a](a.md) [c](c.md#cw-criteria-title)\n"),
            ("content/a.md", "---\nsatisfies: { soc2-tsc-2017: [CC6.1] }\n---\n# A\n"),
            ("content/c.md", "# C\n\nNothing claimed.\n"));

        var build = Parity(site);

        Assert.Contains(build.Diagnostics, d => d.Code == DiagnosticCodes.MissingAnchor && d.Message.Contains("cw-criteria-title"));
        Assert.True(build.Failed(strict: false));
    }

    [Fact]
    public void A_link_to_the_table_of_contents_of_a_page_that_has_one_passes_both()
    {
        using var site = new TempSite(
            ("site.yml", Soc2),
            ("content/index.md", "# Home\n\n[a](a.md) [b](b.md#cw-toc-title)\n"),
            ("content/a.md", "# A\n\nNo headings below the title.\n"),
            ("content/b.md", "# B\n\n## One\n\n## Two\n"));

        var build = Parity(site);

        Assert.DoesNotContain(build.Diagnostics, d => d.Severity == Severity.Error);
        Assert.True(build.Written);
    }

    [Fact]
    public void A_template_error_only_criterion_pages_reach_fails_both()
    {
        using var site = new TempSite(
            ("site.yml", Soc2 + "templates: theme\n"),
            ("theme/layouts/page.html", "<!DOCTYPE html><title>{{ page.title }}</title>{{ page.content }}{{ if page.kind == \"criterion\"; no_such_function 1; end }}\n"),
            ("content/index.md", "---\nsatisfies: { soc2-tsc-2017: [CC6.1] }\n---\n# Home\n"));

        var build = Parity(site);

        Assert.Contains(build.Diagnostics, d => d.Code == DiagnosticCodes.TemplateError && d.Message.Contains("no_such_function"));
        Assert.False(build.Written);
    }

    [Fact]
    public void A_layout_that_only_prints_the_body_still_runs_on_every_page_check_throws_away()
    {
        // The layout prints the body as it is, so check keeps no body and discards the page, but the layout must still
        // run on the page's model: here it fails on one content page's title only.
        using var site = new TempSite(
            ("site.yml", Soc2 + "templates: theme\n"),
            ("theme/layouts/page.html", "<!DOCTYPE html><title>{{ page.title }}</title>{{ page.content }}{{ if page.title == \"Boom\"; no_such_function 1; end }}\n"),
            ("content/index.md", "# Home\n\n[b](b.md)\n"),
            ("content/b.md", "# Boom\n\nText.\n"));

        var build = Parity(site);

        Assert.Contains(build.Diagnostics, d => d.Code == DiagnosticCodes.TemplateError && d.Message.Contains("no_such_function"));
        Assert.False(build.Written);
    }

    [Fact]
    public void A_layout_that_does_more_with_the_body_than_print_it_is_judged_on_the_body()
    {
        // The layout's control flow depends on the body: check must keep it to see what build sees.
        using var site = new TempSite(
            ("site.yml", Soc2 + "templates: theme\n"),
            ("theme/layouts/page.html", "<!DOCTYPE html>{{ if page.content | string.contains \"BOOM\"; no_such_function 1; end }}{{ page.content }}\n"),
            ("content/index.md", "# Home\n\nBOOM\n"));

        var build = Parity(site);

        Assert.Contains(build.Diagnostics, d => d.Code == DiagnosticCodes.TemplateError);
    }

    [Fact]
    public void A_page_whose_layout_reads_its_body_is_judged_on_the_body_while_others_are_not_kept()
    {
        // Layout 'x' adds an id only when the body is empty: check would pass the link if it judged an empty body.
        using var site = new TempSite(
            ("site.yml", Soc2 + "templates: theme\n"),
            ("theme/layouts/page.html", "<!DOCTYPE html><title>{{ page.title }}</title>{{ page.content }}\n"),
            ("theme/layouts/x.html", "<!DOCTYPE html>{{ if page.content == \"\" }}<p id=\"empty\"></p>{{ end }}{{ page.content }}\n"),
            ("content/index.md", "# Home\n\n[x](x.md#empty)\n"),
            ("content/x.md", "---\nlayout: x\n---\n# X\n\nText.\n"));

        var build = Parity(site);

        Assert.Contains(build.Diagnostics, d => d.Code == DiagnosticCodes.MissingAnchor && d.Message.Contains("#empty"));
    }

    [Fact]
    public void A_redirect_or_static_file_that_needs_a_folder_where_a_file_is_fails_both_without_a_crash()
    {
        using var site = new TempSite(
            ("site.yml", Soc2),
            ("content/index.md", "---\nredirect_from: [/old/x/]\n---\n# Home\n"),
            ("content/old", "a file where the redirect needs a folder"),
            ("content/sitemap.xml/a.txt", "a file inside the sitemap"));

        var build = Parity(site);

        Assert.Equal(
        [
            "content/index.md(2,17): error CW2004: redirect source '/old/x/' needs the folder 'old', which is file 'content/old'",
            "content/sitemap.xml/a.txt(1,1): error CW1004: file 'sitemap.xml/a.txt' needs the folder 'sitemap.xml', which is the sitemap",
        ], build.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void A_sidebar_include_used_as_a_value_is_made_for_check_too()
    {
        // The template branches on the sidebar's HTML: check must not leave it empty.
        using var site = new TempSite(
            ("site.yml", Soc2 + "templates: theme\n"),
            ("theme/layouts/page.html",
                "<!DOCTYPE html>{{ s = include 'partials/sidebar.html' }}{{ if (s | string.contains 'cw-nav-item') }}{{ no_such_function 1 }}{{ end }}{{ page.content }}\n"),
            ("content/index.md", "# Home\n\n[a](a.md)\n"),
            ("content/a.md", "# A\n"));

        var build = Parity(site);

        Assert.Contains(build.Diagnostics, d => d.Code == DiagnosticCodes.TemplateError);
    }

    [Fact]
    public void The_sidebar_is_made_for_a_page_whose_template_ids_are_read()
    {
        // Printed inside an attribute, the sidebar's markup hides the id that follows it.
        using var site = new TempSite(
            ("site.yml", Soc2 + "templates: theme\n"),
            ("theme/layouts/page.html", "<!DOCTYPE html><div data-nav=\"{{ page.nav_html }}\" id=\"navbox\"></div>{{ page.content }}\n"),
            ("content/index.md", "# Home\n\n[a](a.md#navbox)\n"),
            ("content/a.md", "# A\n"));

        var build = Parity(site);

        Assert.Contains(build.Diagnostics, d => d.Code == DiagnosticCodes.MissingAnchor && d.Message.Contains("#navbox"));
    }

    [Theory]
    [InlineData("{{ site.title = page.title }}")]
    [InlineData("{{ string.leak = page.title }}")]
    public void A_template_cannot_change_what_other_pages_see(string assignment)
    {
        using var site = new TempSite(
            ("site.yml", Soc2 + "templates: theme\n"),
            ("theme/layouts/page.html", $"<!DOCTYPE html>{assignment}<title>{{{{ site.title }}}}</title>{{{{ page.content }}}}\n"),
            ("content/index.md", "# Home\n\n[a](a.md)\n"),
            ("content/a.md", "# A\n"));

        var build = Parity(site);

        var error = Assert.Single(build.Diagnostics, d => d.Code == DiagnosticCodes.TemplateError);
        Assert.Contains("readonly", error.Message);
    }

    [Fact]
    public void A_link_to_the_criteria_pages_of_a_site_without_catalogs_is_broken_in_both()
    {
        using var site = new TempSite(("site.yml", "title: T\nseverity: { CW5002: off }\n"), ("content/index.md", "# Home\n\n[criteria](/criteria/)\n"));

        var build = Parity(site);

        Assert.Equal(["content/index.md(3,1): error CW2001: link target '/criteria/' does not exist"], build.Diagnostics.Select(d => d.ToString()));
    }

    public static TheoryData<string> Sites()
    {
        var tests = Repository.PathOf("tests");
        var data = new TheoryData<string>
        {
            Repository.PathOf("site.yml"),
            Path.Combine(tests, "Crosswalk.Core.Tests", "TestData", "210-link-corpus", "site", "site.yml"),
        };
        foreach (var dir in Directory.GetDirectories(Path.Combine(tests, "Crosswalk.Cli.Tests", "TestData", "sites")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.Combine(dir, "site.yml"));
        }
        foreach (var dir in Directory.GetDirectories(Path.Combine(tests, "Crosswalk.Core.Tests", "TestData", "800-hostile"), "permalink-*").Order(StringComparer.Ordinal))
        {
            data.Add(Path.Combine(dir, "site.yml"));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Sites))]
    public void The_repository_site_and_every_fixture_site_get_the_same_verdict(string config)
    {
        var output = Path.Combine(Path.GetTempPath(), "cw-parity-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (check, build) = Both(config, output);
            AssertSameVerdict(check, build);
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }
}
