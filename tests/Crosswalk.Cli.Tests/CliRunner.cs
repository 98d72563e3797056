namespace Crosswalk.Cli.Tests;

/// <summary>Runs the CLI in-process on a copy of a fixture site under TestData/sites.</summary>
public sealed class CliRunner : IDisposable
{
    /// <summary>A copy of <paramref name="fixture"/>, committed to a git repository of its own (as a user's site is) unless <paramref name="git"/> is false.</summary>
    public CliRunner(string fixture, bool git = true)
    {
        Root = Path.Combine(Path.GetTempPath(), "crosswalk-cli-tests", Guid.NewGuid().ToString("N"));
        Copy(Path.Combine(AppContext.BaseDirectory, "TestData", "sites", fixture), Root);
        if (git)
        {
            Git("init", "-q");
            Commit("Add the site", "2026-01-15T10:00:00+00:00");
        }
    }

    /// <summary>Commits every change in the site as a fixed author on <paramref name="date"/> (ISO 8601).</summary>
    public void Commit(string subject, string date, string author = "Dana Writer")
    {
        Git("add", "-A");
        Git(["-c", $"user.name={author}", "-c", "user.email=dana@example.com", "commit", "-q", "--allow-empty", "-m", subject], date);
    }

    private void Git(params string[] args) => Git(args, null);

    private void Git(string[] args, string? date)
    {
        var start = new System.Diagnostics.ProcessStartInfo("git") { WorkingDirectory = Root, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        if (date is not null)
        {
            start.Environment["GIT_AUTHOR_DATE"] = date;
            start.Environment["GIT_COMMITTER_DATE"] = date;
        }
        using var process = System.Diagnostics.Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', args)} failed: {error.Result}");
        }
    }

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var previous = Environment.CurrentDirectory;
        // The CLI's defaults are relative to the working folder, as for a user in their repo.
        Environment.CurrentDirectory = Root;
        try
        {
            var exit = CrosswalkCli.Run(args, stdout, stderr);
            return (exit, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>The working folder is process-wide, so CLI tests never run in parallel.</summary>
[CollectionDefinition("cli", DisableParallelization = true)]
public sealed class CliCollection;
