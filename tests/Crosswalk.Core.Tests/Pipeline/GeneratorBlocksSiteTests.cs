using AngleSharp.Html.Parser;
using Crosswalk.Pipeline;
using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Pipeline;

/// <summary>
/// Links and headings inside other generators' blocks (MkDocs admonitions and tabs, Docusaurus admonitions, kramdown
/// attribute lists) go through the whole pipeline as the page's own: broken ones are reported where they are written,
/// anchors to headings inside are valid.
/// </summary>
public sealed class GeneratorBlocksSiteTests
{
    private const string Guide = "# Guide\n\n!!! note\n    ## In a note\n\n=== \"Tab\"\n    ## In a tab\n\n## Kramdown\n{: #custom-id}\n\n:::info\n## In a box\n:::\n";

    private const string Home = "# Home\n\n!!! note \"Start\"\n    Read the [guide](guide.md#in-a-note) first.\n\n    Then [gone](missing.md).\n\n"
        + "=== \"Linux\"\n    See [tab heading](guide.md#in-a-tab) and [broken](/nowhere/).\n\n"
        + "=== \"Windows\"\n    [Kramdown id](guide.md#custom-id), [docusaurus](guide.md#in-a-box), [no such anchor](guide.md#nope).\n\n"
        + ":::tip[Tip with [bad title link](old.md)]\nBody.\n:::\n";

    private static TempSite Site(string home) => new(
        ("site.yml", "title: T\nrelative_urls: false\nseverity:\n  CW2005: off\n  CW5002: off\n"),
        ("content/index.md", home),
        ("content/guide.md", Guide));

    [Fact]
    public void Broken_links_inside_the_blocks_are_reported_where_written_and_anchors_to_headings_inside_are_valid()
    {
        using var site = Site(Home);

        var check = SiteBuilder.Check(new BuildOptions { ConfigPath = site.ConfigPath });
        var build = SiteBuilder.Build(new BuildOptions { ConfigPath = site.ConfigPath });

        string[] expected =
        [
            "content/index.md(6,10): error CW2001: link target 'missing.md' does not exist",
            "content/index.md(9,46): error CW2001: link target '/nowhere/' does not exist",
            "content/index.md(12,73): error CW2002: anchor '#nope' does not exist on '/guide/'",
            "content/index.md(14,17): error CW2001: link target 'old.md' does not exist",
        ];
        Assert.Equal(expected, check.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(expected, build.Diagnostics.Select(d => d.ToString()));
        Assert.False(build.Written);
    }

    [Fact]
    public void The_built_pages_keep_every_tab_and_box_with_links_rewritten_and_headings_as_targets()
    {
        var fixedHome = Home.Replace("[gone](missing.md)", "gone").Replace("[broken](/nowhere/)", "broken")
            .Replace("[no such anchor](guide.md#nope)", "none").Replace("[bad title link](old.md)", "a title");
        using var site = Site(fixedHome);

        var result = SiteBuilder.Build(new BuildOptions { ConfigPath = site.ConfigPath });

        Assert.Empty(result.Diagnostics);
        Assert.True(result.Written);
        var parser = new HtmlParser();
        var home = parser.ParseDocument(site.Read("_site/index.html"));
        Assert.Equal(2, home.QuerySelectorAll(".tabbed-set > .tabbed-block").Length);
        Assert.NotNull(home.QuerySelector(".tabbed-block a[href='/guide/#in-a-tab']"));
        Assert.NotNull(home.QuerySelector(".tabbed-block a[href='/guide/#custom-id']"));
        Assert.NotNull(home.QuerySelector("div.admonition.note a[href='/guide/#in-a-note']"));
        var guide = parser.ParseDocument(site.Read("_site/guide/index.html"));
        Assert.NotNull(guide.QuerySelector("div.admonition.note > h2#in-a-note"));
        Assert.NotNull(guide.QuerySelector(".tabbed-block > h2#in-a-tab"));
        Assert.NotNull(guide.QuerySelector("div.admonition.info > h2#in-a-box"));
        Assert.NotNull(guide.QuerySelector("h2#custom-id"));
        Assert.DoesNotContain("{:", guide.Body!.TextContent);
    }
}
