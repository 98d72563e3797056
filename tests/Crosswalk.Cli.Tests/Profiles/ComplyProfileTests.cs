namespace Crosswalk.Cli.Tests.Profiles;

/// <summary>A comply tree: comply's documents, per its loader (TestData/sites/profile-comply/README.md).</summary>
[Collection("cli")]
public sealed class ComplyProfileTests
{
    private const string Fixture = "profile-comply";

    [Fact]
    public void Detects_comply_and_exits_1_on_the_broken_links()
    {
        var run = ProfileCheck.Of(Fixture);
        run.AssertProfileLine("profile: comply (comply.yml found)");
        Assert.Equal(1, run.Exit);
    }

    [Fact]
    public void Comply_keys_are_known() =>
        Assert.DoesNotContain(ProfileCheck.Of(Fixture).All, r => r.Code == "CW1007");

    [Theory]
    [InlineData("CW2002", "policies/access.md", 14)]
    [InlineData("CW2001", "policies/access.md", 17)]
    [InlineData("CW2001", "policies/access.md", 18)]
    [InlineData("CW2001", "policies/access.md", 19)]
    [InlineData("CW2003", "policies/access.md", 20)]
    [InlineData("CW2003", "policies/access.md", 21)]
    public void Reports_each_finding_comply_has(string code, string file, int line) =>
        ProfileCheck.Of(Fixture).AssertReports(new Finding(code, file, line));

    [Fact]
    public void Reports_nothing_comply_does_not() =>
        ProfileCheck.Of(Fixture).AssertNothingBeyond(ProfileCheck.ExpectedBy(typeof(ComplyProfileTests), nameof(Reports_each_finding_comply_has)));
}
