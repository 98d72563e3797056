using System.CommandLine;
using System.Globalization;

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

    /// <summary><c>--today YYYY-MM-DD</c>: the day reviews are judged against; a malformed date is a usage error.</summary>
    public static Option<DateOnly?> Today() => new("--today")
    {
        Description = "The day reviews are judged against (default: today's date).",
        HelpName = "YYYY-MM-DD",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return day;
            }
            result.AddError($"--today must be a date written YYYY-MM-DD, such as 2027-01-31, not '{text}'");
            return null;
        },
    };

    /// <summary><c>--no-history</c>: pages get no revision history from git.</summary>
    public static Option<bool> NoHistory() => new("--no-history") { Description = "Read no revision history from git." };
}
