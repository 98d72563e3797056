using Crosswalk.Content;
using Crosswalk.Diagnostics;
using Crosswalk.Links;
using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Links;

public sealed class UrlConflictsTests
{
    private static SourceFile Static(string path) => new("/site/content/" + path, path, "content/" + path, SourceKind.Static);

    [Fact]
    public void Under_a_profile_the_page_whose_path_gives_the_url_by_its_rules_keeps_it_over_a_slug()
    {
        // Docusaurus: guide/setup.md is /docs/guide/setup/; other.md claims it with slug: guide/setup.
        var rules = new Crosswalk.Config.Profiles.UrlRules(RouteBase: "/docs/", DocIds: true);
        var natural = Pages.Parse("guide/setup.md", "# Setup\n") with { Url = "/docs/guide/setup/" };
        var claimant = Pages.Parse("other.md", "---\nslug: guide/setup\n---\n# Other\n") with { Url = "/docs/guide/setup/" };

        Assert.Equal([natural], UrlConflicts.RemoveDuplicateUrls([claimant, natural], new DiagnosticBag(), rules));
        Assert.Equal([natural], UrlConflicts.RemoveDuplicateUrls([natural, claimant], new DiagnosticBag(), rules));
    }

    [Fact]
    public void The_page_whose_path_gives_the_url_keeps_it_over_a_permalink()
    {
        var natural = Pages.Parse("b/index.md", "# B\n");
        var claimant = Pages.Parse("a.md", "---\npermalink: /b/\n---\n# A\n");
        var bag = new DiagnosticBag();

        var kept = UrlConflicts.RemoveDuplicateUrls([claimant, natural], bag);

        Assert.Equal([natural], kept);
        var d = Assert.Single(bag.ToSortedList());
        Assert.Equal("content/a.md(2,12): error CW1004: URL '/b/' is claimed by both 'content/a.md' and 'content/b/index.md'", d.ToString());
    }

    [Fact]
    public void Urls_that_differ_only_in_case_collide_and_the_first_without_a_permalink_wins()
    {
        var first = Pages.Parse("Guide.md", "# G\n");
        var second = Pages.Parse("x.md", "---\npermalink: /guide/\n---\n# X\n");
        var bag = new DiagnosticBag();

        var kept = UrlConflicts.RemoveDuplicateUrls([first, second], bag);

        Assert.Equal([first], kept);
        Assert.Contains("differs only in letter case", Assert.Single(bag.ToSortedList()).Message);
    }

    [Fact]
    public void Distinct_urls_are_kept_as_they_are()
    {
        var pages = new[] { Pages.Parse("a.md", "# A\n"), Pages.Parse("b.md", "# B\n") };
        var bag = new DiagnosticBag();

        Assert.Equal(pages, UrlConflicts.RemoveDuplicateUrls(pages, bag));
        Assert.Empty(bag.ToSortedList());
    }

    [Fact]
    public void A_page_on_a_reserved_path_is_left_out_and_named_with_the_owner()
    {
        var page = Pages.Parse("x.md", "---\npermalink: /sitemap.xml\n---\n# X\n");
        var other = Pages.Parse("y.md", "# Y\n");
        var bag = new DiagnosticBag();

        var placed = UrlConflicts.Place([page, other], [], [("sitemap.xml", "the sitemap")], bag);

        Assert.Equal([other], placed.Pages);
        Assert.Equal("URL '/sitemap.xml' is the output of the sitemap ('sitemap.xml')", Assert.Single(bag.ToSortedList()).Message);
        Assert.Equal("the sitemap", placed.Taken["SITEMAP.XML"]);
        Assert.Equal("page 'content/y.md'", placed.Taken["y/index.html"]);
    }

    [Fact]
    public void A_static_file_on_a_page_output_or_named_like_a_needed_folder_is_left_out()
    {
        var page = Pages.Parse("license.md", "# License\n");
        var clash = Static("license/index.html");
        var folder = Static("license");
        var fine = Static("img/logo.png");
        var bag = new DiagnosticBag();

        var placed = UrlConflicts.Place([page], [clash, folder, fine], [], bag);

        Assert.Equal([fine], placed.Statics);
        var messages = bag.ToSortedList().Select(d => d.Message).ToList();
        Assert.Contains("file 'license/index.html' would overwrite page 'content/license.md'", messages);
        Assert.Contains("file 'license' has the name of a folder the site needs for its pages", messages);
        Assert.Equal("file 'content/img/logo.png'", placed.Taken["img/logo.png"]);
    }

    [Fact]
    public void The_first_owner_of_a_reserved_path_keeps_it()
    {
        var placed = UrlConflicts.Place([], [], [("404.html", "the 404 page"), ("404.html", "a theme asset")], new DiagnosticBag());

        Assert.Equal("the 404 page", placed.Taken["404.html"]);
    }

    [Fact]
    public void A_static_file_inside_a_folder_that_is_another_output_is_left_out()
    {
        var inside = Static("sitemap.xml/a.txt");
        var bag = new DiagnosticBag();

        var placed = UrlConflicts.Place([], [inside], [("sitemap.xml", "the sitemap")], bag);

        Assert.Empty(placed.Statics);
        Assert.Equal("file 'sitemap.xml/a.txt' needs the folder 'sitemap.xml', which is the sitemap", Assert.Single(bag.ToSortedList()).Message);
    }

    [Fact]
    public void Folders_lists_every_enclosing_folder_innermost_first()
    {
        Assert.Equal(["a/b", "a"], UrlConflicts.Folders("a/b/c.html"));
        Assert.Empty(UrlConflicts.Folders("c.html"));
    }
}
