namespace Crosswalk.Cli.Tests;

/// <summary>Runs the CLI in-process on a copy of a fixture site under TestData/sites.</summary>
public sealed class CliRunner : IDisposable
{
    public CliRunner(string fixture)
    {
        Root = Path.Combine(Path.GetTempPath(), "crosswalk-cli-tests", Guid.NewGuid().ToString("N"));
        Copy(Path.Combine(AppContext.BaseDirectory, "TestData", "sites", fixture), Root);
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
