using Crosswalk.Content;
using Crosswalk.Diagnostics;
using Crosswalk.Links;
using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Links;

public sealed class RedirectsTests
{
    private static readonly SourceLocation At = new("site.yml", 4, 3);

    private static (IReadOnlyList<RedirectPage> Pages, List<string> Messages) Check(IReadOnlyList<ParsedPage> pages, params (string From, string To)[] rules)
    {
        var list = Redirects.Collect(rules.Select(r => (r.From, r.To, At)), pages);
        var index = new SiteIndex(pages, [], Redirects.ForIndex(list));
        var taken = pages.ToDictionary(p => p.OutputPath, p => $"page '{p.Source.DisplayPath}'", StringComparer.OrdinalIgnoreCase);
        taken["sitemap.xml"] = "the sitemap";
        var bag = new DiagnosticBag();
        var result = Redirects.Check(list, taken, index, bag);
        return (result, bag.ToSortedList().Select(d => d.ToString()).ToList());
    }

    [Fact]
    public void Collects_the_configured_redirects_then_each_pages_redirect_from()
    {
        var page = Pages.Parse("new.md", "---\nredirect_from: [/old/]\n---\n# New\n");

        var rules = Redirects.Collect([("/a", "/b/", At)], [page]);

        Assert.Equal([new RedirectRule("/a", "/b/", At), new RedirectRule("/old/", "/new/", new SourceLocation("content/new.md", 2, 17))], rules);
    }

    [Fact]
    public void A_chain_is_followed_to_the_page_it_ends_on()
    {
        var page = Pages.Parse("new.md", "# New\n");

        var (result, messages) = Check([page], ("/a", "/b"), ("/b", "/new/"));

        Assert.Empty(messages);
        Assert.Equal([new RedirectPage("/a/", "/new/"), new RedirectPage("/b/", "/new/")], result);
    }

    [Fact]
    public void A_target_with_a_fragment_is_the_page_with_the_fragment_kept()
    {
        var page = Pages.Parse("roles.md", "# Roles\n\n## Repository contributors\n");

        var (result, messages) = Check([page], ("/permissions", "/roles#repository-contributors"));

        Assert.Empty(messages);
        Assert.Equal([new RedirectPage("/permissions/", "/roles/", "#repository-contributors")], result);
        var index = new SiteIndex([page], [], Redirects.ForIndex(Redirects.Collect([("/permissions", "/roles#repository-contributors", At)], [page])));
        Assert.Equal("/roles/", index.Resolve(page, "/permissions").Path);
    }

    [Fact]
    public void An_external_target_is_kept_as_written()
    {
        var (result, messages) = Check([], ("/docs", "https://example.com/docs"));

        Assert.Empty(messages);
        Assert.Equal([new RedirectPage("/docs/", "https://example.com/docs")], result);
    }

    [Fact]
    public void A_loop_a_missing_target_a_page_url_and_a_reserved_path_are_CW2004()
    {
        var page = Pages.Parse("setup.md", "# Setup\n");

        var (result, messages) = Check([page], ("/x", "/y"), ("/y", "/x"), ("/gone", "/setpu/"), ("/setup/", "/elsewhere/"), ("/sitemap.xml", "/setup/"));

        Assert.Empty(result);
        Assert.Equal(
        [
            "site.yml(4,3): error CW2004: redirect from '/gone' points to '/setpu/', which does not exist",
            "site.yml(4,3): error CW2004: redirect from '/x' loops back to itself",
            "site.yml(4,3): error CW2004: redirect from '/y' loops back to itself",
            "site.yml(4,3): error CW2004: redirect source '/setup/' is the URL of page 'content/setup.md'",
            "site.yml(4,3): error CW2004: redirect source '/sitemap.xml' would overwrite the sitemap",
        ], messages);
    }

    [Fact]
    public void The_first_rule_for_a_source_wins()
    {
        var a = Pages.Parse("a.md", "# A\n");
        var b = Pages.Parse("b.md", "# B\n");

        var (result, messages) = Check([a, b], ("/old", "/a/"), ("/old/", "/b/"));

        Assert.Empty(messages);
        Assert.Equal([new RedirectPage("/old/", "/a/")], result);
    }

    [Fact]
    public void A_redirect_that_needs_a_folder_where_a_file_is_or_repeats_another_in_other_case_is_CW2004()
    {
        var page = Pages.Parse("new.md", "# New\n");
        var list = Redirects.Collect([("/file.txt/x/", "/new/", At), ("/Old/", "/new/", At), ("/old/", "/new/", At)], [page]);
        var taken = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["new/index.html"] = "page 'content/new.md'", ["file.txt"] = "file 'content/file.txt'" };
        var bag = new DiagnosticBag();

        var result = Redirects.Check(list, taken, new SiteIndex([page], [], Redirects.ForIndex(list)), bag);

        Assert.Equal([new RedirectPage("/Old/", "/new/")], result);
        Assert.Equal(
        [
            "site.yml(4,3): error CW2004: redirect source '/file.txt/x/' needs the folder 'file.txt', which is file 'content/file.txt'",
            "site.yml(4,3): error CW2004: redirect source '/old/' would overwrite the redirect from '/Old/'",
        ], bag.ToSortedList().Select(d => d.ToString()));
    }
}
