namespace Crosswalk.Cli.Tests.Profiles;

/// <summary>
/// A Mintlify tree: what Mintlify publishes, per its CLI's broken-links check and its rendering packages
/// (TestData/sites/profile-mintlify/README.md).
/// </summary>
[Collection("cli")]
public sealed class MintlifyProfileTests
{
    private const string Fixture = "profile-mintlify";

    // Mintlify publishes no README.md; Crosswalk does (README_md_is_not_a_page), and its '/' then collides with
    // index.mdx, which hides the home page's links. The findings are compared on the tree without it, where the two
    // agree on what is a page; the link to /README is missing either way.
    private static ProfileCheck Check => ProfileCheck.Of(Fixture, "README.md");

    [Fact]
    public void Detects_mintlify_and_exits_1_on_the_broken_links()
    {
        var run = ProfileCheck.Of(Fixture);
        run.AssertProfileLine("profile: mintlify (docs.json found)");
        Assert.Equal(1, run.Exit);
    }

    [Fact]
    public void README_md_is_not_a_page()
    {
        var run = ProfileCheck.Of(Fixture);
        Assert.DoesNotContain(run.All, r => r.Code == "CW1004");
        Assert.Equal(Check.Findings.Select(f => f.ToString()).Order(), run.Findings.Select(f => f.ToString()).Order());
    }

    [Theory]
    [InlineData("CW2002", "index.mdx", 9)]
    [InlineData("CW2001", "index.mdx", 14)]
    [InlineData("CW2001", "index.mdx", 16)]
    [InlineData("CW2001", "index.mdx", 17)]
    [InlineData("CW2001", "index.mdx", 18)]
    [InlineData("CW2001", "index.mdx", 19)]
    [InlineData("CW2001", "index.mdx", 22)]
    [InlineData("CW2003", "index.mdx", 24)]
    [InlineData("CW2001", "guides/advanced.mdx", 9)]
    [InlineData("CW2001", "api/index.mdx", 7)]
    [InlineData("CW2005", "orphan.mdx", 1)]
    public void Reports_each_finding_Mintlify_has(string code, string file, int line) =>
        Check.AssertReports(new Finding(code, file, line));

    [Fact]
    public void Reports_nothing_Mintlify_does_not() =>
        Check.AssertNothingBeyond(ProfileCheck.ExpectedBy(typeof(MintlifyProfileTests), nameof(Reports_each_finding_Mintlify_has)));
}
