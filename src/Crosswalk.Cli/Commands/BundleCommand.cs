using System.CommandLine;
using Crosswalk.Bundle;
using Crosswalk.Cli.Output;
using Crosswalk.Criteria;

namespace Crosswalk.Cli.Commands;

/// <summary>
/// <c>crosswalk bundle</c>: the audit bundle (a PDF binder per catalog, coverage.csv, claims.csv, MANIFEST.sha256),
/// written without starting a process. A site with errors gets no bundle, as it gets no build.
/// </summary>
internal static class BundleCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("bundle",
            "Write the audit bundle: a PDF binder per catalog (documents, document control, criterion index, coverage matrix), coverage.csv, claims.csv and MANIFEST.sha256.");
        var (catalog, config) = CriteriaCommands.AddSiteOptions(command);
        var output = new Option<string?>("--output", "-o") { Description = "Folder to write into (default: bundle).", HelpName = "DIR" };
        var date = CommonOptions.Today("--date", "The bundle's date, on its cover and in its manifest, and the day reviews are judged against (default: today, UTC). The same site and date give the same bytes.");
        command.Options.Add(output);
        command.Options.Add(date);
        command.SetAction(parse =>
        {
            var day = parse.GetValue(date) ?? DateOnly.FromDateTime(DateTime.UtcNow);
            if (SiteReport.Analyze(parse.GetValue(config), stdout, stderr, day) is not { } analysis)
            {
                return CrosswalkCli.ExitUsage;
            }
            if (analysis.Result.Errors > 0)
            {
                stdout.Write(DiagnosticFormatter.Text(analysis.Result.Diagnostics));
                stderr.WriteLine($"crosswalk: the site has {analysis.Result.Errors} errors; no bundle written");
                return CrosswalkCli.ExitErrors;
            }
            IReadOnlyList<Catalog> catalogs = [];
            if (parse.GetValue(catalog) is { } id && !CriteriaCommands.SelectCatalogs(analysis, id, stderr, out catalogs))
            {
                return CrosswalkCli.ExitUsage;
            }
            if (catalogs.Count == 0)
            {
                catalogs = analysis.Configured;
            }
            var folder = parse.GetValue(output) ?? "bundle";
            var files = AuditBundle.Create(analysis, catalogs, day, GitHead.Commit(analysis.Config!.RootDirectory));
            return SiteReport.WriteFiles(folder, files, stdout, stderr);
        });
        return command;
    }
}
