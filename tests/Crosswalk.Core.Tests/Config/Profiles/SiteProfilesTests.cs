using Crosswalk.Config;
using Crosswalk.Config.Profiles;
using Crosswalk.Diagnostics;
using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Config.Profiles;

public sealed class SiteProfilesTests
{
    private static (SiteConfig Config, IReadOnlyList<Diagnostic> Diagnostics) Load(TempSite site, bool siteYml = false)
    {
        var bag = new DiagnosticBag();
        var config = ConfigLoader.Load(site.ConfigPath, bag, allowMissing: !siteYml);
        Assert.NotNull(config);
        return (config, bag.ToSortedList());
    }

    [Theory]
    [InlineData("docs.json", "{}", "mintlify")]
    [InlineData("docs/mint.json", "{}", "mintlify")]
    [InlineData("mkdocs.yml", "site_name: x", "mkdocs")]
    [InlineData("docusaurus.config.ts", "export default {}", "docusaurus")]
    [InlineData("website/docusaurus.config.js", "module.exports = {}", "docusaurus")]
    [InlineData("_config.yml", "title: x", "jekyll")]
    [InlineData("comply.yml", "name: Acme", "comply")]
    [InlineData("README.md", "# Hi", "github")]
    public void The_generator_is_detected_from_its_own_file(string file, string text, string profile)
    {
        using var site = new TempSite((file, text));
        var (config, _) = Load(site);
        Assert.Equal(profile, config.Profile.Name);
        Assert.NotNull(config.Profile.Reason);
    }

    [Fact]
    public void A_tree_with_content_and_no_generator_keeps_crosswalks_defaults()
    {
        using var site = new TempSite(("content/index.md", "# Hi"));
        var (config, _) = Load(site);
        Assert.Equal(SiteProfiles.Crosswalk, config.Profile.Name);
        Assert.Null(config.Profile.Reason);
        Assert.Equal(site.PathOf("content"), config.SourceDirectory);
    }

    [Fact]
    public void A_site_yml_without_a_profile_is_crosswalks_unless_a_generators_file_is_beside_it()
    {
        using var plain = new TempSite(("site.yml", "title: x"), ("README.md", "# Hi"));
        Assert.Equal(SiteProfiles.Crosswalk, Load(plain, siteYml: true).Config.Profile.Name);
        using var mkdocs = new TempSite(("site.yml", "title: x\nexclude: [old/**]"), ("mkdocs.yml", "docs_dir: pages"));
        var config = Load(mkdocs, siteYml: true).Config;
        Assert.Equal("mkdocs", config.Profile.Name);
        Assert.Equal(mkdocs.PathOf("pages"), config.SourceDirectory);
        Assert.Contains("old/**", config.Exclude);
    }

    [Fact]
    public void Profile_in_site_yml_overrides_detection_and_keys_refine_it()
    {
        using var site = new TempSite(("site.yml", "profile: github\nsource: docs"), ("mkdocs.yml", "site_name: x"));
        var config = Load(site, siteYml: true).Config;
        Assert.Equal("github", config.Profile.Name);
        Assert.Equal("profile: github in site.yml", config.Profile.Reason);
        Assert.Equal(site.PathOf("docs"), config.SourceDirectory);
    }

    [Fact]
    public void An_unknown_profile_is_CW1001_with_a_suggestion()
    {
        using var site = new TempSite(("site.yml", "profile: mkdoc\n"));
        var bag = new DiagnosticBag();
        Assert.Null(ConfigLoader.Load(site.ConfigPath, bag));
        var d = Assert.Single(bag.ToSortedList());
        Assert.Equal("CW1001", d.Code);
        Assert.Equal("did you mean 'mkdocs'?", d.Help);
    }

    [Fact]
    public void Mkdocs_reads_docs_dir_nav_urls_excludes_and_redirect_maps()
    {
        using var site = new TempSite(("mkdocs.yml", """
            site_name: x
            docs_dir: src
            use_directory_urls: false
            exclude_docs: |
              drafts/
              *.tmp.md
            nav:
              - Home: index.md
              - Guide:
                - guide/setup.md
                - External: https://example.com/
            markdown_extensions:
              - pymdownx.emoji:
                  emoji_index: !!python/name:material.extensions.emoji.twemoji
            plugins:
              - search
              - redirects:
                  redirect_maps:
                    old.md: guide/setup.md
                    gone.md: https://example.com/
            """));
        var (config, diagnostics) = Load(site);
        Assert.Empty(diagnostics);
        Assert.Equal(site.PathOf("src"), config.SourceDirectory);
        Assert.Equal(["index.md", "guide/setup.md"], config.Profile.Navigation);
        Assert.Equal(Crosswalk.Config.Profiles.PublishedForm.Html, config.Profile.Urls.Published);
        Assert.Equal("python-markdown", config.Slugs.Name);
        Assert.Contains("**/drafts/**", config.Exclude);
        Assert.Contains("**/*.tmp.md", config.Exclude);
        Assert.Equal([("/old/", "/guide/setup.md"), ("/gone/", "https://example.com/")], config.Redirects.Select(r => (r.From, r.To)));
    }

    [Fact]
    public void Mkdocs_without_nav_lists_every_page()
    {
        using var site = new TempSite(("mkdocs.yml", "site_name: x"));
        Assert.Null(Load(site).Config.Profile.Navigation);
    }

    [Fact]
    public void Mintlify_reads_navigation_pages_redirects_and_excludes_snippets()
    {
        using var site = new TempSite(("docs.json", """
            {
              // comments are allowed
              "navigation": { "tabs": [ { "tab": "Guides", "groups": [
                { "group": "Start", "root": "start/index", "pages": ["quickstart", { "group": "Deep", "pages": ["deep/one"] }] } ] } ] },
              "redirects": [
                { "source": "/old", "destination": "/quickstart" },
                { "source": "/legacy/:slug*", "destination": "/deep/:slug*" },
              ]
            }
            """));
        var config = Load(site).Config;
        Assert.Equal(["start/index", "quickstart", "deep/one"], config.Profile.Navigation);
        Assert.Equal([("/old", "/quickstart")], config.Redirects.Select(r => (r.From, r.To)));
        Assert.Equal([("/legacy", "/deep/")], config.Profile.RedirectPatterns);
        Assert.Contains("snippets/**", config.Exclude);
        Assert.Equal(Crosswalk.Config.Profiles.PublishedForm.Bare, config.Profile.Urls.Published);
    }

    [Fact]
    public void Mintlify_follows_ref_files_for_navigation_and_redirects()
    {
        using var site = new TempSite(
            ("docs.json", """{ "navigation": { "languages": [ { "language": "en", "pages": ["index"] }, { "language": "fr", "$ref": "./nav/fr.json" } ] }, "redirects": { "$ref": "./redirects.json" } }"""),
            ("nav/fr.json", """{ "pages": ["fr/index", { "$ref": "more.json" }] }"""),
            ("nav/more.json", """{ "group": "Plus", "pages": ["fr/plus"] }"""),
            ("redirects.json", "[\n  { \"source\": \"/editor/drafts\", \"destination\": \"/index\" }\n]"));
        var (config, diagnostics) = Load(site);
        Assert.Empty(diagnostics);
        Assert.Equal(["index", "fr/index", "fr/plus"], config.Profile.Navigation);
        var redirect = Assert.Single(config.Redirects);
        Assert.Equal(("/editor/drafts", "redirects.json", 2), (redirect.From, redirect.Location.File, redirect.Location.Line));
    }

    [Fact]
    public void A_missing_ref_file_is_CW1012()
    {
        using var site = new TempSite(("docs.json", """{ "navigation": { "$ref": "./gone.json" } }"""));
        Assert.Equal("CW1012", Assert.Single(Load(site).Diagnostics).Code);
    }

    [Fact]
    public void Invalid_generator_json_is_CW1012_at_its_place_and_the_rest_still_works()
    {
        using var site = new TempSite(("docs.json", "{\n  \"navigation\": [,]\n}"));
        var (config, diagnostics) = Load(site);
        Assert.Equal("mintlify", config.Profile.Name);
        var d = Assert.Single(diagnostics);
        Assert.Equal(("CW1012", "docs.json", 2), (d.Code, d.Location!.Value.File, d.Location.Value.Line));
    }

    [Fact]
    public void Docusaurus_is_read_statically()
    {
        using var site = new TempSite(
            ("docusaurus.config.js", """
                module.exports = {
                  trailingSlash: false,
                  presets: [['classic', { docs: { path: 'documentation', routeBasePath: '/' }, blog: { routeBasePath: 'news' } }]],
                  plugins: [['@docusaurus/plugin-client-redirects', { redirects: [{ from: ['/a', '/b'], to: '/intro' }, { to: '/x', from: '/y' }] }]],
                };
                """),
            ("blog/2024-01-01-hello.md", "# Hello"),
            ("src/pages/about.js", "export default () => null;"),
            ("src/pages/index.tsx", "export default () => null;"),
            ("static/img/logo.png", "png"),
            ("sidebars.js", "module.exports = { docs: [{ type: 'autogenerated', dirName: '.' }] };"));
        var config = Load(site).Config;
        Assert.Equal(site.PathOf("documentation"), config.SourceDirectory);
        Assert.Equal("/", config.Profile.Urls.RouteBase);
        Assert.True(config.Profile.Urls.DocIds);
        Assert.Equal(Crosswalk.Config.Profiles.PublishedForm.Bare, config.Profile.Urls.Published);
        Assert.Equal(["/news", "/news/tags/*", "/news/page/*", "/news/archive", "/news/authors/*", "/news/rss.xml", "/news/atom.xml", "/news/feed.json",
            "/news/2024/01/01/hello", "/about", "/"], config.Profile.Routes);
        Assert.Equal([site.PathOf("static")], config.StaticDirectories);
        Assert.Equal([("/a", "/intro"), ("/b", "/intro"), ("/y", "/x")], config.Redirects.Select(r => (r.From, r.To)));
        Assert.Null(config.Profile.Navigation);
    }

    [Fact]
    public void Jekyll_knows_the_page_keys_its_own_layouts_read()
    {
        using var site = new TempSite(("_config.yml", "title: x"),
            ("_layouts/base.html", "<img src=\"{{ page.logo }}\">{% if page.hero_image %}{{ page.hero_image }}{% endif %}"),
            ("_includes/nav.html", "{{ page.nav_section | default: 'x' }}"));
        var keys = Load(site).Config.FrontMatter.Keys;
        Assert.Contains("hero_image", keys);
        Assert.Contains("nav_section", keys);
        Assert.DoesNotContain("satisifes", keys);
    }

    [Fact]
    public void Routes_in_site_yml_add_to_the_profiles()
    {
        using var site = new TempSite(("site.yml", "routes: [/rubydoc/*, /changelog]\n"), ("docs.json", """{ "redirects": [ { "source": "/a/:x*", "destination": "/b/:x*" } ] }"""));
        var config = Load(site, siteYml: true).Config;
        Assert.Equal("mintlify", config.Profile.Name);
        Assert.Equal(["/rubydoc/*", "/changelog"], config.Profile.Routes);
        using var bad = new TempSite(("site.yml", "routes: [rubydoc]\n"));
        var bag = new DiagnosticBag();
        Assert.Null(ConfigLoader.Load(bad.ConfigPath, bag));
        Assert.Equal("CW1001", Assert.Single(bag.ToSortedList()).Code);
    }

    [Fact]
    public void Jekyll_reads_excludes_collections_baseurl_and_pretty_permalinks()
    {
        using var site = new TempSite(("_config.yml", """
            baseurl: /handbook
            permalink: pretty
            exclude: [scripts/, notes.md]
            include: [_headers]
            collections:
              docs: { output: true }
              drafts: { output: false }
            """));
        var config = Load(site).Config;
        Assert.Equal("/handbook/", config.BaseUrl);
        Assert.Equal(Crosswalk.Config.Profiles.PublishedForm.Directory, config.Profile.Urls.Published);
        Assert.Equal("docs", config.Profile.Urls.Folders!["_docs"]);
        var filter = new Crosswalk.Content.PathFilter(config.Exclude);
        Assert.True(filter.Excludes("scripts/build.sh"));
        Assert.True(filter.Excludes("notes.md"));
        Assert.True(filter.Excludes("_layouts/default.html"));
        Assert.True(filter.Excludes("_drafts/x.md"));
        Assert.False(filter.Excludes("_docs/x.md"));
        Assert.False(filter.Excludes("_headers"));
        Assert.True(config.Profile.LayoutFallback);
        Assert.Equal("kramdown", config.Slugs.Name);
    }
}

public sealed class MintlifyRedirectLocationTests
{
    [Fact]
    public void A_redirect_is_located_at_its_source_in_docs_json()
    {
        using var site = new TempSite(("docs.json", "{\n  \"redirects\": [\n    { \"source\": \"/a\", \"destination\": \"/b\" },\n    {\n      \"source\": \"/c\",\n      \"destination\": \"/d\"\n    }\n  ]\n}\n"));
        var config = ConfigLoader.Load(site.ConfigPath, new DiagnosticBag(), allowMissing: true)!;
        Assert.Equal([(3, 17), (5, 17)], config.Redirects.Select(r => (r.Location.Line, r.Location.Column)));
    }
}
