using Crosswalk.Cli.Serve;

namespace Crosswalk.Cli.Tests.Serve;

/// <summary>What the terminal shows while serving: the whole picture once, then only what each rebuild changed.</summary>
public sealed class RebuildReportTests
{
    [Fact]
    public async Task Each_rebuild_prints_what_changed_not_every_diagnostic_again()
    {
        await using var site = await ServeSite.StartAsync(WithInfo());
        // One info (a withdrawn edition), summarised once at the start.
        Assert.Equal("1 info (CW3005 ×1); --verbose lists it\n", site.Out.ToString());
        Assert.Matches(@"^built 3 pages in \d+ ms: 0 errors, 0 warnings\n$", site.Err.ToString());

        site.Write("content/a.md", "---\ntitle: Page A\n---\n## Section\n\nSee [gone](missing.md).\n");
        await WaitForAsync(() => site.Err.ToString().Contains("rebuilt ", StringComparison.Ordinal));
        Assert.Matches(@"rebuilt 1 page in \d+ ms: 1 new error \(now 1 error, 0 warnings\)", site.Err.ToString());
        Assert.Equal("1 info (CW3005 ×1); --verbose lists it\ncontent/a.md(6,5): error CW2001: link target 'missing.md' does not exist\n", site.Out.ToString());

        // The same error one line lower is the same error: no change.
        site.Write("content/a.md", "---\ntitle: Page A\n---\n## Section\n\nMore.\n\nSee [gone](missing.md).\n");
        await WaitForAsync(() => site.Err.ToString().Contains("no new or fixed", StringComparison.Ordinal));

        site.Write("content/a.md", "---\ntitle: Page A\n---\n## Section\n\nSee [home](index.md).\n");
        await WaitForAsync(() => site.Err.ToString().Contains("1 error fixed", StringComparison.Ordinal));
        Assert.Matches(@"rebuilt 1 page in \d+ ms: 1 error fixed \(now 0 errors, 0 warnings\)", site.Err.ToString());
        // Printed once, when it appeared: neither the move nor the fix lists it again.
        Assert.Equal(2, site.Out.ToString().Split("CW2001").Length);
    }

    [Fact]
    public async Task Verbose_lists_infos_at_the_start()
    {
        await using var site = await ServeSite.StartAsync(WithInfo(), options: new PreviewServerOptions { Verbose = true });
        Assert.Matches(@"^content/b/c\.md\(3,\d+\): info CW3005: ", site.Out.ToString());
    }

    private static Dictionary<string, string> WithInfo()
    {
        var files = ServeSite.DefaultFiles();
        files["site.yml"] = "title: Serve Test\ncatalogs: [iso27001-2013]\nseverity: { CW3005: info }\n";
        files["content/b/c.md"] = "---\nsatisfies:\n  iso27001-2013: [A.18.2]\n---\n# Page C\n\nDeep page.\n";
        return files;
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(20);
        }
    }
}
