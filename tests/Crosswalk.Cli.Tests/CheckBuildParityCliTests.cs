namespace Crosswalk.Cli.Tests;

/// <summary>
/// What CI sees: <c>crosswalk check</c> and <c>crosswalk build</c> print the same diagnostics in every format and exit
/// with the same code, on every fixture site and on the cases where they once disagreed.
/// </summary>
[Collection("cli")]
public sealed class CheckBuildParityCliTests
{
    public static TheoryData<string, string> Sites()
    {
        var data = new TheoryData<string, string>();
        foreach (var site in new[] { "clean", "criteria", "faults" })
        {
            foreach (var format in new[] { "text", "json", "sarif", "github", "junit" })
            {
                data.Add(site, format);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Sites))]
    public void Check_and_build_print_the_same_and_exit_alike(string site, string format)
    {
        using var cli = new CliRunner(site);

        var check = cli.Run("check", "--format", format);
        var build = cli.Run("build", "--format", format);

        Assert.Equal(Normalized(build.Out), Normalized(check.Out));
        Assert.Equal(build.Exit, check.Exit);
        Assert.Equal(cli.Run("build", "--strict").Exit, cli.Run("check", "--strict").Exit);
    }

    [Theory]
    [InlineData("[c](c.md#cw-criteria-title)", 1)]
    [InlineData("[b](b.md#cw-toc-title)", 0)]
    public void A_link_into_a_template_added_id_gets_the_same_verdict(string link, int exit)
    {
        using var cli = new CliRunner("criteria");
        File.AppendAllText(cli.PathOf("content/index.md"), $"\n{link}\n");
        File.WriteAllText(cli.PathOf("content/b.md"), "# B\n\n## One\n\n## Two\n\n[home](index.md)\n");
        File.WriteAllText(cli.PathOf("content/c.md"), "# C\n\nClaims nothing. [home](index.md)\n");

        var check = cli.Run("check");
        var build = cli.Run("build");

        Assert.Equal(build.Out, check.Out);
        Assert.Equal(exit, check.Exit);
        Assert.Equal(exit, build.Exit);
    }

    // Run times differ from run to run (JUnit's time attributes); nothing else may.
    private static string Normalized(string output) => System.Text.RegularExpressions.Regex.Replace(output, "time=\"[0-9.]+\"", "time=\"\"");
}
