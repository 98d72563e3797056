namespace Crosswalk.Cli.Tests.Profiles;

/// <summary>A plain tree read as GitHub shows it, per TestData/sites/profile-github/README.md.</summary>
[Collection("cli")]
public sealed class GitHubProfileTests
{
    private const string Fixture = "profile-github";

    [Fact]
    public void Reads_a_tree_without_a_generator_as_github_and_exits_1_on_the_broken_links()
    {
        var run = ProfileCheck.Of(Fixture);
        run.AssertProfileLine("profile: github (no docs generator's configuration found; read as GitHub shows it)");
        Assert.Equal(1, run.Exit);
    }

    [Theory]
    [InlineData("CW2001", "README.md", 11)]
    [InlineData("CW2001", "README.md", 12)]
    [InlineData("CW2001", "README.md", 13)]
    [InlineData("CW2002", "README.md", 15)]
    [InlineData("CW2001", "README.md", 17)]
    [InlineData("CW2001", "README.md", 18)]
    [InlineData("CW2001", "README.md", 19)]
    [InlineData("CW2003", "README.md", 22)]
    public void Reports_each_finding_GitHub_has(string code, string file, int line) =>
        ProfileCheck.Of(Fixture).AssertReports(new Finding(code, file, line));

    [Fact]
    public void Reports_nothing_GitHub_does_not() =>
        ProfileCheck.Of(Fixture).AssertNothingBeyond(ProfileCheck.ExpectedBy(typeof(GitHubProfileTests), nameof(Reports_each_finding_GitHub_has)));
}
