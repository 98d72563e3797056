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
        Assert.Equal("'/compliance/incident-response/' matches it except for letter case; URLs are case-sensitive on a web host", target.Help);
    }

    [Fact]
    public void A_path_that_differs_by_more_than_case_gets_no_case_hint()
    {
        var target = Index().Resolve(s_overview, "/Compliance/Incident-Responce");
        Assert.Equal(TargetKind.Missing, target.Kind);
        Assert.DoesNotContain("letter case", target.Help ?? "");
    }

    [Fact]
    public void A_shortened_url_suggests_the_pages_it_starts()
    {
        var target = Index().Resolve(s_overview, "/compliance/incident");
        Assert.Equal("did you mean '/compliance/incident-response/'?", target.Help);
    }

    [Fact]
    public void A_link_climbing_above_the_root_is_missing() =>
        Assert.Equal(TargetKind.Missing, Index().Resolve(s_overview, "../../../etc/passwd").Kind);
}

public sealed class SiteIndexProfileTests
{
    private static readonly ParsedPage s_intro = Pages.Parse("guide/intro.md", "---\npermalink: /docs/intro/\n---\n# Intro\n");
    private static readonly ParsedPage s_config = Pages.Parse("guide/config.md", "---\npermalink: /docs/configuration/\n---\n# Config\n");
    private static readonly SourceFile s_image = new("/site/docs/assets/x.png", "assets/x.png", "docs/assets/x.png", SourceKind.Static);

    private static SiteIndex Index(Crosswalk.Config.Profiles.ProfileSettings profile, params string[] skipped) =>
        new([s_intro, s_config], [s_image], []) { Profile = profile, Skipped = skipped.ToHashSet() };

    [Fact]
    public void Without_a_trailing_slash_a_relative_link_is_read_against_the_pages_folder()
    {
        var profile = new Crosswalk.Config.Profiles.ProfileSettings { Urls = new(Published: Crosswalk.Config.Profiles.PublishedForm.Bare) };
        Assert.Equal("/docs/configuration/", Index(profile).Resolve(s_intro, "configuration#x").Path);
        Assert.Equal(TargetKind.Missing, Index(new()).Resolve(s_intro, "configuration#x").Kind);
    }

    [Fact]
    public void A_folder_without_an_index_is_explained_or_listed_on_github()
    {
        var target = Index(new()).Resolve(s_intro, "/assets/");
        Assert.Equal(TargetKind.Missing, target.Kind);
        Assert.Equal("is a folder without an index page", target.Why);
        Assert.Equal(TargetKind.External, Index(new() { FolderListings = true }).Resolve(s_intro, "/assets/").Kind);
    }

    [Fact]
    public void A_link_into_a_skipped_folder_says_it_is_not_published()
    {
        var target = Index(new(), ".github", "drafts").Resolve(s_intro, "/.github/workflows/ci.yml");
        Assert.Equal("is not published: it is hidden or excluded", target.Why);
        // On GitHub the hidden file must exist (this index has no source folder on disk to find it in).
        Assert.Equal(TargetKind.Missing, Index(new() { FolderListings = true }, ".github").Resolve(s_intro, "/.github/workflows/ci.yml").Kind);
        Assert.Null(Index(new(), ".github").Resolve(s_intro, "/github/x.md").Why);
    }

    [Theory]
    [InlineData("/blog/2024/01/post/", true)]
    [InlineData("/blog", true)]
    [InlineData("/blogs/x", false)]
    [InlineData("/about", true)]
    [InlineData("/about/team", false)]
    public void Routes_of_other_plugins_are_served(string link, bool served)
    {
        var profile = new Crosswalk.Config.Profiles.ProfileSettings { Routes = ["/blog/*", "/about"] };
        Assert.Equal(served ? TargetKind.External : TargetKind.Missing, Index(profile).Resolve(s_intro, link).Kind);
    }

    [Fact]
    public void On_github_anchors_match_ignoring_case()
    {
        var page = Pages.Parse("a.md", "# Foo Bar\n");
        var github = new SiteIndex([page], [], []) { Profile = new() { AnchorsIgnoreCase = true, Urls = new(Published: Crosswalk.Config.Profiles.PublishedForm.Files) } };
        Assert.Equal("foo-bar", github.Resolve(page, "#Foo-Bar").Fragment);
        Assert.Equal("foo-bar", github.Resolve(page, "a.md#FOO-BAR").Fragment);
        Assert.Equal("Foo-Bar", new SiteIndex([page], [], []).Resolve(page, "#Foo-Bar").Fragment);
    }

    [Fact]
    public void Template_links_are_left_to_the_generator_only_under_its_profile()
    {
        Assert.Equal(TargetKind.External, Index(new() { TemplateLinks = true }).Resolve(s_intro, "{{site.baseurl}}/x").Kind);
        Assert.Equal(TargetKind.Missing, Index(new()).Resolve(s_intro, "{{site.baseurl}}/x").Kind);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(new[] { "guide/intro" }, true)]
    [InlineData(new[] { "./guide/intro.md" }, true)]
    [InlineData(new[] { "/docs/intro" }, true)]
    [InlineData(new[] { "guide/config" }, false)]
    public void Navigation_entries_match_source_paths_and_urls(string[]? entries, bool listed)
    {
        var profile = new Crosswalk.Config.Profiles.ProfileSettings { Navigation = entries };
        Assert.Equal(entries is null || listed, Index(profile).InGeneratorNavigation(s_intro));
    }
}
