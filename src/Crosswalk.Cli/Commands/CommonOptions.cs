using System.CommandLine;
using System.Globalization;
using Crosswalk.Diagnostics;

namespace Crosswalk.Cli.Commands;

/// <summary>Options shared by several commands.</summary>
internal static class CommonOptions
{
    public static Option<string?> Config() => new("--config", "-c")
    {
        Description = "Path of site.yml (default: ./site.yml; without it the defaults are used).",
        HelpName = "FILE",
    };

    public static Option<bool> Verbose(string description = "Print stack traces of internal errors.") => new("--verbose", "-v") { Description = description };

    /// <summary><c>--quiet</c>: errors and warnings only, as a CI log or a script wants them.</summary>
    public static Option<bool> Quiet(string description) => new("--quiet", "-q") { Description = description };

    /// <summary>
    /// <c>--format</c> limited to <paramref name="formats"/>; a wrong value is one plain line with a did-you-mean, not the
    /// parser's list of accepted values.
    /// </summary>
    public static Option<string> Format(IReadOnlyList<string> formats, string description)
    {
        var option = new Option<string>("--format", "-f") { Description = description, DefaultValueFactory = _ => formats[0], HelpName = "FORMAT" };
        option.CompletionSources.Add(formats.ToArray());
        option.Validators.Add(result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : formats[0];
            if (!formats.Contains(text, StringComparer.Ordinal))
            {
                var hint = DidYouMean.Help(text, formats) is { } help ? $" ({help})" : "";
                result.AddError($"--format must be one of {string.Join(", ", formats)}, not '{text}'{hint}");
            }
        });
        return option;
    }

    /// <summary><c>--today YYYY-MM-DD</c> (or another date option, such as bundle's <c>--date</c>); a malformed date is a usage error.</summary>
    public static Option<DateOnly?> Today(string name = "--today", string description = "The day reviews are judged against (default: today's date).") => new(name)
    {
        Description = description,
        HelpName = "YYYY-MM-DD",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return day;
            }
            result.AddError($"{name} must be a date written YYYY-MM-DD, such as 2027-01-31, not '{text}'");
            return null;
        },
    };

    /// <summary><c>--no-cache</c>: every page is parsed, and the parse cache is neither read nor written.</summary>
    public static Option<bool> NoCache() => new("--no-cache") { Description = "Parse every page: read and write no parse cache." };

    /// <summary><c>--no-history</c>: pages get no revision history from git.</summary>
    public static Option<bool> NoHistory() => new("--no-history") { Description = "Read no revision history from git." };
}
