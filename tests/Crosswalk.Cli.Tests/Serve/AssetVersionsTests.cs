using Crosswalk.Cli.Serve;

namespace Crosswalk.Cli.Tests.Serve;

public sealed class AssetVersionsTests
{
    // The site's files besides pages, by path, with their tags.
    private static readonly Dictionary<string, string> Tags = new(StringComparer.Ordinal)
    {
        ["/assets/crosswalk.css"] = "\"c55\"",
        ["/assets/crosswalk.js"] = "\"a11\"",
        ["/docs/local.js"] = "\"d22\"",
    };

    private static string Stamp(string html, string requestPath = "/docs/page/") => AssetVersions.Stamp(html, requestPath, p => Tags.GetValueOrDefault(p));

    [Theory]
    [InlineData("<link rel=\"stylesheet\" href=\"../../assets/crosswalk.css\">", "<link rel=\"stylesheet\" href=\"../../assets/crosswalk.css?v=c55\">")]
    [InlineData("<link rel=\"stylesheet\" href=\"/assets/crosswalk.css\">", "<link rel=\"stylesheet\" href=\"/assets/crosswalk.css?v=c55\">")]
    [InlineData("<script src=\"../../assets/crosswalk.js\" defer></script>", "<script src=\"../../assets/crosswalk.js?v=a11\" defer></script>")]
    [InlineData("<SCRIPT type=\"text/javascript\" SRC=\"../local.js\"></SCRIPT>", "<SCRIPT type=\"text/javascript\" SRC=\"../local.js?v=d22\"></SCRIPT>")]
    public void A_stylesheet_or_script_of_the_site_carries_its_version(string html, string expected) =>
        Assert.Equal(expected, Stamp(html));

    [Theory]
    // Another host, protocol-relative, a query or fragment already there, no such file, a page (no tag), not a link or script.
    [InlineData("<script src=\"https://cdn.example.com/assets/crosswalk.js\"></script>")]
    [InlineData("<script src=\"//cdn.example.com/assets/crosswalk.js\"></script>")]
    [InlineData("<link rel=\"stylesheet\" href=\"../../assets/crosswalk.css?theme=dark\">")]
    [InlineData("<link rel=\"stylesheet\" href=\"../../assets/crosswalk.css#x\">")]
    [InlineData("<link rel=\"stylesheet\" href=\"../../assets/missing.css\">")]
    [InlineData("<link rel=\"canonical\" href=\"../page/\">")]
    [InlineData("<a href=\"../../assets/crosswalk.css\">the stylesheet</a>")]
    [InlineData("<img src=\"../../assets/crosswalk.js\">")]
    [InlineData("<script src=\"\"></script>")]
    [InlineData("<script src=\"http://preview.invalid/assets/crosswalk.js\"></script>")]
    // Modules are known by their URL (an import of ../../assets/crosswalk.js would be another module).
    [InlineData("<script type=\"module\" src=\"../../assets/crosswalk.js\"></script>")]
    [InlineData("<script src=\"../../assets/crosswalk.js\" type=module></script>")]
    [InlineData("<link rel=\"modulepreload\" href=\"../../assets/crosswalk.js\">")]
    // Whitespace is no part of the URL for the browser; a version after it would be.
    [InlineData("<link rel=\"stylesheet\" href=\"../../assets/crosswalk.css \">")]
    [InlineData("<link rel=\"stylesheet\" href=\" ../../assets/crosswalk.css\">")]
    // An element whose name starts with link.
    [InlineData("<link-card href=\"../../assets/crosswalk.css\"></link-card>")]
    [InlineData("<link rel=\"stylesheet\" href='../../assets/crosswalk.css'>")]
    public void Anything_else_is_left_as_written(string html) =>
        Assert.Equal(html, Stamp(html));

    [Fact]
    public void A_relative_url_resolves_against_the_path_the_browser_asked_for()
    {
        const string html = "<script src=\"assets/crosswalk.js\"></script>";

        Assert.Equal("<script src=\"assets/crosswalk.js?v=a11\"></script>", Stamp(html, "/"));
        Assert.Equal("<script src=\"assets/crosswalk.js?v=a11\"></script>", Stamp(html, "/index.html"));
        // The 404 page, served at a path that does not exist: relative URLs mean what they mean there.
        Assert.Equal(html, Stamp(html, "/no/such/page"));
        // Not a path (a proxy's absolute form): nothing to resolve against.
        Assert.Equal(html, Stamp(html, "http://localhost/"));
    }

    [Fact]
    public void A_page_with_a_base_tag_keeps_its_urls()
    {
        const string html = "<head><base href=\"/other/\"><link rel=\"stylesheet\" href=\"/assets/crosswalk.css\"></head>";

        Assert.Equal(html, Stamp(html));
    }

    [Fact]
    public void Every_tag_of_a_page_is_stamped_and_the_rest_is_unchanged()
    {
        const string html = "<!DOCTYPE html><html><head><link rel=\"stylesheet\" href=\"../../assets/crosswalk.css\">\n" +
                            "<script src=\"../../assets/crosswalk.js\"></script></head><body><p>href=\"../../assets/crosswalk.css\"</p></body></html>";

        Assert.Equal("<!DOCTYPE html><html><head><link rel=\"stylesheet\" href=\"../../assets/crosswalk.css?v=c55\">\n" +
                     "<script src=\"../../assets/crosswalk.js?v=a11\"></script></head><body><p>href=\"../../assets/crosswalk.css\"</p></body></html>", Stamp(html));
    }
}
