using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Crosswalk.Pipeline;
using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Templates;

/// <summary>What a published page tells crawlers, link previews and readers: read back from the built HTML.</summary>
public sealed class PublishingMetadataTests
{
    private static TempSite Site(string config) => new(
        ("site.yml", "title: Docs & <Co>\nseverity: { CW2005: off, CW5002: off }\ncatalogs: [soc2-tsc-2017]\n" + config),
        ("content/index.md", "---\ntitle: Home\n---\n# Home\n"),
        ("content/guide/index.md", "---\ntitle: Guide\nnav_order: 1\n---\nGuide.\n"),
        ("content/guide/setup.md", "---\ntitle: Set \"up\" <now>\nsummary: Install & <configure> it \"today\"\nnav_order: 1\n---\nText.\n"),
        ("content/guide/z last.md", "---\ntitle: Zed\nnav_order: 2\n---\nText.\n"),
        ("content/hidden.md", "---\ntitle: Hidden\nnav_exclude: true\n---\nText.\n"));

    private static IDocument Build(TempSite site, string page)
    {
        var result = SiteBuilder.Build(new BuildOptions { ConfigPath = site.ConfigPath });
        Assert.True(result.Written, string.Join("\n", result.Diagnostics));
        return new HtmlParser().ParseDocument(site.Read("_site/" + page));
    }

    private static string Words(string? text) => string.Join(' ', (text ?? "").Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private static string? Meta(IDocument doc, string property) =>
        doc.QuerySelector($"meta[property='{property}'], meta[name='{property}']")?.GetAttribute("content");

    [Fact]
    public void With_site_url_the_canonical_link_and_og_url_are_absolute_under_base_url()
    {
        using var site = Site("site_url: https://docs.example.com/\nbase_url: /base/\n");

        var doc = Build(site, "guide/setup/index.html");

        Assert.Equal("https://docs.example.com/base/guide/setup/", doc.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Equal("https://docs.example.com/base/guide/setup/", Meta(doc, "og:url"));
        var criteria = Build(site, "criteria/index.html");
        Assert.Equal("https://docs.example.com/base/criteria/", criteria.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
    }

    [Fact]
    public void Without_site_url_the_canonical_link_is_the_path_and_there_is_no_og_url()
    {
        using var site = Site("base_url: /base/\n");

        var doc = Build(site, "guide/setup/index.html");

        // Relative like every site URL (relative_urls): it resolves to /base/guide/setup/ wherever the page is read.
        Assert.Equal("../../guide/setup/", doc.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Null(Meta(doc, "og:url"));
    }

    [Fact]
    public void OpenGraph_and_twitter_tags_carry_the_title_and_summary_escaped()
    {
        using var site = Site("site_url: https://docs.example.com\n");

        var doc = Build(site, "guide/setup/index.html");
        var html = site.Read("_site/guide/setup/index.html");

        Assert.Equal("Set \"up\" <now>", Meta(doc, "og:title"));
        Assert.Equal("Install & <configure> it \"today\"", Meta(doc, "og:description"));
        Assert.Equal("website", Meta(doc, "og:type"));
        Assert.Equal("Docs & <Co>", Meta(doc, "og:site_name"));
        Assert.Equal("summary", Meta(doc, "twitter:card"));
        Assert.DoesNotContain("<now>", html);
        Assert.DoesNotContain("<configure>", html);
        // No summary, no description.
        Assert.Null(Meta(Build(site, "guide/z last/index.html"), "og:description"));
    }

    [Fact]
    public void The_404_page_has_no_canonical_link_or_OpenGraph_tags()
    {
        using var site = Site("site_url: https://docs.example.com\n");

        var doc = Build(site, "404.html");

        Assert.Null(doc.QuerySelector("link[rel=canonical]"));
        Assert.Null(Meta(doc, "og:title"));
        Assert.Equal("noindex", Meta(doc, "robots"));
    }

    [Fact]
    public void Every_page_links_the_theme_favicon_which_the_site_can_replace()
    {
        using var site = Site("base_url: /base/\ntemplates: theme\n");
        site.Write("theme/assets/favicon.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>mine</title></svg>");

        var doc = Build(site, "index.html");

        var icon = doc.QuerySelector("link[rel=icon]");
        Assert.Equal("./assets/favicon.svg", icon?.GetAttribute("href"));
        Assert.Equal("../../assets/favicon.svg", Build(site, "guide/setup/index.html").QuerySelector("link[rel=icon]")?.GetAttribute("href"));
        Assert.Equal("image/svg+xml", icon?.GetAttribute("type"));
        Assert.Contains("<title>mine</title>", site.Read("_site/assets/favicon.svg"));
    }

    [Fact]
    public void The_built_in_favicon_is_a_small_svg()
    {
        using var site = Site("");

        Build(site, "index.html");

        var svg = site.Read("_site/assets/favicon.svg");
        Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"", svg);
        Assert.True(svg.Length < 1024, $"{svg.Length} bytes");
    }

    [Fact]
    public void Edit_url_links_each_content_page_to_its_source_relative_to_site_yml()
    {
        using var site = Site("edit_url: https://github.com/org/repo/edit/main\n");

        var setup = Build(site, "guide/setup/index.html");
        var spaced = Build(site, "guide/z last/index.html");

        var link = setup.QuerySelector(".cw-edit-link a");
        Assert.Equal("https://github.com/org/repo/edit/main/content/guide/setup.md", link?.GetAttribute("href"));
        Assert.Equal("Edit this page", link?.TextContent.Trim());
        Assert.Equal("https://github.com/org/repo/edit/main/content/guide/z%20last.md", spaced.QuerySelector(".cw-edit-link a")?.GetAttribute("href"));
        // Generated pages have no source to edit.
        Assert.Null(Build(site, "criteria/index.html").QuerySelector(".cw-edit-link"));
        Assert.Null(Build(site, "404.html").QuerySelector(".cw-edit-link"));
    }

    [Fact]
    public void Without_edit_url_there_is_no_edit_link()
    {
        using var site = Site("");

        Assert.Null(Build(site, "guide/setup/index.html").QuerySelector(".cw-edit-link"));
    }

    [Fact]
    public void Previous_and_next_follow_the_sidebar_order_with_accessible_labels()
    {
        using var site = Site("base_url: /base/\n");

        var home = Build(site, "index.html");
        var guide = Build(site, "guide/index.html");
        var setup = Build(site, "guide/setup/index.html");
        var last = Build(site, "guide/z last/index.html");

        Assert.Null(home.QuerySelector("a[rel=prev]"));
        Assert.Equal("./guide/", home.QuerySelector("a[rel=next]")?.GetAttribute("href"));
        Assert.Equal("../", guide.QuerySelector("a[rel=prev]")?.GetAttribute("href"));
        Assert.Equal("../guide/setup/", guide.QuerySelector("a[rel=next]")?.GetAttribute("href"));
        var previous = setup.QuerySelector("nav.cw-pagination a[rel=prev]");
        // The link's name is its text (the arrows are CSS without alternative text): "Previous page: Guide".
        Assert.Equal("Previous page: Guide", Words(previous?.TextContent));
        Assert.Equal("Next page: Zed", Words(setup.QuerySelector("a[rel=next]")?.TextContent));
        Assert.Equal("Previous and next pages", setup.QuerySelector("nav.cw-pagination")?.GetAttribute("aria-label"));
        // The last page: generated pages (criteria) are not stepped into.
        Assert.Equal("../../guide/setup/", last.QuerySelector("a[rel=prev]")?.GetAttribute("href"));
        Assert.Null(last.QuerySelector("a[rel=next]"));
        // A page left out of the sidebar has neither.
        Assert.Null(Build(site, "hidden/index.html").QuerySelector("nav.cw-pagination"));
        Assert.Null(Build(site, "criteria/index.html").QuerySelector("nav.cw-pagination"));
    }

    [Fact]
    public void The_header_has_a_theme_toggle_hidden_until_the_script_runs()
    {
        using var site = Site("");

        var toggle = Build(site, "index.html").QuerySelector("button[data-cw-theme-toggle]");

        Assert.NotNull(toggle);
        Assert.True(toggle.HasAttribute("hidden"));
        Assert.Equal("false", toggle.GetAttribute("aria-pressed"));
        Assert.Equal("Dark theme", toggle.TextContent.Trim());
    }

    [Fact]
    public void With_relative_urls_off_links_and_assets_start_from_base_url()
    {
        using var site = Site("base_url: /base/\nrelative_urls: false\n");

        var guide = Build(site, "guide/index.html");

        Assert.Equal("/base/guide/", guide.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Equal("/base/assets/crosswalk.css", guide.QuerySelector("link[rel=stylesheet]")?.GetAttribute("href"));
        Assert.Equal("/base/", guide.QuerySelector("a[rel=prev]")?.GetAttribute("href"));
        Assert.Equal("/base/guide/setup/", guide.QuerySelector("a[rel=next]")?.GetAttribute("href"));
    }
}
