namespace Crosswalk.Cli.Tests.Profiles;

/// <summary>
/// Docusaurus trees: what Docusaurus 3.10.2 builds, per TestData/sites/profile-docusaurus/README.md and
/// profile-docusaurus-slash/README.md.
/// </summary>
[Collection("cli")]
public sealed class DocusaurusProfileTests
{
    private const string Fixture = "profile-docusaurus";
    private const string Slash = "profile-docusaurus-slash";

    [Fact]
    public void Detects_docusaurus_and_exits_1_on_the_broken_links()
    {
        var run = ProfileCheck.Of(Fixture);
        run.AssertProfileLine("profile: docusaurus (docusaurus.config.js found)");
        Assert.Equal(1, run.Exit);
    }

    [Theory]
    [InlineData("CW2002", "docs/01-intro.md", 9)]
    [InlineData("CW2001", "docs/01-intro.md", 12)]
    [InlineData("CW2001", "docs/01-intro.md", 15)]
    [InlineData("CW2001", "docs/01-intro.md", 16)]
    [InlineData("CW2001", "docs/01-intro.md", 17)]
    [InlineData("CW2001", "docs/01-intro.md", 19)]
    [InlineData("CW2001", "docs/01-intro.md", 22)]
    [InlineData("CW2003", "docs/01-intro.md", 26)]
    [InlineData("CW2001", "docs/guides/01-setup.md", 8)]
    [InlineData("CW2005", "docs/orphan.md", 1)]
    public void Reports_each_finding_Docusaurus_has(string code, string file, int line) =>
        ProfileCheck.Of(Fixture).AssertReports(new Finding(code, file, line));

    [Fact]
    public void Reports_nothing_Docusaurus_does_not() =>
        ProfileCheck.Of(Fixture).AssertNothingBeyond(ProfileCheck.ExpectedBy(typeof(DocusaurusProfileTests), nameof(Reports_each_finding_Docusaurus_has)));

    [Fact]
    public void With_trailing_slashes_detects_docusaurus() =>
        ProfileCheck.Of(Slash).AssertProfileLine("profile: docusaurus (docusaurus.config.js found)");

    [Fact]
    public void With_trailing_slashes_exits_1_on_the_broken_links() => Assert.Equal(1, ProfileCheck.Of(Slash).Exit);

    [Theory]
    [InlineData("CW2001", "docs/intro.md", 7)]
    [InlineData("CW2001", "docs/intro.md", 11)]
    public void With_trailing_slashes_reports_each_finding_Docusaurus_has(string code, string file, int line) =>
        ProfileCheck.Of(Slash).AssertReports(new Finding(code, file, line));

    [Fact]
    public void With_trailing_slashes_reports_nothing_Docusaurus_does_not() =>
        ProfileCheck.Of(Slash).AssertNothingBeyond(ProfileCheck.ExpectedBy(typeof(DocusaurusProfileTests), nameof(With_trailing_slashes_reports_each_finding_Docusaurus_has)));
}
