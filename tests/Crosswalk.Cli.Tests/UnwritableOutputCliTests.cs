using Crosswalk.Cli.Tests.Serve;

namespace Crosswalk.Cli.Tests;

/// <summary>
/// Inputs that check once passed and build crashed on (exit 3) or hung on: a page needing a folder where the 404 page
/// is, a backslash in a file name, a path longer than the OS allows, a FIFO. check and build now reach the same located
/// verdict, and serve keeps serving.
/// </summary>
[Collection("cli")]
public sealed class UnwritableOutputCliTests
{
    public static TheoryData<string, string> Cases() => new()
    {
        { "reserved-folder", "content/a.md(2,12): error CW1004" },
        { "backslash", "content/a%5Cb.md(1,1): error CW1014" },
        { "long-path", "content/long.md(2,12): error CW1003" },
        { "fifo", "content/pipe.md(1,1): error CW1005" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_and_build_report_it_at_its_place_and_exit_1(string name, string expected)
    {
        using var cli = new CliRunner("clean", git: false);
        Plant(name, cli.PathOf("content"));

        var check = RunBounded(() => cli.Run("check"));
        var build = RunBounded(() => cli.Run("build"));

        Assert.Contains(expected, check.Out);
        Assert.Equal(check.Out, build.Out);
        Assert.Equal(1, check.Exit);
        Assert.Equal(1, build.Exit);
        Assert.DoesNotContain("internal error", check.Err + build.Err);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Serve_keeps_serving_and_shows_the_diagnostic(string name, string expected)
    {
        await using var site = await ServeSite.StartAsync();
        Plant(name, site.PathOf("content"));
        site.Write("content/index.md", "# Home\n\nchanged after the hostile file\n");

        // Rebuilt with the edit, the code in the page's diagnostics overlay (a rebuild may run between the two writes).
        await site.PollAsync("/", b => b.Contains("changed after the hostile file", StringComparison.Ordinal) && b.Contains(expected[^6..], StringComparison.Ordinal),
            TimeSpan.FromSeconds(20));
        Assert.DoesNotContain("internal error", site.Err.ToString());
    }

    internal static void Plant(string name, string content)
    {
        switch (name)
        {
            case "reserved-folder":
                File.WriteAllText(Path.Combine(content, "a.md"), "---\npermalink: /404.html/\n---\n# A\n");
                break;
            case "backslash":
                File.WriteAllText(Path.Combine(content, "a\\b.md"), "# B\n");
                break;
            case "long-path":
                File.WriteAllText(Path.Combine(content, "long.md"), "---\npermalink: /" + string.Join('/', Enumerable.Repeat(new string('p', 250), 20)) + "/\n---\n# L\n");
                break;
            case "fifo":
                using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [Path.Combine(content, "pipe.md")]))
                {
                    mkfifo.WaitForExit();
                }
                break;
        }
    }

    private static (int Exit, string Out, string Err) RunBounded(Func<(int, string, string)> run)
    {
        var task = Task.Factory.StartNew(run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        Assert.True(task.Wait(TimeSpan.FromSeconds(60)), "did not finish within 60 s (a hang)");
        return task.Result;
    }
}
