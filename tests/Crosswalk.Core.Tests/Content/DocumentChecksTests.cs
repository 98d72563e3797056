using Crosswalk.Pipeline;
using Crosswalk.Tests.Support;

namespace Crosswalk.Tests.Content;

public sealed class DocumentChecksTests
{
    private static TempSite Site(string siteYml = "title: T\n") => new(
        ("site.yml", siteYml),
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
}
