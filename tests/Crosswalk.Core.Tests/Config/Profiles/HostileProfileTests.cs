using Crosswalk.Config;
using Crosswalk.Diagnostics;
using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Config.Profiles;

/// <summary>A generator's configuration is the tree's text: nothing in it may crash, hang or read outside the site.</summary>
public sealed class HostileProfileTests
{
    private static (SiteConfig? Config, IReadOnlyList<Diagnostic> Diagnostics) Load(TempSite site)
    {
        var bag = new DiagnosticBag();
        return (ConfigLoader.Load(site.ConfigPath, bag, allowMissing: true), bag.ToSortedList());
    }

    [Theory]
    [InlineData("mkdocs.yml", "docs_dir: /")]
    [InlineData("mkdocs.yml", "docs_dir: ../../..")]
    [InlineData("mkdocs.yml", "docs_dir: \"x\\0y\"")]
    [InlineData("_config.yml", "source: /etc")]
    [InlineData("docusaurus.config.js", "module.exports = { presets: [['classic', { docs: { path: '../../../etc' } }]] };")]
    public void A_source_folder_outside_the_site_is_CW1012_not_a_walk_of_the_disk(string file, string text)
    {
        using var site = new TempSite((file, text));
        var (config, diagnostics) = Load(site);
        Assert.NotNull(config);
        Assert.StartsWith(site.Root, config.SourceDirectory, StringComparison.Ordinal);
        Assert.Contains(diagnostics, d => d.Code == "CW1012");
    }

    [Fact]
    public void Docusaurus_in_website_reads_docs_beside_it()
    {
        using var site = new TempSite(("website/docusaurus.config.js", "module.exports = { presets: [['classic', { docs: { path: '../docs' } }]] };"), ("docs/intro.md", "# Intro"));
        var bag = new DiagnosticBag();
        var config = ConfigLoader.Load(site.PathOf("website/site.yml"), bag, allowMissing: true);
        Assert.Empty(bag.ToSortedList());
        Assert.Equal(site.PathOf("docs"), config!.SourceDirectory);
    }

    [Fact]
    public void A_ref_outside_the_site_or_to_a_device_is_not_read()
    {
        using var site = new TempSite(("docs.json", """{ "navigation": { "$ref": "../../../../../../dev/zero" } }"""));
        var (config, diagnostics) = Load(site);
        Assert.NotNull(config);
        Assert.Contains(diagnostics, d => d.Code == "CW1012");
    }

    [Fact]
    public void Ref_cycles_and_fan_outs_end()
    {
        var fan = "[" + string.Join(", ", Enumerable.Repeat("""{ "$ref": "nav.json" }""", 10)) + "]";
        using var site = new TempSite(("docs.json", """{ "navigation": { "$ref": "nav.json" } }"""), ("nav.json", fan));
        var (config, diagnostics) = Load(site);
        Assert.NotNull(config);
        Assert.Contains(diagnostics, d => d.Message.Contains("refers back to itself", StringComparison.Ordinal));
    }

    [Fact]
    public void Duplicate_json_keys_do_not_crash()
    {
        using var site = new TempSite(("docs.json", """{ "navigation": { "pages": ["a"] }, "navigation": { "pages": ["b"] } }"""));
        Assert.NotNull(Load(site).Config);
    }

    [Fact]
    public void A_yaml_alias_that_contains_itself_in_nav_ends()
    {
        using var site = new TempSite(("mkdocs.yml", "nav: &n\n  - a.md\n  - *n\n"));
        var (config, _) = Load(site);
        Assert.Equal(["a.md"], config!.Profile.Navigation);
    }

    [Fact]
    public void Odd_jekyll_collections_do_not_crash()
    {
        using var site = new TempSite(("_config.yml", "collections:\n  ? [docs]\n  : { output: true }\n  docs: { output: true }\n  !!str docs: { output: true }\n"));
        Assert.NotNull(Load(site).Config);
    }

    [Fact]
    public void A_backtracking_exclude_glob_answers_at_once()
    {
        var filter = new Crosswalk.Content.PathFilter(["*a*a*a*a*a*a*a*a*a*a*a*a*b", "**/**/**/**/**/**/**/**/**/**/x"]);
        var started = System.Diagnostics.Stopwatch.StartNew();
        Assert.False(filter.Excludes(new string('a', 40) + ".md"));
        Assert.False(filter.Excludes(string.Join('/', Enumerable.Repeat("d", 60)) + "/y.md"));
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), $"took {started.Elapsed}");
    }

    [Fact]
    public void A_blog_folder_linking_to_itself_is_not_walked_round()
    {
        using var site = new TempSite(("docusaurus.config.js", "module.exports = {};"), ("blog/2024-01-01-a.md", "# A"), ("docs/intro.md", "# Intro"));
        Directory.CreateSymbolicLink(site.PathOf("blog/loop"), site.PathOf("blog"));
        var (config, _) = Load(site);
        Assert.Contains("/blog/2024/01/01/a", config!.Profile.Routes);
    }
}
