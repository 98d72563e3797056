using System.CommandLine;
using Crosswalk.Cli.Commands;

namespace Crosswalk.Cli;

/// <summary>The command line: parses arguments, runs one command, maps the outcome to an exit code.</summary>
public static class CrosswalkCli
{
    /// <summary>No errors.</summary>
    public const int ExitOk = 0;
    /// <summary>Errors (or warnings with --strict).</summary>
    public const int ExitErrors = 1;
    /// <summary>Bad arguments or an unusable site.yml.</summary>
    public const int ExitUsage = 2;
    /// <summary>Internal failure.</summary>
    public const int ExitInternal = 3;

    /// <summary>Runs the CLI with the given arguments and writers; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("Crosswalk: build and check SOC 2 / ISO 27001 compliance documentation sites.");
        root.Subcommands.Add(BuildCommand.Create(stdout, stderr, check: false));
        root.Subcommands.Add(BuildCommand.Create(stdout, stderr, check: true));
        root.Subcommands.Add(CriteriaCommands.Criteria(stdout, stderr));
        root.Subcommands.Add(CoverageCommand.Create(stdout, stderr));
        root.Subcommands.Add(ReviewsCommand.Create(stdout, stderr));
        root.Subcommands.Add(ServeCommand.Create(stdout, stderr));
        root.Subcommands.Add(SchemaCommand.Create(stdout, stderr));
        root.Subcommands.Add(ExportCommand.Create(stdout, stderr));
        root.Subcommands.Add(BundleCommand.Create(stdout, stderr));
        root.Subcommands.Add(InitCommand.Create(stdout, stderr));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var line in UsageErrors.Describe(parse))
            {
                stderr.WriteLine($"crosswalk: {line}");
            }
            stderr.WriteLine(UsageErrors.HelpLine(parse));
            return ExitUsage;
        }
        var verbose = args.Contains("--verbose") || args.Contains("-v");
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex)
        {
            // The message can quote a file name or a value from the site: shown with control characters neutralised.
            stderr.WriteLine($"crosswalk: internal error: {ex.GetType().Name}: {Output.SafeText.Terminal(ex.Message)}");
            stderr.WriteLine(verbose ? ex.ToString() : "Run again with --verbose for the stack trace.");
            return ExitInternal;
        }
    }
}
