using System.CommandLine;
using Crosswalk.Diagnostics;

namespace Crosswalk.Cli;

/// <summary>
/// Turns the parser's errors into lines a person can act on: a misspelt command or option gets a did-you-mean in
/// place of "Unrecognized command or argument", and a bare <c>crosswalk</c> names the commands to start with.
/// </summary>
internal static class UsageErrors
{
    public static IEnumerable<string> Describe(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var name = CommandPath(parse);
        var unmatched = parse.UnmatchedTokens;
        var afterUnknownOption = false;
        foreach (var token in unmatched)
        {
            if (token.StartsWith('-') && token.Length > 1)
            {
                afterUnknownOption = true;
                var options = command.Options.SelectMany(o => o.Aliases.Prepend(o.Name));
                yield return WithHint($"unknown option '{token}' for '{name}'", token.Length > 2 ? token.Split('=')[0] : "", options);
            }
            else if (afterUnknownOption)
            {
                // Most likely the value of the unknown option: one message for "--prot 4001", not two.
                afterUnknownOption = false;
            }
            else if (command.Subcommands.Count > 0)
            {
                var commands = command.Subcommands.Where(c => !c.Hidden).SelectMany(c => c.Aliases.Prepend(c.Name)).ToList();
                var suggestion = DidYouMean.Help(token, commands);
                yield return suggestion is null
                    ? $"unknown command '{token}'; the commands are {string.Join(", ", command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}"
                    : $"unknown command '{token}'; {suggestion}";
            }
            else
            {
                yield return $"unexpected argument '{token}' for '{name}'";
            }
        }
        if (command.Subcommands.Count > 0 && command.Action is null)
        {
            // A group without a command of its own: the parser's "Required command was not provided" is about the
            // token already reported above, or about no command at all.
            if (unmatched.Count == 0)
            {
                yield return command is RootCommand
                    ? "no command given; start with 'crosswalk build', 'crosswalk check' or 'crosswalk serve'"
                    : $"'{name}' needs a command: {string.Join(", ", command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}";
            }
            yield break;
        }
        foreach (var error in parse.Errors)
        {
            if (!unmatched.Any(t => error.Message.Contains($"'{t}'", StringComparison.Ordinal)))
            {
                yield return error.Message;
            }
        }
    }

    /// <summary>The line that ends the errors: where the usage of the command at fault is.</summary>
    public static string HelpLine(ParseResult parse) => $"Run '{CommandPath(parse)} --help' for usage.";

    private static string WithHint(string message, string input, IEnumerable<string> candidates) =>
        input.Length > 0 && DidYouMean.Help(input, candidates) is { } help ? $"{message}; {help}" : message;

    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var r = parse.CommandResult; r is not null; r = r.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Add(r.Command is RootCommand ? "crosswalk" : r.Command.Name);
        }
        names.Reverse();
        return string.Join(' ', names);
    }
}
