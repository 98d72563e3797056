namespace Crosswalk.Cli.Tests;

/// <summary>A folder without site.yml, content/ or any Markdown is not a site of zero pages that passes.</summary>
[Collection("cli")]
public sealed class EmptyFolderTests
{
    [Theory]
    [InlineData("check")]
    [InlineData("build")]
    [InlineData("serve")]
    public void An_empty_folder_exits_2_and_says_how_to_start(string command)
    {
        var empty = Path.Combine(Path.GetTempPath(), "crosswalk-cli-tests", "empty-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(empty);
        using var cli = new CliRunner(empty, git: false);

        Directory.Delete(empty);
        // serve on a free port, should it start after all.
        var (exit, stdout, stderr) = cli.Run(command == "serve" ? [command, "--port", "0"] : [command]);

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        var folder = new DirectoryInfo(cli.Root).FullName;
        Assert.Equal($"crosswalk: no Markdown pages found in {folder}; run 'crosswalk init' to start a site, or point --config at a site.yml", stderr.Trim());
        Assert.False(Directory.Exists(cli.PathOf("_site")));
    }

    [Fact]
    public void A_folder_with_a_site_yml_and_no_pages_is_a_site_of_its_own()
    {
        var folder = Path.Combine(Path.GetTempPath(), "crosswalk-cli-tests", "yml-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "site.yml"), "title: Empty\n");
        using var cli = new CliRunner(folder, git: false);
        Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(cli.PathOf("content"));

        var (exit, _, stderr) = cli.Run("check", "--no-history");

        Assert.Equal(0, exit);
        Assert.DoesNotContain("no Markdown pages", stderr);
    }
}
