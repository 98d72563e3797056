using System.Diagnostics;

namespace Crosswalk.Benchmarks;

/// <summary>How to start a program: the executable and the arguments that precede the command's own.</summary>
internal sealed record Launcher(string FileName, IReadOnlyList<string> Prefix, string Display)
{
    public IReadOnlyList<string> With(params string[] args) => [.. Prefix, .. args];
}

/// <summary>Finds (and by default builds) the crosswalk CLI, and finds Hugo.</summary>
internal static class Tools
{
    /// <summary>
    /// <paramref name="explicitPath"/> (a <c>.dll</c> is run with <c>dotnet</c>), else builds
    /// <c>src/Crosswalk.Cli</c> in Release and uses its <c>crosswalk.dll</c>.
    /// </summary>
    public static Launcher Crosswalk(string? explicitPath, bool skipBuild, TextWriter log)
    {
        if (explicitPath is not null)
        {
            var full = Path.GetFullPath(explicitPath);
            if (!File.Exists(full))
            {
                throw new UsageException($"--crosswalk: '{full}' does not exist");
            }
            return full.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
                ? new Launcher("dotnet", [full], $"dotnet {full}")
                : new Launcher(full, [], full);
        }

        var root = RepositoryRoot()
            ?? throw new UsageException("cannot find the repository root (Crosswalk.slnx); pass --crosswalk PATH_TO_crosswalk.dll");
        var dll = Path.Combine(root, "src", "Crosswalk.Cli", "bin", "Release", "net10.0", "crosswalk.dll");
        if (!skipBuild)
        {
            log.WriteLine("building src/Crosswalk.Cli in Release ...");
            var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = root, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "build", "-c", "Release", "src/Crosswalk.Cli", "-nologo", "-v", "q" })
            {
                psi.ArgumentList.Add(a);
            }
            using var p = Process.Start(psi)!;
            var stdoutTask = p.StandardOutput.ReadToEndAsync();
            var stderrTask = p.StandardError.ReadToEndAsync();
            p.WaitForExit();
            if (p.ExitCode != 0)
            {
                log.WriteLine(stdoutTask.Result);
                log.WriteLine(stderrTask.Result);
                throw new InvalidOperationException($"'dotnet build -c Release src/Crosswalk.Cli' failed with exit code {p.ExitCode}");
            }
        }
        if (!File.Exists(dll))
        {
            throw new UsageException($"'{dll}' does not exist; build src/Crosswalk.Cli in Release or pass --crosswalk");
        }
        return new Launcher("dotnet", [dll], $"dotnet {Path.GetRelativePath(Environment.CurrentDirectory, dll)}");
    }

    /// <summary><paramref name="explicitPath"/>, else <c>hugo</c> on PATH, else null.</summary>
    public static string? Hugo(string? explicitPath)
    {
        if (explicitPath is not null)
        {
            return File.Exists(explicitPath) ? Path.GetFullPath(explicitPath) : null;
        }
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, "hugo");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    /// <summary>First line of <c>PROGRAM ARGS</c>' output, or null when it cannot run.</summary>
    public static string? FirstLine(string fileName, params string[] args)
    {
        try
        {
            var psi = new ProcessStartInfo(fileName) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in args)
            {
                psi.ArgumentList.Add(a);
            }
            using var p = Process.Start(psi)!;
            var text = p.StandardOutput.ReadToEnd();
            p.StandardError.ReadToEnd();
            p.WaitForExit();
            return text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static string? RepositoryRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Crosswalk.slnx")))
                {
                    return dir.FullName;
                }
            }
        }
        return null;
    }
}
