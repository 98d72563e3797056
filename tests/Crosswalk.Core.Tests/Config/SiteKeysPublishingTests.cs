using Crosswalk.Config;
using Crosswalk.Diagnostics;

namespace Crosswalk.Tests.Config;

public sealed class SiteKeysPublishingTests
{
    private static (SiteConfig? Config, IReadOnlyList<Diagnostic> Diagnostics) Parse(string yaml)
    {
        var bag = new DiagnosticBag();
        var config = ConfigLoader.Parse(yaml, "/site/root/site.yml", bag);
        return (config, bag.ToSortedList());
    }

    [Theory]
    [InlineData("https://github.com/org/repo/edit/main/", "https://github.com/org/repo/edit/main/")]
    [InlineData("https://github.com/org/repo/edit/main", "https://github.com/org/repo/edit/main/")]
    [InlineData("http://git.example.com/-/edit/trunk/docs", "http://git.example.com/-/edit/trunk/docs/")]
    public void Edit_url_is_read_ending_with_a_slash(string value, string expected)
    {
        var (config, diagnostics) = Parse($"title: T\nedit_url: {value}\n");

        Assert.Empty(diagnostics);
        Assert.Equal(expected, config?.EditUrl);
    }

    [Theory]
    [InlineData("site_url", "docs.example.com")]
    [InlineData("site_url", "/docs/")]
    [InlineData("site_url", "ftp://docs.example.com")]
    [InlineData("site_url", "https://docs.example.com/?x=1")]
    [InlineData("edit_url", "github.com/org/repo/edit/main/")]
    [InlineData("edit_url", "https://github.com/org/repo#edit")]
    public void Site_url_and_edit_url_must_be_absolute_http_urls(string key, string value)
    {
        var (_, diagnostics) = Parse($"title: T\n{key}: \"{value}\"\n");

        var error = Assert.Single(diagnostics);
        Assert.Equal("CW1001", error.Code);
        Assert.Equal(2, error.Location?.Line);
        Assert.Contains($"'{key}' must be an absolute http(s) URL", error.Message);
    }

    [Fact]
    public void Without_the_keys_there_is_no_edit_url_or_site_url()
    {
        var (config, diagnostics) = Parse("title: T\n");

        Assert.Empty(diagnostics);
        Assert.Null(config?.EditUrl);
        Assert.Null(config?.SiteUrl);
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("relative_urls: false\n", false)]
    [InlineData("relative_urls: no\n", false)]
    [InlineData("relative_urls: true\n", true)]
    [InlineData("relative_urls: ~\n", true)]
    public void Relative_urls_is_on_unless_turned_off(string line, bool expected)
    {
        var (config, diagnostics) = Parse("title: T\n" + line);

        Assert.Empty(diagnostics);
        Assert.Equal(expected, config?.RelativeUrls);
    }

    [Fact]
    public void Relative_urls_must_be_a_boolean()
    {
        var (_, diagnostics) = Parse("title: T\nrelative_urls: sometimes\n");

        var error = Assert.Single(diagnostics);
        Assert.Equal("CW1001", error.Code);
        Assert.Equal((2, 16), (error.Location?.Line, error.Location?.Column));
        Assert.Contains("'relative_urls' must be true or false, not 'sometimes'", error.Message);
    }
}
