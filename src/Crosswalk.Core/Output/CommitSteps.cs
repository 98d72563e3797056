using System.Diagnostics;

namespace Crosswalk.Output;

/// <summary>
/// The instants of <see cref="SiteWriter.Commit"/> where a crash leaves a different state on disk, for the kill tests:
/// with <c>CROSSWALK_TEST_KILL_AT_COMMIT_STEP=N</c> in its environment the process kills itself (SIGKILL, no cleanup)
/// on reaching step N. 1: before any rename; 2: the old site renamed aside; 3: the new site renamed in; 4: the old site
/// renamed to trash; 5: part of the trash deleted.
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
