using Crosswalk.Diagnostics;
using Crosswalk.Templates;
using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Templates;

public sealed class ThemeTests
{
    private static Theme WithLayout(string layout, string? partial = null)
    {
        using var site = new TempSite(("theme/layouts/page.html", layout), ("theme/partials/extra.html", partial ?? "{{ page.title }}"));
        var diagnostics = new DiagnosticBag();
        var theme = Theme.Load(site.PathOf("theme"), site.Root, diagnostics);
        Assert.Empty(diagnostics.ToSortedList());
        return theme;
    }

    [Fact]
    public void The_built_in_theme_only_prints_the_content_so_bodies_are_streamed()
    {
        var theme = Theme.Load(null, Path.GetTempPath(), new DiagnosticBag());

        Assert.True(theme.PrintsContentVerbatim("layouts/page.html"));
        // The 404 page tests whether the site gave it a body, so it gets the body as text.
        Assert.False(theme.PrintsContentVerbatim("layouts/404.html"));
    }

    [Theory]
    [InlineData("<main>{{ page.content }}</main>")]
    [InlineData("{{ if page.title }}{{ page.content }}{{ end }} {{ content = 'x' }}{{ content }}")]
    public void Printing_page_content_as_it_is_allows_streaming(string layout)
    {
        Assert.True(WithLayout(layout).PrintsContentVerbatim("layouts/page.html"));
    }

    [Theory]
    [InlineData("{{ page.content | string.upcase }}")]
    [InlineData("{{ page.content.size }}{{ page.content }}")]
    [InlineData("{{ if page.content == '' }}empty{{ end }}{{ page.content }}")]
    [InlineData("{{ capture body }}{{ page.content }}{{ end }}{{ body }}")]
    [InlineData("{{ func f }}{{ page.content }}{{ end }}{{ f }}")]
    [InlineData("{{ p = page }}{{ p.content }}")]
    [InlineData("{{ with page }}{{ content }}{{ end }}")]
    [InlineData("{{ page['content'] }}")]
    [InlineData("{{ for kv in page }}{{ kv }}{{ end }}")]
    [InlineData("{{ include 'partials/extra.html' }}{{ page.content }}", "{{ page.content | string.size }}")]
    [InlineData("{{ capture m }}{{ include 'partials/extra.html' }}{{ end }}{{ m | string.size }}", "{{ page.content }}")]
    [InlineData("{{ x = include 'partials/extra.html' }}{{ x | string.contains 'world' }}", "{{ page.content }}")]
    [InlineData("{{ page.content }}{{ this['pa' + 'ge'].title }}")]
    [InlineData("{{ page.content }}{{ '{{ 1 }}' | object.eval_template }}")]
    [InlineData("{{ func f; ret $0 | string.upcase; end }}{{ wrap f }}{{ page.content }}{{ end }}")]
    [InlineData("{{ include 'layouts/404.html' }}{{ page.content }}", "")]
    public void Any_other_use_of_the_content_renders_it_in_full(string layout, string? partial = null)
    {
        Assert.False(WithLayout(layout, partial).PrintsContentVerbatim("layouts/page.html"));
    }

    [Fact]
    public void Knows_which_page_members_the_templates_may_read()
    {
        var builtIn = Theme.Load(null, Path.GetTempPath(), new DiagnosticBag());
        Assert.True(builtIn.MayRead("nav_html"));
        Assert.False(builtIn.MayRead("nav"));

        Assert.True(WithLayout("{{ for n in page.nav }}{{ n.title }}{{ end }}").MayRead("nav"));
        // Once the page object is handed on, or a template reads what it cannot be seen to, any member may be read.
        Assert.True(WithLayout("{{ p = page }}{{ p[name] }}").MayRead("nav"));
        Assert.True(WithLayout("{{ this['page'][name] }}").MayRead("nav"));
        Assert.True(WithLayout("{{ '{{ page.nav }}' | object.eval_template }}").MayRead("nav"));
    }

    [Fact]
    public void The_criteria_box_built_in_code_is_what_a_loop_over_page_criteria_makes()
    {
        // page.criteria_html stands in for the built-in theme's loop, which cost a third of a page's render: a theme that
        // still loops over page.criteria (this was the built-in partial) must get the same bytes, groups and escapes.
        const string loop = """
            {{## The built-in partial before page.criteria_html, its comment line included (it prints a line break). ##}}
            {{~ if page.has_criteria ~}}
            <aside class="cw-criteria" aria-labelledby="cw-criteria-title">
              <p class="cw-criteria-title" id="cw-criteria-title">Criteria</p>
              {{~ current_catalog = null ~}}
              {{~ for criterion in page.criteria ~}}
              {{~ if for.first || criterion.catalog_name != current_catalog ~}}
              {{~ if !for.first ~}}
              </ul>
              {{~ end ~}}
              {{~ current_catalog = criterion.catalog_name ~}}
              <p class="cw-criteria-catalog">{{ criterion.catalog_name }}</p>
              <ul class="cw-criteria-list">
              {{~ end ~}}
            <li>{{ if criterion.url }}<a href="{{ criterion.url }}">{{ criterion.id }}</a>{{ else }}<span>{{ criterion.id }}</span>{{ end }} <span>{{ criterion.title }}</span></li>
              {{~ if for.last ~}}
              </ul>
              {{~ end ~}}
              {{~ end ~}}
            </aside>
            {{~ end ~}}

            """;
        const string config = "title: T\nbase_url: /docs/\ncatalogs: [soc2-tsc-2017, iso27001-2022]\n"
            + "mappings:\n  - { column: SOC2, catalog: soc2-tsc-2017 }\n  - { column: ISO, catalog: iso27001-2022 }\nseverity: { CW5002: off }\n";
        (string, string)[] content =
        [
            ("content/index.md", "# Home\n"),
            ("content/a.md", "---\ntitle: A <&> \"page\"\nsatisfies: { iso27001-2022: [A.5.1], soc2-tsc-2017: [CC6.2] }\n---\n\n"
                + "| Control | SOC2 | ISO |\n| --- | --- | --- |\n| X | CC6.1, CC1.1 | A.8.2, A.5.1 |\n| Y | CC6.2 | A.5.15 |\n"),
            ("content/b.md", "---\ntitle: B\nsatisfies: { soc2-tsc-2017: [CC7.2] }\n---\n\nOne criterion, one catalog.\n"),
            ("content/c.md", "# C\n\nNo criteria.\n"),
        ];
        using var builtIn = new TempSite([.. content, ("site.yml", config)]);
        using var looped = new TempSite([.. content, ("site.yml", config + "templates: theme\n"), ("theme/partials/criteria.html", loop)]);

        foreach (var site in new[] { builtIn, looped })
        {
            var result = Crosswalk.Pipeline.SiteBuilder.Build(new Crosswalk.Pipeline.BuildOptions { ConfigPath = site.ConfigPath });
            Assert.True(result.Written, string.Join("\n", result.Diagnostics));
        }
        foreach (var page in new[] { "a/index.html", "b/index.html", "c/index.html" })
        {
            Assert.Equal(File.ReadAllText(looped.PathOf("_site/" + page)), File.ReadAllText(builtIn.PathOf("_site/" + page)));
        }
        var a = File.ReadAllText(builtIn.PathOf("_site/a/index.html"));
        Assert.Contains("<p class=\"cw-criteria-catalog\">ISO/IEC 27001:2022</p>", a);
        Assert.Contains("href=\"../criteria/soc2-tsc-2017/cc6.1/\">CC6.1</a>", a);
        Assert.Equal(2, a.Split("<ul class=\"cw-criteria-list\">").Length - 1);
        // CC6.2 and A.5.1 are claimed twice (front matter and a row): listed once each.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(a, @"<li><a href=""[^""]*cc6\.2/"">"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(a, @"<li><a href=""[^""]*a\.5\.1/"">"));
        Assert.DoesNotContain("cw-criteria-title", File.ReadAllText(builtIn.PathOf("_site/c/index.html")));
    }

    [Fact]
    public void A_render_context_reused_for_another_page_keeps_nothing_of_the_last()
    {
        // Contexts are reused across pages and threads: what one page's layout assigns, globally or as a $local, must be
        // gone when the next page renders on that context.
        var files = Enumerable.Range(0, 40).Select(i => ($"content/p{i:00}.md", $"# Page {i}\n"))
            .Append(("site.yml", "title: T\ntemplates: theme\nseverity: { CW5002: off }\n"))
            .Append(("theme/layouts/page.html", "{{ if seen || $x }}LEAKED {{ seen }}{{ end }}{{ seen = page.title; $x = 1 }}<main>{{ page.content }}</main>"));
        using var site = new TempSite([.. files]);

        var result = Crosswalk.Pipeline.SiteBuilder.Build(new Crosswalk.Pipeline.BuildOptions { ConfigPath = site.ConfigPath });

        Assert.True(result.Written, string.Join("\n", result.Diagnostics));
        var pages = Directory.EnumerateFiles(site.PathOf("_site"), "index.html", SearchOption.AllDirectories).ToList();
        Assert.True(pages.Count >= 40);
        Assert.All(pages, page => Assert.DoesNotContain("LEAKED", File.ReadAllText(page)));
    }
}
