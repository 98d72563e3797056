using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Crosswalk.Cli.Tests;

/// <summary>Runs the real CLI as a child process: what a kill test or a race between two builds needs.</summary>
internal static class ChildCli
{
    public static Process Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost(), ["exec", typeof(CrosswalkCli).Assembly.Location, .. args])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        return Process.Start(start)!;
    }

    public static (int Exit, string Out, string Err) Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var process = Start(workingDirectory, environment, args);
        return Finish(process);
    }

    public static (int Exit, string Out, string Err) Finish(Process process)
    {
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the CLI did not finish within 120 s");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>The dotnet host running the tests (the CLI is started with it).</summary>
    public static string DotnetHost()
    {
        var fromEnv = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (fromEnv is { Length: > 0 } && File.Exists(fromEnv))
        {
            return fromEnv;
        }
        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var candidate = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return File.Exists(candidate) ? candidate : "dotnet";
    }
}
