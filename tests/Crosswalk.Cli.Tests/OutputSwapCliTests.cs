namespace Crosswalk.Cli.Tests;

/// <summary>
/// The output folder under builds that race or die: one build at a time per folder, and a build killed at any step of
/// its commit leaves a good site that the next build finds (restoring the last good one when the swap was cut short).
/// </summary>
[Collection("cli")]
public sealed class OutputSwapCliTests
{
    private const string KillAt = "CROSSWALK_TEST_KILL_AT_COMMIT_STEP";

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void A_build_killed_at_any_step_of_its_commit_leaves_a_site_the_next_build_finds_good(int step)
    {
        using var cli = new CliRunner("clean", git: false);
        Assert.Equal(0, cli.Run("build").Exit);
        var files = Files(cli.PathOf("_site"));
        File.AppendAllText(cli.PathOf("content/index.md"), "\nVERSION TWO\n");

        var killed = ChildCli.Run(cli.Root, new Dictionary<string, string> { [KillAt] = step.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "build");
        Assert.NotEqual(0, killed.Exit); // killed, not finished

        // A build that fails writes nothing, yet finds (or restores) a whole site: the old one or the new one.
        File.WriteAllText(cli.PathOf("content/broken.md"), "---\ntitle: [unclosed\n---\n# B\n");
        var failed = ChildCli.Run(cli.Root, null, "build");
        Assert.Equal(1, failed.Exit);
        Assert.Equal(files, Files(cli.PathOf("_site")));
        var home = File.ReadAllText(cli.PathOf("_site/index.html"));
        Assert.Equal(step >= 3, home.Contains("VERSION TWO", StringComparison.Ordinal));

        File.Delete(cli.PathOf("content/broken.md"));
        var good = ChildCli.Run(cli.Root, null, "build");
        Assert.Equal(0, good.Exit);
        Assert.Contains("VERSION TWO", File.ReadAllText(cli.PathOf("_site/index.html")));
        Assert.Equal(files, Files(cli.PathOf("_site")));
        Assert.Equal(["._site.crosswalk-lock"], Directory.EnumerateFileSystemEntries(cli.Root, "._site.*").Select(Path.GetFileName));
    }

    [Fact]
    public void Builds_started_together_into_one_folder_take_turns_or_are_refused_and_the_folder_stays_whole()
    {
        using var cli = new CliRunner("clean", git: false);
        Assert.Equal(0, cli.Run("build").Exit);
        var files = Files(cli.PathOf("_site"));

        for (var round = 0; round < 3; round++)
        {
            var builds = Enumerable.Range(0, 4).Select(_ => ChildCli.Start(cli.Root, null, "build")).ToList();
            var results = builds.Select(ChildCli.Finish).ToList();
            builds.ForEach(b => b.Dispose());

            Assert.All(results, r => Assert.True(r.Exit is 0 or 1, r.Out + r.Err));
            Assert.All(results.Where(r => r.Exit == 1), r => Assert.Matches(@"error CW5001: another build \(process \d+\) is writing to", r.Out));
            Assert.Equal(files, Files(cli.PathOf("_site")));
            Assert.Equal(["._site.crosswalk-lock"], Directory.EnumerateFileSystemEntries(cli.Root, "._site.*").Select(Path.GetFileName));
        }
        Assert.Equal(0, cli.Run("build").Exit);
    }

    // The site's files (with the marker) by relative path: equal lists mean a whole site, not a mix or a part.
    private static List<string> Files(string folder) =>
        Directory.Exists(folder)
            ? [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)).Order(StringComparer.Ordinal)]
            : [];
}
