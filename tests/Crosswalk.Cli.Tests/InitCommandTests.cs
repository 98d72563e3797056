namespace Crosswalk.Cli.Tests;

[Collection("cli")]
public sealed class InitCommandTests
{
    private static CliRunner EmptyFolder()
    {
        var empty = Path.Combine(Path.GetTempPath(), "crosswalk-cli-tests", "init-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(empty);
        var cli = new CliRunner(empty, git: false);
        Directory.Delete(empty);
        return cli;
    }

    [Fact]
    public void Init_writes_a_site_that_passes_check_strict_and_says_what_next()
    {
        using var cli = EmptyFolder();

        var (exit, stdout, stderr) = cli.Run("init");

        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["wrote site.yml", "wrote content/index.md"], lines[..2]);
        Assert.Contains("crosswalk serve", lines[2]);
        var page = File.ReadAllText(cli.PathOf("content/index.md"));
        foreach (var key in new[] { "title:", "owner:", "next_review:", "satisfies:" })
        {
            Assert.Contains(key, page);
        }
        Assert.Contains("# mappings:", File.ReadAllText(cli.PathOf("site.yml")));

        var check = cli.Run("check", "--strict", "--verbose", "--no-history");
        Assert.Equal(0, check.Exit);
        Assert.Equal("", check.Out);
        Assert.StartsWith("checked: 1 pages, 0 errors, 0 warnings, 0 infos", check.Err);
        // The example's claims are real: its criteria list it.
        Assert.Contains("Information Security Policy", cli.Run("criteria", "CC5.3").Out);
    }

    [Fact]
    public void Init_never_overwrites_and_writes_nothing_when_it_refuses()
    {
        using var cli = EmptyFolder();
        Directory.CreateDirectory(cli.PathOf("content"));
        File.WriteAllText(cli.PathOf("content/index.md"), "# Mine\n");

        var (exit, stdout, stderr) = cli.Run("init");

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.StartsWith("crosswalk: content/index.md already exists; init never overwrites a file", stderr);
        Assert.Equal("# Mine\n", File.ReadAllText(cli.PathOf("content/index.md")));
        Assert.False(File.Exists(cli.PathOf("site.yml")));
    }

    [Fact]
    public void A_second_init_is_refused()
    {
        using var cli = EmptyFolder();
        Assert.Equal(0, cli.Run("init").Exit);
        var before = File.ReadAllText(cli.PathOf("site.yml"));

        var (exit, _, stderr) = cli.Run("init");

        Assert.Equal(2, exit);
        Assert.Contains("site.yml and content/index.md already exist", stderr);
        Assert.Equal(before, File.ReadAllText(cli.PathOf("site.yml")));
    }
}
