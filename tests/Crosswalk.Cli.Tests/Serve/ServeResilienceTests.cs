namespace Crosswalk.Cli.Tests.Serve;

/// <summary>serve under what once silenced it: folders moved out, or deleted and made again (the watcher recovers and says so).</summary>
public sealed class ServeResilienceTests
{
    [Fact]
    public async Task A_folder_moved_out_in_the_same_burst_as_an_edit_does_not_stop_updates()
    {
        await using var site = await ServeSite.StartAsync();
        site.Write("content/moving/x.md", "# X\n");
        await site.PollAsync("/moving/x/", b => b.Contains("<h1", StringComparison.Ordinal) && !b.Contains("cw-not-found", StringComparison.Ordinal));

        // One burst: a folder leaves the tree while a page changes.
        Directory.Move(site.PathOf("content/moving"), site.PathOf("moved-out"));
        site.Write("content/a.md", "# A\n\nFirst edit.\n");
        await site.PollAsync("/a/", b => b.Contains("First edit.", StringComparison.Ordinal));
        await site.PollAsync("/moving/x/", b => b.Contains("cw-not-found", StringComparison.Ordinal));

        // And later edits still arrive, in the folders that stayed and in a folder made later.
        site.Write("content/b/c.md", "# Page C\n\nSecond edit.\n");
        await site.PollAsync("/b/c/", b => b.Contains("Second edit.", StringComparison.Ordinal));
        site.Write("content/new/n.md", "# N\n\nThird edit.\n");
        await site.PollAsync("/new/n/", b => b.Contains("Third edit.", StringComparison.Ordinal));
        site.Write("content/new/n.md", "# N\n\nFourth edit.\n");
        await site.PollAsync("/new/n/", b => b.Contains("Fourth edit.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Content_deleted_and_made_again_is_said_and_watched_again()
    {
        await using var site = await ServeSite.StartAsync();

        Directory.Delete(site.PathOf("content"), recursive: true);
        await site.PollAsync("/a/", b => b.Contains("serve is not watching", StringComparison.Ordinal) || b.Contains("cw-not-found", StringComparison.Ordinal));
        await WaitForAsync(() => site.Err.ToString().Contains("warning: file watcher: ", StringComparison.Ordinal) && site.Err.ToString().Contains("is gone", StringComparison.Ordinal));

        site.Write("content/index.md", "# Home\n\nBack.\n");
        site.Write("content/a.md", "# A\n\nRecreated.\n");
        await site.PollAsync("/a/", b => b.Contains("Recreated.", StringComparison.Ordinal) && !b.Contains("serve is not watching", StringComparison.Ordinal));
        Assert.Contains("watching again", site.Err.ToString());

        // The new folder is watched: an edit inside it is served.
        site.Write("content/a.md", "# A\n\nEdited after the return.\n");
        await site.PollAsync("/a/", b => b.Contains("Edited after the return.", StringComparison.Ordinal));
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(50);
        }
        Assert.True(condition());
    }
}
