using Crosswalk.Config.Profiles;
using Crosswalk.Content;

namespace Crosswalk.Tests.Content;

public sealed class PageUrlsTests
{
    private static readonly UrlRules s_docusaurus = new(RouteBase: "/docs/", DocIds: true);

    [Theory]
    [InlineData("a/b.md", "/a/b/")]
    [InlineData("a/index.md", "/a/")]
    [InlineData("a/README.md", "/a/")]
    [InlineData("index.md", "/")]
    public void Without_a_profile_the_design_rule_holds(string path, string url) =>
        Assert.Equal(url, PageUrls.Of(path, new PageMeta(), new UrlRules()));

    [Theory]
    [InlineData("intro.md", null, null, "/docs/intro/")]
    [InlineData("01-basics/02-setup.md", null, null, "/docs/basics/setup/")]
    [InlineData("guides/config.md", "configuration", null, "/docs/guides/configuration/")]
    [InlineData("guides/config.md", null, "tuning", "/docs/guides/tuning/")]
    [InlineData("guides/config.md", null, "/setup/tuning", "/docs/setup/tuning/")]
    [InlineData("guides/guides.md", null, null, "/docs/guides/")]
    [InlineData("guides/index.md", null, null, "/docs/guides/")]
    [InlineData("index.md", null, "/", "/docs/")]
    public void Docusaurus_routes_follow_ids_slugs_and_number_prefixes(string path, string? id, string? slug, string url) =>
        Assert.Equal(url, PageUrls.Of(path, new PageMeta { DocId = id, Slug = slug }, s_docusaurus));

    [Fact]
    public void A_renamed_folder_is_published_under_its_new_name() =>
        Assert.Equal("/docs/setup/", PageUrls.Of("_docs/setup.md", new PageMeta(), new UrlRules(Folders: new Dictionary<string, string> { ["_docs"] = "docs" })));

    [Fact]
    public void An_id_outside_the_docusaurus_profile_changes_nothing() =>
        Assert.Equal("/a/b/", PageUrls.Of("a/b.md", new PageMeta { DocId = "x" }, new UrlRules()));
}

public sealed class PathFilterTests
{
    [Theory]
    [InlineData("drafts/a.md", true)]
    [InlineData("docs/drafts/a.md", false)]
    [InlineData("_layouts/default.html", true)]
    [InlineData("_docs/setup.md", false)]
    [InlineData("_config.yml", true)]
    [InlineData("guide.md", false)]
    public void Excludes_what_a_glob_names_and_keeps_what_a_bang_names(string path, bool excluded)
    {
        var filter = new PathFilter(["drafts/**", "_*", "_*/**", "!_docs"]);
        Assert.Equal(excluded, filter.Excludes(path));
    }

    [Fact]
    public void A_folder_with_something_kept_below_it_is_walked()
    {
        var filter = new PathFilter(["_*", "!_data/public"]);
        Assert.False(filter.ExcludesFolder("_data"));
        Assert.True(filter.ExcludesFolder("_layouts"));
    }
}

public sealed class PageUrlsSlugTests
{
    private static readonly UrlRules s_docusaurus = new(RouteBase: "/docs/", DocIds: true);

    [Theory]
    [InlineData("introduction/get-started.mdx", "../", "/docs/")]
    [InlineData("a/b/c.md", "../x", "/docs/a/x/")]
    [InlineData("a/c.md", "../../../../x", "/docs/")]
    public void A_relative_slug_climbs_from_the_docs_folder_but_never_above_the_route_base(string path, string slug, string url) =>
        Assert.Equal(url, PageUrls.Of(path, new PageMeta { Slug = slug }, s_docusaurus));

    [Fact]
    public void A_slug_that_makes_no_plain_path_is_CW1003_and_the_page_keeps_its_path_url()
    {
        var bag = new Crosswalk.Diagnostics.DiagnosticBag();
        var parser = new Crosswalk.Markdown.PageParser(Crosswalk.Markdown.MarkdownPipelineFactory.Create(), Crosswalk.Tests.Support.Pages.Placeholders) { Urls = s_docusaurus };
        var source = new SourceFile("/site/docs/a.md", "a.md", "docs/a.md", SourceKind.Page);
        var page = parser.Parse(source, "---\nslug: 'x:y\\\\z'\n---\n# A\n", bag);
        Assert.Equal("/docs/a/", page.Url);
        var d = Assert.Single(bag.ToSortedList());
        Assert.Equal(("CW1003", 2), (d.Code, d.Location!.Value.Line));
    }
}
