using System.CommandLine;
using Crosswalk.Oscal;

namespace Crosswalk.Cli.Commands;

/// <summary><c>crosswalk export oscal</c>: the site's documents and claims (and crosswalks) as OSCAL JSON.</summary>
internal static class ExportCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("export", "Export the site's claims in another format.");
        command.Subcommands.Add(Oscal(stdout, stderr));
        return command;
    }

    private static Command Oscal(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("oscal",
            "Write an OSCAL 1.2.1 component definition (a component per document that claims criteria) and, when crosswalks are loaded, a mapping collection.");
        var output = new Option<string?>("--output", "-o") { Description = "Folder to write into (default: oscal).", HelpName = "DIR" };
        var date = new Option<DateTimeOffset?>("--date")
        {
            Description = "metadata.last-modified (default: the newest approval or review date of the documents exported).",
            HelpName = "DATE",
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
                if (OscalExport.ParseDate(text) is { } value)
                {
                    return value;
                }
                result.AddError($"--date must be YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ (or with an offset, +02:00) in the years 1900-2999, not '{text}'");
                return null;
            },
        };
        var config = CommonOptions.Config();
        command.Options.Add(output);
        command.Options.Add(date);
        command.Options.Add(config);
        command.Options.Add(CommonOptions.Verbose());
        command.SetAction(parse =>
        {
            if (SiteReport.Analyze(parse.GetValue(config), stdout, stderr) is not { } analysis)
            {
                return CrosswalkCli.ExitUsage;
            }
            var files = OscalExport.Create(analysis, parse.GetValue(date));
            var folder = parse.GetValue(output) ?? "oscal";
            if (SiteReport.WriteFiles(folder, files, stdout, stderr) is var code and not CrosswalkCli.ExitOk)
            {
                return code;
            }
            SiteReport.NoteErrors(analysis, stderr);
            return CrosswalkCli.ExitOk;
        });
        return command;
    }
}
