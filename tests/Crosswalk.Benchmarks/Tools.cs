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
    /// <paramref name="explicitPath"/> (a <c>.dll</c> is run with <c>dotnet</c>), else publishes <c>src/Crosswalk.Cli</c>
    /// in Release for this machine's runtime identifier into <paramref name="workDirectory"/>: native AOT (a single
    /// executable, as the release binary is built), or with <paramref name="readyToRun"/> framework-dependent and
    /// ReadyToRun. Either way the figures do not include compiling Crosswalk itself at run time.
    /// </summary>
    public static Launcher Crosswalk(string? explicitPath, bool skipBuild, bool readyToRun, string workDirectory, TextWriter log)
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
        var publish = Path.Combine(Path.GetFullPath(workDirectory), readyToRun ? "crosswalk-r2r" : "crosswalk-aot");
        var program = Path.Combine(publish, readyToRun ? "crosswalk.dll" : "crosswalk");
        if (!skipBuild)
        {
            var rid = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;
            string[] mode = readyToRun ? ["--self-contained", "false", "-p:PublishReadyToRun=true"] : ["-p:PublishAot=true"];
            Dotnet(root, ["publish", "src/Crosswalk.Cli", "-c", "Release", "-r", rid, .. mode, "-o", publish, "-nologo", "-v", "q"], log);
        }
        if (!File.Exists(program))
        {
            throw new UsageException($"'{program}' does not exist; run without --no-build once, or pass --crosswalk");
        }
        return readyToRun ? new Launcher("dotnet", [program], $"dotnet {program}") : new Launcher(program, [], program);
    }

    /// <summary>
    /// The generated corpus a browser measurement runs on, in <c>WORK/NAME-corpus-PAGES</c> (full path): written only
    /// where its bytes differ, so a measurement run again finds it as it was.
    /// </summary>
    public static CorpusSummary Corpus(string workDirectory, string name, int pages, ulong seed)
    {
        var work = Path.GetFullPath(workDirectory);
        Directory.CreateDirectory(work);
        return CorpusGenerator.Generate(pages, seed, Path.Combine(work, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{name}-corpus-{pages}")));
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

    /// <summary>Runs <c>dotnet ARGS</c>, printing the command; fails with its output when it fails.</summary>
    public static void Dotnet(string workingDirectory, string[] args, TextWriter log, Dictionary<string, string>? environment = null) =>
        Run("dotnet", args, log, workingDirectory, environment);

    /// <summary>Runs <c>PROGRAM ARGS</c>, printing the command; fails with its output when it fails.</summary>
    public static void Run(string fileName, IReadOnlyList<string> args, TextWriter log, string? workingDirectory = null, Dictionary<string, string>? environment = null)
    {
        log.WriteLine($"{fileName} {string.Join(' ', args)}");
        var psi = new ProcessStartInfo(fileName) { WorkingDirectory = workingDirectory ?? "", UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        foreach (var (name, value) in environment ?? [])
        {
            psi.Environment[name] = value;
        }
        using var p = Process.Start(psi)!;
        var stdoutTask = p.StandardOutput.ReadToEndAsync();
        var stderrTask = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            log.WriteLine(stdoutTask.Result);
            log.WriteLine(stderrTask.Result);
            throw new InvalidOperationException($"{Path.GetFileName(fileName)} {string.Join(' ', args.Take(2))} failed with exit code {p.ExitCode}");
        }
    }

    /// <summary>Bytes <paramref name="directory"/> takes on disk (<c>du -s -B1</c>: allocated blocks), or -1 when unknown.</summary>
    public static long DiskUsage(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return -1;
        }
        try
        {
            var psi = new ProcessStartInfo("du") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "-s", "-B1", directory })
            {
                psi.ArgumentList.Add(a);
            }
            using var p = Process.Start(psi)!;
            var text = p.StandardOutput.ReadToEnd();
            p.StandardError.ReadToEnd();
            p.WaitForExit();
            var first = text.Split('\t', 2)[0].Trim();
            return p.ExitCode == 0 && long.TryParse(first, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var bytes) ? bytes : -1;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }

    /// <summary>The folder holding Crosswalk.slnx, from the current folder or the program's.</summary>
    public static string? RepositoryRoot()
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
