using System.Diagnostics;
using Crosswalk.Cli.Serve;

namespace Crosswalk.Cli.Tests.Serve;

public sealed class ChangeQueueTests
{
    [Fact]
    public void The_first_change_of_a_batch_is_announced_with_what_its_rebuild_completes()
    {
        var announced = new List<Task>();
        var queue = new ChangeQueue(new PreviewServerOptions(), announced.Add);

        queue.Add("/site/a.md");
        queue.Add("/site/b.md");
        queue.Add("/site/a.md");
        var batch = queue.Take();

        Assert.Single(announced);
        Assert.Equal(["/site/a.md", "/site/b.md"], batch.Paths.Order());
        Assert.False(batch.Full);
        Assert.Same(announced[0], batch.Done!.Task);
        Assert.True(queue.Take().IsEmpty);

        queue.AddEverything();
        Assert.Equal(2, announced.Count);
        Assert.True(queue.Take().Full);
    }

    [Fact]
    public void Once_ended_a_waiting_rebuild_is_given_up_and_nothing_more_is_announced()
    {
        var announced = new List<Task>();
        var queue = new ChangeQueue(new PreviewServerOptions(), announced.Add);
        queue.Add("/site/a.md");

        queue.End();
        queue.Add("/site/b.md");

        Assert.True(Assert.Single(announced).IsCompleted);
        var batch = queue.Take();
        Assert.Same(announced[0], batch.Done!.Task);
        Assert.Equal(2, batch.Paths.Length);
        queue.Add("/site/c.md");
        Assert.Null(queue.Take().Done);
    }

    [Fact]
    public async Task A_batch_waits_for_the_quiet_period_and_longer_while_a_changed_file_is_empty()
    {
        // A grace far apart from the quiet period, so that a busy machine's scheduling delays cannot blur the two.
        var options = new PreviewServerOptions { Debounce = TimeSpan.FromMilliseconds(60), TruncateGrace = TimeSpan.FromSeconds(2), MaxDelay = TimeSpan.FromSeconds(5) };
        var file = Path.GetTempFileName();
        try
        {
            var queue = new ChangeQueue(options, _ => { });
            File.WriteAllText(file, "text");
            // Timed from before Add, where the queue's own clock starts: a pause between the two cannot shorten the wait.
            var sw = Stopwatch.StartNew();
            queue.Add(file);
            Assert.True(await queue.WaitAsync(CancellationToken.None));
            Assert.InRange(sw.ElapsedMilliseconds, 55, 1500);
            queue.Take();

            File.WriteAllText(file, "");
            sw.Restart();
            queue.Add(file);
            Assert.True(await queue.WaitAsync(CancellationToken.None));
            Assert.True(sw.ElapsedMilliseconds >= 1995, $"waited {sw.ElapsedMilliseconds} ms for an empty file");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
