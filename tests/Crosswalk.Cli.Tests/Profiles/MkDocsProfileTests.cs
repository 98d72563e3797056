namespace Crosswalk.Cli.Tests.Profiles;

/// <summary>
/// MkDocs trees: what MkDocs 1.6.1 (with mkdocs-redirects) publishes, per TestData/sites/profile-mkdocs/README.md and
/// profile-mkdocs-flat/README.md.
/// </summary>
[Collection("cli")]
public sealed class MkDocsProfileTests
{
    private const string Fixture = "profile-mkdocs";
    private const string Flat = "profile-mkdocs-flat";

    [Fact]
    public void Detects_mkdocs_and_exits_1_on_the_broken_links()
    {
        var run = ProfileCheck.Of(Fixture);
        run.AssertProfileLine("profile: mkdocs (mkdocs.yml found)");
        Assert.Equal(1, run.Exit);
    }

    [Theory]
    [InlineData("CW2002", "documentation/index.md", 7)]
    [InlineData("CW2001", "documentation/index.md", 8)]
    [InlineData("CW2001", "documentation/index.md", 9)]
    [InlineData("CW2001", "documentation/index.md", 10)]
    [InlineData("CW2001", "documentation/index.md", 11)]
    [InlineData("CW2001", "documentation/index.md", 12)]
    [InlineData("CW2001", "documentation/index.md", 14)]
    [InlineData("CW2001", "documentation/index.md", 16)]
    [InlineData("CW2002", "documentation/index.md", 21)]
    [InlineData("CW2003", "documentation/index.md", 23)]
    [InlineData("CW2001", "documentation/guide/install.md", 8)]
    [InlineData("CW2005", "documentation/lonely.md", 1)]
    public void Reports_each_finding_MkDocs_has(string code, string file, int line) =>
        ProfileCheck.Of(Fixture).AssertReports(new Finding(code, file, line));

    [Fact]
    public void Reports_nothing_MkDocs_does_not() =>
        ProfileCheck.Of(Fixture).AssertNothingBeyond(ProfileCheck.ExpectedBy(typeof(MkDocsProfileTests), nameof(Reports_each_finding_MkDocs_has)));

    [Fact]
    public void Without_directory_urls_detects_mkdocs() =>
        ProfileCheck.Of(Flat).AssertProfileLine("profile: mkdocs (mkdocs.yml found)");

    [Fact]
    public void Without_directory_urls_exits_1_on_the_broken_links() => Assert.Equal(1, ProfileCheck.Of(Flat).Exit);

    [Theory]
    [InlineData("CW2001", "docs/index.md", 7)]
    [InlineData("CW2001", "docs/index.md", 10)]
    [InlineData("CW2005", "docs/orphan.md", 1)]
    public void Without_directory_urls_reports_each_finding_MkDocs_has(string code, string file, int line) =>
        ProfileCheck.Of(Flat).AssertReports(new Finding(code, file, line));

    [Fact]
    public void Without_directory_urls_reports_nothing_MkDocs_does_not() =>
        ProfileCheck.Of(Flat).AssertNothingBeyond(ProfileCheck.ExpectedBy(typeof(MkDocsProfileTests), nameof(Without_directory_urls_reports_each_finding_MkDocs_has)));
}
