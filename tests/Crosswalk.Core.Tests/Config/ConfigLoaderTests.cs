using Crosswalk.Config;
using Crosswalk.Diagnostics;
using Crosswalk.Markdown.Slugs;

namespace Crosswalk.Tests.Config;

public sealed class ConfigLoaderTests
{
    private static (SiteConfig? Config, IReadOnlyList<Diagnostic> Diagnostics) Parse(string yaml)
    {
        var bag = new DiagnosticBag();
        var config = ConfigLoader.Parse(yaml, "/site/root/site.yml", bag);
        return (config, bag.ToSortedList());
    }

    [Fact]
    public void Reads_every_documented_key_with_paths_relative_to_the_file()
    {
        // Given
        const string yaml = """
            title: Moltbot Docs
            base_url: docs
            site_url: https://docs.example.com/
            source: pages
            output: out/site
            templates: theme
            catalogs: [soc2-tsc-2017, catalogs/extra.yaml]
            mappings:
              - { column: SOC2 Mapping, catalog: soc2-tsc-2017 }
              - { column: Control, catalog: iso27001-2013, pages: "policies/**", header: [Control, Requirement, Evidence] }
            coverage:
              - { key: Category, documents: Primary Documents, catalog: soc2-tsc-2017 }
            redirects:
              /old/path: /new/path/
            severity:
              CW2005: off
              CW3005: info
            slugs: python-markdown
            """;

        // When
        var (config, diagnostics) = Parse(yaml);

        // Then
        Assert.Empty(diagnostics);
        Assert.NotNull(config);
        Assert.Equal("Moltbot Docs", config.Title);
        Assert.Equal("/docs/", config.BaseUrl);
        Assert.Equal("https://docs.example.com", config.SiteUrl);
        Assert.Equal("/site/root/pages", config.SourceDirectory);
        Assert.Equal("/site/root/out/site", config.OutputDirectory);
        Assert.Equal("/site/root/theme", config.TemplatesDirectory);
        Assert.Equal(["soc2-tsc-2017", "catalogs/extra.yaml"], config.Catalogs);
        Assert.Equal(2, config.Mappings.Count);
        Assert.Equal(["Control", "Requirement", "Evidence"], config.Mappings[1].Header!);
        Assert.Equal("policies/**", config.Mappings[1].Pages);
        Assert.Equal("Primary Documents", config.Coverage[0].Documents);
        Assert.Equal(("/old/path", "/new/path/"), (config.Redirects[0].From, config.Redirects[0].To));
        Assert.Equal(Severity.Off, config.Severity["CW2005"]);
        Assert.Equal(Severity.Info, config.Severity["CW3005"]);
        Assert.Same(SlugRule.PythonMarkdown, config.Slugs);
    }

    [Fact]
    public void Defaults_apply_to_an_empty_file()
    {
        var (config, diagnostics) = Parse("");
        Assert.Empty(diagnostics);
        Assert.Equal("/site/root/content", config!.SourceDirectory);
        Assert.Equal("/site/root/_site", config.OutputDirectory);
        Assert.Null(config.TemplatesDirectory);
        Assert.Equal("/", config.BaseUrl);
        Assert.Same(SlugRule.GitHub, config.Slugs);
    }

    [Fact]
    public void Reports_CW1001_for_an_unknown_key_at_its_line_and_column()
    {
        var (config, diagnostics) = Parse("title: x\n  \noutptu: _site\n");
        Assert.Null(config);
        var d = Assert.Single(diagnostics);
        Assert.Equal("CW1001", d.Code);
        Assert.Equal(new SourceLocation("site.yml", 3, 1), d.Location);
        Assert.Contains("'outptu'", d.Message);
    }

    [Fact]
    public void Reports_CW1001_for_a_wrong_type_naming_the_key()
    {
        var (_, diagnostics) = Parse("title:\n  - a\n  - b\n");
        var d = Assert.Single(diagnostics);
        Assert.Equal("CW1001", d.Code);
        Assert.Contains("'title' must be a string", d.Message);
        Assert.Equal(2, d.Location!.Value.Line);
        Assert.Equal(3, d.Location!.Value.Column);
    }

    [Fact]
    public void Reports_CW1001_for_unknown_keys_inside_mapping_rules()
    {
        var (_, diagnostics) = Parse("mappings:\n  - { column: A, catalog: b, colour: red }\n");
        var d = Assert.Single(diagnostics);
        Assert.Contains("'colour'", d.Message);
        Assert.Equal(new SourceLocation("site.yml", 2, 30), d.Location);
    }

    [Fact]
    public void Reports_CW1001_for_a_missing_required_field()
    {
        var (_, diagnostics) = Parse("coverage:\n  - { key: Category, catalog: soc2-tsc-2017 }\n");
        Assert.Contains(diagnostics, d => d.Code == "CW1001" && d.Message.Contains("missing 'documents'"));
    }

    [Fact]
    public void Reports_CW1001_for_a_yaml_syntax_error_with_its_position()
    {
        var (config, diagnostics) = Parse("title: Moltbot\nsource: [content\n");
        Assert.Null(config);
        var d = Assert.Single(diagnostics);
        Assert.Equal("CW1001", d.Code);
        Assert.True(d.Location!.Value.Line >= 2);
    }

    [Fact]
    public void A_misspelt_slugs_value_suggests_the_rule_meant()
    {
        var (config, diagnostics) = Parse("slugs: python_markdown\n");

        Assert.Null(config);
        var d = Assert.Single(diagnostics);
        Assert.Equal(("CW1001", 1, 8), (d.Code, d.Location!.Value.Line, d.Location!.Value.Column));
        Assert.Contains("'python-markdown'", d.Help);
    }

    [Theory]
    [InlineData("severity:\n  CW2005: sometimes\n", "unknown severity 'sometimes'")]
    [InlineData("severity:\n  XX1: off\n", "is not a diagnostic code")]
    [InlineData("base_url: https://example.com/\n", "base_url must be a path")]
    [InlineData("redirects:\n  old: /new/\n", "must start with '/'")]
    [InlineData("- a\n- b\n", "must be a mapping")]
    [InlineData("slugs: mkdocs\n", "unknown slugs 'mkdocs'")]
    [InlineData("slugs: [github]\n", "'slugs' must be a string")]
    public void Reports_CW1001_for_bad_values(string yaml, string expected)
    {
        var (config, diagnostics) = Parse(yaml);
        Assert.Null(config);
        Assert.Contains(diagnostics, d => d.Code == "CW1001" && d.Message.Contains(expected));
    }

    [Fact]
    public void A_missing_file_is_an_error_unless_defaults_are_allowed()
    {
        var bag = new DiagnosticBag();
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "site.yml");
        Assert.Null(ConfigLoader.Load(path, bag));
        Assert.Contains(bag.ToSortedList(), d => d.Code == "CW1001");
        Assert.NotNull(ConfigLoader.Load(path, new DiagnosticBag(), allowMissing: true));
    }

    [Theory]
    [InlineData("output: ~\n", "site.yml(1,9): error CW1001: 'output' must name a folder, not be empty or null")]
    [InlineData("source: null\n", "site.yml(1,9): error CW1001: 'source' must name a folder, not be empty or null")]
    [InlineData("source: /\n", "site.yml(1,9): error CW1001: 'source' must not be the root of the file system ('/')")]
    [InlineData("output: /\n", "site.yml(1,9): error CW1001: 'output' must not be the root of the file system ('/')")]
    [InlineData("source: /etc\n", "site.yml(1,9): error CW1001: 'source' ('/etc') is outside the site's folder and its git repository")]
    [InlineData("templates: /usr/share\n", "site.yml(1,12): error CW1001: 'templates' ('/usr/share') is outside the site's folder and its git repository")]
    public void A_null_the_disk_root_or_a_folder_outside_the_site_is_no_source_or_output_folder(string yaml, string expected)
    {
        var bag = new DiagnosticBag();

        var config = ConfigLoader.Parse(yaml, Path.Combine(Path.GetTempPath(), "site.yml"), bag);

        Assert.Null(config);
        Assert.Equal(expected, Assert.Single(bag.ToSortedList()).ToString());
    }

    [Fact]
    public void The_home_folder_or_one_above_it_is_no_source_or_output_folder()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var bag = new DiagnosticBag();

        Assert.Null(ConfigLoader.Parse($"output: {home}\n", Path.Combine(Path.GetTempPath(), "site.yml"), bag));

        Assert.Contains("'output' must not be the home folder or a folder above it", Assert.Single(bag.ToSortedList()).Message);
    }
}
