using System.CommandLine;
using Crosswalk.Cli.Output;
using Crosswalk.Config;
using Crosswalk.Content;
using Crosswalk.Diagnostics;

namespace Crosswalk.Cli.Commands;

/// <summary><c>crosswalk schema</c>: writes the JSON Schemas of site.yml and of front matter for editors.</summary>
internal static class SchemaCommand
{
    public const string SiteFile = "site.schema.json";
    public const string FrontMatterFile = "front-matter.schema.json";

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("schema", "Write JSON Schemas of site.yml and of front matter (with the site's own keys) for editors.");
        var output = new Option<string?>("--output", "-o") { Description = "Folder to write into (default: schemas).", HelpName = "DIR" };
        var config = CommonOptions.Config();
        command.Options.Add(output);
        command.Options.Add(config);
        command.Options.Add(CommonOptions.Verbose());
        command.SetAction(parse =>
        {
            var configPath = parse.GetValue(config);
            var diagnostics = new DiagnosticBag();
            var site = ConfigLoader.Load(configPath ?? "site.yml", diagnostics, allowMissing: configPath is null);
            stdout.Write(DiagnosticFormatter.Text(diagnostics.ToSortedList()));
            if (site is null)
            {
                stderr.WriteLine("crosswalk: site.yml cannot be used");
                return CrosswalkCli.ExitUsage;
            }
            var folder = parse.GetValue(output) ?? "schemas";
            (string File, string Text)[] files =
            [
                (Path.Combine(folder, SiteFile), JsonSchemas.SiteConfig()),
                (Path.Combine(folder, FrontMatterFile), JsonSchemas.FrontMatter(FrontMatterSchema.BuiltIn.WithSiteKeys(site.FrontMatter))),
            ];
            try
            {
                Directory.CreateDirectory(folder);
                foreach (var (file, text) in files)
                {
                    File.WriteAllText(file, text);
                    stdout.WriteLine($"wrote {file}");
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"crosswalk: cannot write to '{folder}': {ex.Message}");
                return CrosswalkCli.ExitUsage;
            }
            return CrosswalkCli.ExitOk;
        });
        return command;
    }
}
