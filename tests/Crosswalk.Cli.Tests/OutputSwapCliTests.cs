namespace Crosswalk.Cli.Tests;

/// <summary>
/// The output folder under builds that race or die: one build at a time per folder, and a build killed at any step of
/// its commit leaves the old site or an update the next build finishes, never a mix once a build has run again.
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
    public void A_rebuild_killed_at_any_step_of_its_commit_leaves_the_old_site_or_one_the_next_build_finishes(int step)
    {
        using var cli = new CliRunner("clean", git: false);
        Assert.Equal(0, cli.Run("build").Exit);
        var before = Contents(cli.PathOf("_site"));
        // A change, a new page and a page that goes: the update has files to move and files to remove.
        File.WriteAllText(cli.PathOf("content/index.md"), "# Clean Home\n\nVERSION TWO: read [what was added](added.md).\n");
        File.WriteAllText(cli.PathOf("content/added.md"), "---\ntitle: Added\n---\n# Added\n");
        File.Delete(cli.PathOf("content/policies/access.md"));
        Assert.Equal(0, cli.Run("build", "--output", "fresh").Exit);
        var after = Contents(cli.PathOf("fresh"));
        Assert.NotEqual(before, after);

        var killed = ChildCli.Run(cli.Root, new Dictionary<string, string> { [KillAt] = step.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "build");
        Assert.NotEqual(0, killed.Exit); // killed, not finished

        // A build that fails writes nothing, yet first finishes an update that was committed: the old site or the new one.
        File.WriteAllText(cli.PathOf("content/broken.md"), "---\ntitle: [unclosed\n---\n# B\n");
        var failed = ChildCli.Run(cli.Root, null, "build");
        Assert.Equal(1, failed.Exit);
        Assert.Equal(step >= 2 ? after : before, Contents(cli.PathOf("_site")));

        File.Delete(cli.PathOf("content/broken.md"));
        var good = ChildCli.Run(cli.Root, null, "build");
        Assert.Equal(0, good.Exit);
        Assert.Equal(after, Contents(cli.PathOf("_site")));
        Assert.Equal(["._site.crosswalk-lock"], Directory.EnumerateFileSystemEntries(cli.Root, "._site.*").Select(Path.GetFileName));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_first_build_killed_while_renaming_its_site_in_leaves_no_site_or_the_whole_one(int step)
    {
        using var cli = new CliRunner("clean", git: false);
        Assert.Equal(0, cli.Run("build", "--output", "fresh").Exit);
        var whole = Contents(cli.PathOf("fresh"));

        var killed = ChildCli.Run(cli.Root, new Dictionary<string, string> { [KillAt] = step.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "build");
        Assert.NotEqual(0, killed.Exit);
        Assert.Equal(step >= 2 ? whole : [], Contents(cli.PathOf("_site")));

        Assert.Equal(0, ChildCli.Run(cli.Root, null, "build").Exit);
        Assert.Equal(whole, Contents(cli.PathOf("_site")));
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

    // Each file of the site (with the marker) by relative path, with a hash of its bytes: equal means the same site.
    private static SortedDictionary<string, string> Contents(string folder) =>
        new(Files(folder).ToDictionary(f => f, f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, f))))), StringComparer.Ordinal);

    // The site's files (with the marker) by relative path: equal lists mean a whole site, not a mix or a part.
    private static List<string> Files(string folder) =>
        Directory.Exists(folder)
            ? [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)).Order(StringComparer.Ordinal)]
            : [];
}
