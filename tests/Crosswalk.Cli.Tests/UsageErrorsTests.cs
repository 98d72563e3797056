namespace Crosswalk.Cli.Tests;

/// <summary>Misspelt commands, options and values: one plain line (with a did-you-mean when one is close), exit 2.</summary>
[Collection("cli")]
public sealed class UsageErrorsTests
{
    [Theory]
    [InlineData(new[] { "biuld" }, "crosswalk: unknown command 'biuld'; did you mean 'build'?", "Run 'crosswalk --help' for usage.")]
    [InlineData(new[] { "chekc" }, "crosswalk: unknown command 'chekc'; did you mean 'check'?", "Run 'crosswalk --help' for usage.")]
    [InlineData(new[] { "xyzzy" }, "crosswalk: unknown command 'xyzzy'; the commands are build, check, criteria, coverage, reviews, serve, schema, export, bundle, init", "Run 'crosswalk --help' for usage.")]
    [InlineData(new[] { "check", "--stirct" }, "crosswalk: unknown option '--stirct' for 'crosswalk check'; did you mean '--strict'?", "Run 'crosswalk check --help' for usage.")]
    [InlineData(new[] { "serve", "--prot", "4001" }, "crosswalk: unknown option '--prot' for 'crosswalk serve'; did you mean '--port'?", "Run 'crosswalk serve --help' for usage.")]
    [InlineData(new[] { "export", "oscl" }, "crosswalk: unknown command 'oscl'; did you mean 'oscal'?", "Run 'crosswalk export --help' for usage.")]
    [InlineData(new[] { "export" }, "crosswalk: 'crosswalk export' needs a command: oscal", "Run 'crosswalk export --help' for usage.")]
    [InlineData(new string[0], "crosswalk: no command given; start with 'crosswalk build', 'crosswalk check' or 'crosswalk serve'", "Run 'crosswalk --help' for usage.")]
    [InlineData(new[] { "serve", "--port", "abc" }, "crosswalk: --port must be a number from 0 to 65535 (0 picks a free port), not 'abc'", "Run 'crosswalk serve --help' for usage.")]
    [InlineData(new[] { "serve", "--port", "70000" }, "crosswalk: --port must be a number from 0 to 65535 (0 picks a free port), not '70000'", "Run 'crosswalk serve --help' for usage.")]
    [InlineData(new[] { "check", "--format", "xml" }, "crosswalk: --format must be one of text, json, sarif, github, junit, not 'xml'", "Run 'crosswalk check --help' for usage.")]
    [InlineData(new[] { "build", "--format", "sarf" }, "crosswalk: --format must be one of text, json, sarif, github, junit, not 'sarf' (did you mean 'sarif'?)", "Run 'crosswalk build --help' for usage.")]
    [InlineData(new[] { "coverage", "--format", "cvs" }, "crosswalk: --format must be one of text, csv, json, markdown, not 'cvs' (did you mean 'csv'?)", "Run 'crosswalk coverage --help' for usage.")]
    [InlineData(new[] { "reviews", "-f", "yaml" }, "crosswalk: --format must be one of text, csv, json, not 'yaml'", "Run 'crosswalk reviews --help' for usage.")]
    [InlineData(new[] { "serve", "--host", "example.com" }, "crosswalk: --host 'example.com' is not an IP address or 'localhost'", "Run 'crosswalk serve --help' for usage.")]
    [InlineData(new[] { "check", "--today", "31/01/2027" }, "crosswalk: --today must be a date written YYYY-MM-DD, such as 2027-01-31, not '31/01/2027'", "Run 'crosswalk check --help' for usage.")]
    public void Mistakes_get_one_plain_line_and_exit_2(string[] args, string message, string hint)
    {
        using var cli = new CliRunner("clean", git: false);

        var (exit, stdout, stderr) = cli.Run(args);

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Equal([message, hint], stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
