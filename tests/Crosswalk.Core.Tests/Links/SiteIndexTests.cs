using Crosswalk.Content;
using Crosswalk.Links;
using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Links;

public sealed class SiteIndexTests
{
    private static readonly ParsedPage s_overview = Pages.Parse("compliance/index.md", "---\npermalink: /compliance/\n---\n# Overview\n");
    private static readonly ParsedPage s_incident = Pages.Parse("compliance/incident-response.md", "---\npermalink: /compliance/incident-response/\n---\n## Triage\n");
    private static readonly ParsedPage s_threat = Pages.Parse("security/threat-model.md", "# Threat Model\n");
    private static readonly ParsedPage s_cafe = Pages.Parse("guides/café.md", "# Café\n");
    private static readonly SourceFile s_image = new("/site/content/img/diagram.png", "img/diagram.png", "content/img/diagram.png", SourceKind.Static);

    private static SiteIndex Index() => new([s_overview, s_incident, s_threat, s_cafe], [s_image], [new("/old-ir", "/compliance/incident-response/")]);

    [Theory]
    [InlineData("/compliance/incident-response")]
    [InlineData("/compliance/incident-response/")]
    [InlineData("/compliance/incident-response.md")]
    [InlineData("/compliance/incident-response.html")]
    [InlineData("incident-response")]
    [InlineData("incident-response.md")]
    [InlineData("./incident-response.mdx")]
    [InlineData("../compliance/incident-response/")]
    [InlineData("/old-ir")]
    [InlineData("/old-ir/")]
    public void Resolves_every_written_form_to_the_canonical_url(string written)
    {
        var target = Index().Resolve(s_overview, written);
        Assert.Equal(TargetKind.Page, target.Kind);
        Assert.Equal("/compliance/incident-response/", target.Path);
    }

    [Theory]
    [InlineData("/compliance/index.md", "/compliance/")]
    [InlineData("/compliance/index", "/compliance/")]
    [InlineData("../security/threat-model.md", "/security/threat-model/")]
    [InlineData("/guides/caf%C3%A9", "/guides/café/")]
    [InlineData("../img/diagram.png", "/img/diagram.png")]
    public void Resolves_index_pages_percent_encoding_and_static_files(string written, string path)
    {
        var target = Index().Resolve(s_incident, written);
        Assert.Equal(path, target.Path);
    }

    [Fact]
    public void Keeps_the_fragment_decoded_and_the_suffix_as_written()
    {
        var target = Index().Resolve(s_overview, "incident-response.md?x=1#caf%C3%A9");
        Assert.Equal("café", target.Fragment);
        Assert.Equal("?x=1#caf%C3%A9", target.Suffix);
    }

    [Fact]
    public void An_anchor_only_link_points_to_the_same_page()
    {
        var target = Index().Resolve(s_incident, "#triage");
        Assert.Same(s_incident, target.Page);
        Assert.Equal("triage", target.Fragment);
    }

    [Theory]
    [InlineData("https://example.com/")]
    [InlineData("mailto:security@example.com")]
    [InlineData("//cdn.example.com/x.js")]
    [InlineData("tel:+15550100")]
    public void Skips_external_schemes(string written) =>
        Assert.Equal(TargetKind.External, Index().Resolve(s_overview, written).Kind);

    [Fact]
    public void A_missing_page_suggests_the_closest_url()
    {
        var target = Index().Resolve(s_overview, "/compliance/incident-responce");
        Assert.Equal(TargetKind.Missing, target.Kind);
        Assert.Equal("did you mean '/compliance/incident-response/'?", target.Help);
    }

    [Fact]
    public void Paths_are_case_sensitive_and_the_help_says_so()
    {
        var target = Index().Resolve(s_overview, "/Compliance/Incident-Response");
        Assert.Equal(TargetKind.Missing, target.Kind);
        Assert.Contains("differs only in letter case", target.Help);
    }

    [Fact]
    public void A_link_climbing_above_the_root_is_missing() =>
        Assert.Equal(TargetKind.Missing, Index().Resolve(s_overview, "../../../etc/passwd").Kind);
}
