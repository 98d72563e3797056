using Crosswalk.Config;
using Crosswalk.Content;
using Crosswalk.Diagnostics;

namespace Crosswalk.Tests.Config;

/// <summary>site.yml's front_matter_style and catalog_aliases (SiteKeys.Formats.cs).</summary>
public sealed class SiteKeysFormatsTests
{
    private static (SiteConfig? Config, IReadOnlyList<Diagnostic> Diagnostics) Parse(string yaml)
    {
        var bag = new DiagnosticBag();
        var config = ConfigLoader.Parse(yaml, "/site/root/site.yml", bag);
        return (config, bag.ToSortedList());
    }

    [Theory]
    [InlineData("title: x\n", FrontMatterStyle.Auto)]
    [InlineData("front_matter_style: auto\n", FrontMatterStyle.Auto)]
    [InlineData("front_matter_style: fenced\n", FrontMatterStyle.Fenced)]
    [InlineData("front_matter_style: yaml-first\n", FrontMatterStyle.YamlFirst)]
    public void Reads_the_front_matter_style(string yaml, FrontMatterStyle style)
    {
        var (config, diagnostics) = Parse(yaml);

        Assert.Empty(diagnostics);
        Assert.Equal(style, config!.FrontMatterStyle);
    }

    [Fact]
    public void An_unknown_front_matter_style_is_CW1001_with_a_did_you_mean()
    {
        var (config, diagnostics) = Parse("title: x\nfront_matter_style: yaml_first\n");

        Assert.Null(config);
        var d = Assert.Single(diagnostics);
        Assert.Equal("site.yml(2,21): error CW1001: unknown front_matter_style 'yaml_first'", d.ToString());
        Assert.Equal("did you mean 'yaml-first'?", d.Help);
    }

    [Fact]
    public void Reads_catalog_aliases_with_where_each_side_is_written()
    {
        var (config, diagnostics) = Parse("catalog_aliases:\n  TSC: soc2-tsc-2017\n  ISO: iso27001-2022\n");

        Assert.Empty(diagnostics);
        Assert.Equal(
            [
                new CatalogIdAlias("TSC", "soc2-tsc-2017", new SourceLocation("site.yml", 2, 3), new SourceLocation("site.yml", 2, 8)),
                new CatalogIdAlias("ISO", "iso27001-2022", new SourceLocation("site.yml", 3, 3), new SourceLocation("site.yml", 3, 8)),
            ],
            config!.CatalogAliases);
    }

    [Theory]
    [InlineData("catalog_aliases: [TSC]\n", 1, 18, "'catalog_aliases' must map other ids to loaded catalogs' ids")]
    [InlineData("catalog_aliases:\n  TSC: [soc2-tsc-2017]\n", 2, 8, "'catalog_aliases' must be a string, not a list")]
    [InlineData("catalog_aliases:\n  TSC: ''\n", 2, 8, "a catalog alias and the catalog id it stands for must not be empty")]
    [InlineData("catalog_aliases:\n  TSC: soc2-tsc-2017\n  TSC: iso27001-2022\n", 3, 3, "site.yml is not valid YAML: Duplicate key TSC")]
    public void A_malformed_alias_entry_is_CW1001_at_the_entry(string yaml, int line, int column, string message)
    {
        var (config, diagnostics) = Parse(yaml);

        Assert.Null(config);
        var d = diagnostics[0];
        Assert.Equal(("CW1001", line, column), (d.Code, d.Location!.Value.Line, d.Location.Value.Column));
        Assert.StartsWith(message, d.Message, StringComparison.Ordinal);
    }
}
