using System.Diagnostics;

namespace Crosswalk.Output;

/// <summary>
/// The instants of <see cref="SiteWriter.Commit"/> where a crash leaves a different state on disk, for the kill tests:
/// with <c>CROSSWALK_TEST_KILL_AT_COMMIT_STEP=N</c> in its environment the process kills itself (SIGKILL, no cleanup)
/// on reaching step N. A first build: 1, before its folder is renamed in; 2, after. A rebuild: 1, its changes staged
/// and its removals listed (before the commit point); 2, the update renamed to its fixed name (the commit point);
/// 3, one changed file moved into place; 4, all moved, none removed; 5, part of the update folder deleted.
/// </summary>
internal static class CommitSteps
{
    private static readonly int s_killAt =
        int.TryParse(Environment.GetEnvironmentVariable("CROSSWALK_TEST_KILL_AT_COMMIT_STEP"), out var step) ? step : 0;

    public static void Reached(int step)
    {
        if (step == s_killAt)
        {
            Process.GetCurrentProcess().Kill();
            Thread.Sleep(Timeout.Infinite);
        }
    }
}
