using Crosswalk.Pipeline;
using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Content;

public sealed class DocumentChecksTests
{
    private static TempSite Site(string siteYml = "title: T\n") => new(
        ("site.yml", siteYml + "severity: { CW5002: off }\n"),
        ("content/index.md", "# Home\n\n[a](compliance/a.md) [b](compliance/b.md) [c](compliance/c.md)\n"),
        ("content/compliance/a.md", "---\ntitle: A\nowner: Security Lead\nlast_reviewed: 2026-01-10\nnext_review: 2026-12-01\n---\n# A\n"),
        ("content/compliance/b.md", "---\ntitle: B\nlast_reviewed: 2026-06-15\nreview_every: 6 months\n---\n# B\n"),
        ("content/compliance/c.md", "---\ntitle: C\nowner: CTO\n---\n# C\n"));

    private static List<string> Lines(BuildResult result, string code) => [.. result.Diagnostics.Where(d => d.Code == code).Select(d => d.ToString())];

    [Fact]
    public void An_overdue_review_warns_at_its_date_and_one_due_soon_is_an_info()
    {
        using var site = Site();

        var result = SiteBuilder.Check(new BuildOptions { ConfigPath = site.ConfigPath, Today = new DateOnly(2026, 12, 6) });

        Assert.Equal(["content/compliance/a.md(5,14): warning CW1008: review overdue: the next review was due on 2026-12-01, 5 days before 2026-12-06"],
            Lines(result, "CW1008"));
        // b: 2026-06-15 plus 6 months is 2026-12-15, reported where the interval is written.
        Assert.Equal(["content/compliance/b.md(4,15): info CW1009: review due in 9 days, on 2026-12-15"], Lines(result, "CW1009"));
        Assert.True(result.Failed(strict: true));
        Assert.False(result.Failed(strict: false));
    }

    [Fact]
    public void Before_the_due_window_nothing_is_reported()
    {
        using var site = Site("title: T\nreviews: { warn_days: 5 }\n");

        var result = SiteBuilder.Check(new BuildOptions { ConfigPath = site.ConfigPath, Today = new DateOnly(2026, 11, 1) });

        Assert.Empty(Lines(result, "CW1008"));
        Assert.Empty(Lines(result, "CW1009"));
    }

    [Fact]
    public void A_required_field_missing_is_an_error_on_the_page_and_an_interval_stands_for_next_review()
    {
        using var site = Site("title: T\nrequired: { pages: \"compliance/**\", fields: [owner, next_review] }\n");

        var result = SiteBuilder.Check(new BuildOptions { ConfigPath = site.ConfigPath, Today = new DateOnly(2026, 1, 1) });

        Assert.Equal(
        [
            "content/compliance/b.md(1,1): error CW1010: 'owner' is required of pages matching 'compliance/**' (site.yml line 2)",
            "content/compliance/c.md(1,1): error CW1010: 'next_review' is required of pages matching 'compliance/**' (site.yml line 2)",
        ], Lines(result, "CW1010"));
    }

    [Fact]
    public void Site_yml_refuses_a_required_field_that_is_not_a_front_matter_key()
    {
        using var site = Site("required: { pages: \"**\", fields: [ownr] }\n");

        var result = SiteBuilder.Check(new BuildOptions { ConfigPath = site.ConfigPath });

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("site.yml(1,35): error CW1001: unknown front-matter field 'ownr' in 'required'", d.ToString());
        Assert.Equal("did you mean 'owner'?", d.Help);
        Assert.False(result.ConfigUsable);
    }

    [Fact]
    public void A_required_field_may_be_a_site_key_declared_below_and_approvals_stand_for_approved_by()
    {
        using var site = new TempSite(
            ("site.yml", "required: { pages: \"**\", fields: [approved_by, classification] }\nfront_matter: { classification: text }\nseverity: { CW5002: off }\n"),
            ("content/index.md", "---\napprovals: [{ by: CISO, on: 2026-01-01 }]\nclassification: internal\n---\n# Home\n"));

        var result = SiteBuilder.Check(new BuildOptions { ConfigPath = site.ConfigPath });

        Assert.Empty(result.Diagnostics);
    }

    [Theory]
    [InlineData("last_reviewed: 9999-12-15\nreview_every: 1 month\n", null)]
    [InlineData("review_every: 99999 years\n", "content/index.md(2,15): error CW1003: 'review_every' must be a duration such as '12 months', '1 year', '6 weeks' or '90 days', not '99999 years'")]
    [InlineData("review_every: 1201 months\n", "content/index.md(2,15): error CW1003: 'review_every' must be a duration such as '12 months', '1 year', '6 weeks' or '90 days', not '1201 months'")]
    public void Dates_at_the_edge_of_the_calendar_are_diagnostics_not_crashes(string frontMatter, string? expected)
    {
        using var site = new TempSite(("content/index.md", "---\n" + frontMatter + "owner: O\n---\n# Home\n"));

        var check = SiteBuilder.Check(new BuildOptions { ConfigPath = site.ConfigPath, AllowMissingConfig = true, Today = new DateOnly(2026, 12, 6) });
        var build = SiteBuilder.Build(new BuildOptions { ConfigPath = site.ConfigPath, AllowMissingConfig = true, Today = new DateOnly(2026, 12, 6) });

        Assert.Equal(expected is null ? [] : [expected], check.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(expected is null, build.Written);
    }

    [Fact]
    public void Without_controlled_documents_there_is_no_reviews_page_and_a_page_may_have_its_url()
    {
        using var site = new TempSite(
            ("site.yml", "title: T\nseverity: { CW5002: off }\n"),
            ("content/index.md", "# Home\n\n[access reviews](reviews.md)\n"),
            ("content/reviews.md", "# Access reviews\n"));

        var result = SiteBuilder.Build(new BuildOptions { ConfigPath = site.ConfigPath, OutputDirectory = site.PathOf("_site") });

        Assert.Empty(result.Diagnostics);
        Assert.Contains("Access reviews", site.Read("_site/reviews/index.html"));
        Assert.DoesNotContain("href=\"/reviews/\">Reviews", site.Read("_site/index.html"));
    }

    [Theory]
    [InlineData("/sitemap.xml", "the sitemap")]
    [InlineData("/criteria/reviews/", "the criteria pages")]
    [InlineData("/assets/", "the theme's assets")]
    public void The_reviews_page_cannot_take_a_path_crosswalk_writes(string page, string what)
    {
        using var site = new TempSite(("site.yml", $"reviews: {{ page: {page} }}\n"), ("content/index.md", "---\nowner: O\n---\n# Home\n"));

        var result = SiteBuilder.Check(new BuildOptions { ConfigPath = site.ConfigPath });

        Assert.Equal($"site.yml(1,18): error CW1001: 'page' {page} is where Crosswalk writes {what}", Assert.Single(result.Diagnostics).ToString());
    }
}
