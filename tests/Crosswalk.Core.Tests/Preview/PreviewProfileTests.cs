using Crosswalk.Pipeline;
using Crosswalk.Preview;
using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Preview;

/// <summary>Under a docs generator's profile, serve watches the generator's configuration and rebuilds as check would.</summary>
public sealed class PreviewProfileTests
{
    [Fact]
    public void An_edit_to_mkdocs_yml_is_watched_and_rebuilds_as_a_fresh_check_judges()
    {
        using var site = new TempSite(
            ("mkdocs.yml", "site_name: x\nnav:\n  - index.md\n"),
            ("docs/index.md", "# Home\n"),
            ("docs/lonely.md", "# Lonely\n"));
        var options = new BuildOptions { ConfigPath = site.ConfigPath, AllowMissingConfig = true };
        var preview = new PreviewSite(options);
        var first = preview.Rebuild();
        Assert.Contains(first.Result.Diagnostics, d => d.Code == "CW2005");
        Assert.Contains(site.PathOf("mkdocs.yml"), preview.WatchedPaths);

        site.Touch("mkdocs.yml", "site_name: x\nnav:\n  - index.md\n  - lonely.md\n");
        var second = preview.Rebuild([site.PathOf("mkdocs.yml")]);

        Assert.DoesNotContain(second.Result.Diagnostics, d => d.Code == "CW2005");
        Assert.Equal(SiteBuilder.Check(options).Diagnostics, second.Result.Diagnostics);
    }
}
