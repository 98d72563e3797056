using System.Diagnostics;

namespace Crosswalk.Cli.Tests;

/// <summary>
/// A build into a real full file system (a 1 MiB tmpfs; mounting one needs root, so elsewhere the test has nothing to
/// do): CW5001 and exit 1, not exit 3, and the site already there is left whole.
/// </summary>
[Collection("cli")]
public sealed class FullDiskCliTests
{
    [Fact]
    public void A_build_that_fills_the_disk_exits_1_with_CW5001_and_keeps_the_old_site()
    {
        using var cli = new CliRunner("clean", git: false);
        var disk = cli.PathOf("disk");
        Directory.CreateDirectory(disk);
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root" || Run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", disk) != 0)
        {
            return;
        }
        try
        {
            var output = Path.Combine(disk, "_site");
            Assert.Equal(0, cli.Run("build", "--output", output).Exit);
            var good = Snapshot(output);
            File.WriteAllBytes(cli.PathOf("content/big.bin"), new byte[2 * 1024 * 1024]);

            var full = cli.Run("build", "--output", output);

            Assert.Equal(1, full.Exit);
            // Files are written in parallel: whichever meets the full disk first is named (big.bin, or a theme asset beside it).
            Assert.Matches(@"error CW5001: cannot write '[^']+' to the output folder: No space left on device", full.Out);
            Assert.Single(full.Out.Split('\n'), l => l.Contains("error CW5001", StringComparison.Ordinal));
            Assert.DoesNotContain("internal error", full.Err);
            Assert.Equal(good, Snapshot(output));
            Assert.Equal(["._site.crosswalk-lock", "_site"], Directory.EnumerateFileSystemEntries(disk).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }
        finally
        {
            Run("umount", disk);
        }
    }

    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllText);

    private static int Run(string command, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(command, args) { UseShellExecute = false, RedirectStandardError = true })!;
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode;
    }
}
