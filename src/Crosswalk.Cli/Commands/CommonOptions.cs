using System.CommandLine;

namespace Crosswalk.Cli.Commands;

/// <summary>Options shared by several commands.</summary>
internal static class CommonOptions
{
    public static Option<string?> Config() => new("--config", "-c")
    {
        Description = "Path of site.yml (default: ./site.yml; without it the defaults are used).",
        HelpName = "FILE",
    };

    public static Option<bool> Verbose() => new("--verbose", "-v") { Description = "Print stack traces of internal errors." };
}
