namespace Crosswalk.Cli.Tests.Profiles;

/// <summary>
/// Jekyll trees: what Jekyll 4.3.1 (minima, jekyll-relative-links) writes, per TestData/sites/profile-jekyll/README.md
/// and profile-jekyll-html/README.md.
/// </summary>
[Collection("cli")]
public sealed class JekyllProfileTests
{
    private const string Fixture = "profile-jekyll";
    private const string Html = "profile-jekyll-html";

    [Fact]
    public void Detects_jekyll_and_exits_1_on_the_broken_links()
    {
        var run = ProfileCheck.Of(Fixture);
        run.AssertProfileLine("profile: jekyll (_config.yml found)");
        Assert.Equal(1, run.Exit);
    }

    [Fact]
    public void Layout_default_is_one_info_and_no_error()
    {
        var run = ProfileCheck.Of(Fixture);
        var layouts = run.All.Where(r => r.Code == "CW4003").ToList();
        var info = Assert.Single(layouts);
        Assert.Equal(("info", "index.md"), (info.Severity, info.File));
        Assert.Contains("'default'", info.Message);
        Assert.DoesNotContain(run.All, r => r.Code == "CW4001");
    }

    [Theory]
    [InlineData("CW2001", "index.md", 11)]
    [InlineData("CW2002", "index.md", 13)]
    [InlineData("CW2002", "index.md", 17)]
    [InlineData("CW2001", "index.md", 18)]
    [InlineData("CW2001", "index.md", 19)]
    [InlineData("CW2001", "index.md", 20)]
    [InlineData("CW2001", "index.md", 21)]
    [InlineData("CW2001", "index.md", 22)]
    [InlineData("CW2003", "index.md", 25)]
    [InlineData("CW2005", "lonely.md", 1)]
    public void Reports_each_finding_Jekyll_has(string code, string file, int line) =>
        ProfileCheck.Of(Fixture).AssertReports(new Finding(code, file, line));

    [Fact]
    public void Reports_nothing_Jekyll_does_not() =>
        ProfileCheck.Of(Fixture).AssertNothingBeyond(ProfileCheck.ExpectedBy(typeof(JekyllProfileTests), nameof(Reports_each_finding_Jekyll_has)));

    [Fact]
    public void With_html_permalinks_detects_jekyll() =>
        ProfileCheck.Of(Html).AssertProfileLine("profile: jekyll (_config.yml found)");

    [Fact]
    public void With_html_permalinks_exits_1_on_the_broken_links() => Assert.Equal(1, ProfileCheck.Of(Html).Exit);

    [Theory]
    [InlineData("CW2001", "index.md", 10)]
    [InlineData("CW2001", "index.md", 14)]
    public void With_html_permalinks_reports_each_finding_Jekyll_has(string code, string file, int line) =>
        ProfileCheck.Of(Html).AssertReports(new Finding(code, file, line));

    [Fact]
    public void With_html_permalinks_reports_nothing_Jekyll_does_not() =>
        ProfileCheck.Of(Html).AssertNothingBeyond(ProfileCheck.ExpectedBy(typeof(JekyllProfileTests), nameof(With_html_permalinks_reports_each_finding_Jekyll_has)));
}
