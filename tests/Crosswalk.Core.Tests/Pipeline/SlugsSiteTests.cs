using Crosswalk.Pipeline;
using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Pipeline;

/// <summary>A site's anchors are checked against the ids of the generator that <c>slugs:</c> names.</summary>
public sealed class SlugsSiteTests
{
    private static TempSite Site(string slugs) => new(
        ("site.yml", $"title: T\n{slugs}"),
        ("content/index.md", "# Home\n\n[github style](policy.md#café-policy) and [repeat](policy.md#scope-1)\n\n"
            + "[mkdocs style](policy.md#cafe-policy) and [repeat](policy.md#scope_1)\n"),
        ("content/policy.md", "# Policy\n\n## Café Policy\n\n## Scope\n\n## Scope\n"));

    [Fact]
    public void With_python_markdown_slugs_only_the_python_markdown_ids_resolve()
    {
        // CW2002 as a warning, so the site is written and its ids can be read.
        using var site = Site("slugs: python-markdown\nseverity: { CW2002: warning, CW5002: off }\n");

        var result = SiteBuilder.Build(new BuildOptions { ConfigPath = site.ConfigPath });

        var anchors = result.Diagnostics.Where(d => d.Code == "CW2002").ToList();
        Assert.Equal([(3, 1), (3, 43)], anchors.Select(d => (d.Location!.Value.Line, d.Location!.Value.Column)));
        Assert.Contains("'#café-policy'", anchors[0].Message);
        Assert.All(result.Diagnostics, d => Assert.Equal("CW2002", d.Code));
        var html = site.Read("_site/policy/index.html");
        Assert.Contains("id=\"cafe-policy\"", html);
        Assert.Contains("id=\"scope_1\"", html);
    }

    [Fact]
    public void Without_slugs_the_github_ids_resolve_and_the_python_markdown_ones_do_not()
    {
        using var site = Site("");

        var anchors = SiteBuilder.Check(new BuildOptions { ConfigPath = site.ConfigPath }).Diagnostics.Where(d => d.Code == "CW2002");

        Assert.Equal([5, 5], anchors.Select(d => d.Location!.Value.Line));
    }
}
