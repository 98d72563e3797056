using System.CommandLine;
using System.Diagnostics;
using Crosswalk.Cli.Output;
using Crosswalk.Pipeline;

namespace Crosswalk.Cli.Commands;

/// <summary><c>crosswalk build</c> and <c>crosswalk check</c>: the same pipeline; check writes nothing.</summary>
internal static class BuildCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, bool check)
    {
        var command = new Command(check ? "check" : "build",
            check ? "Validate pages, links, anchors and criteria mappings without writing the site."
                  : "Build the site into the output folder (atomically: a failed build leaves the previous output).");
        var config = CommonOptions.Config();
        var output = new Option<string?>("--output", "-o") { Description = "Output folder (overrides 'output' in site.yml).", HelpName = "DIR" };
        var strict = new Option<bool>("--strict") { Description = "Treat warnings as errors." };
        var format = CommonOptions.Format(DiagnosticFormatter.Formats, "Diagnostics format: " + string.Join(", ", DiagnosticFormatter.Formats) + ".");
        var report = new Option<string?>("--report") { Description = "Also write the diagnostics in --format to FILE; the console keeps text.", HelpName = "FILE" };
        var timings = new Option<bool>("--timings") { Description = "Print the time and allocations of each pipeline stage." };
        var verbose = CommonOptions.Verbose("List infos in full (and GitHub notices for them), and print stack traces of internal errors.");
        var quiet = CommonOptions.Quiet("Print only errors and warnings: no infos, no summary line.");
        var today = CommonOptions.Today();
        var noHistory = CommonOptions.NoHistory();
        var noCache = CommonOptions.NoCache();

        command.Options.Add(config);
        if (!check)
        {
            command.Options.Add(output);
        }
        command.Options.Add(strict);
        command.Options.Add(format);
        command.Options.Add(report);
        command.Options.Add(timings);
        command.Options.Add(today);
        command.Options.Add(noHistory);
        command.Options.Add(noCache);
        command.Options.Add(verbose);
        command.Options.Add(quiet);
        command.Validators.Add(r =>
        {
            if (r.GetValue(quiet) && r.GetValue(verbose))
            {
                r.AddError("--quiet and --verbose cannot be used together");
            }
        });

        command.SetAction(parse =>
        {
            var sw = Stopwatch.StartNew();
            var configPath = parse.GetValue(config);
            var options = new BuildOptions
            {
                ConfigPath = configPath ?? "site.yml",
                AllowMissingConfig = configPath is null,
                OutputDirectory = check ? null : parse.GetValue(output),
                Strict = parse.GetValue(strict),
                Today = parse.GetValue(today),
                History = !parse.GetValue(noHistory),
                CacheFolder = parse.GetValue(noCache) ? null : Caching.ParseCache.DefaultFolder(),
            };
            if (EmptyFolder.Message(options) is { } empty)
            {
                stderr.WriteLine(empty);
                return CrosswalkCli.ExitUsage;
            }
            var result = check ? SiteBuilder.Check(options) : SiteBuilder.Build(options);
            sw.Stop();

            var verbosity = parse.GetValue(quiet) ? Verbosity.Quiet : parse.GetValue(verbose) ? Verbosity.Verbose : Verbosity.Normal;
            if (result.ProfileNote is { } note && verbosity != Verbosity.Quiet)
            {
                stderr.WriteLine(SafeText.Terminal(note));
            }
            var chosen = parse.GetValue(format) ?? "text";
            var reportPath = parse.GetValue(report);
            var consoleFormat = reportPath is null ? chosen : "text";
            stdout.Write(DiagnosticFormatter.Format(consoleFormat, result, verbosity));
            if (reportPath is not null)
            {
                // A report file is kept and searched: text lists every diagnostic, GitHub's notices still wait for --verbose.
                File.WriteAllText(reportPath, DiagnosticFormatter.Format(chosen, result, chosen == "text" ? Verbosity.Verbose : verbosity));
            }
            if (result.Output is { } written && (parse.GetValue(timings) || verbosity == Verbosity.Verbose))
            {
                stderr.WriteLine(FormattableString.Invariant($"output: {written.Written:N0} files written, {written.Unchanged:N0} unchanged, {written.Removed:N0} removed"));
            }
            if (result.Cache is { } cache && parse.GetValue(timings))
            {
                stderr.WriteLine(FormattableString.Invariant($"parse cache: {cache.Read:N0} pages read, {cache.Parsed:N0} parsed{(cache.Written ? ", written" : "")} ({cache.Path})"));
            }
            if (parse.GetValue(timings))
            {
                foreach (var t in result.Timings)
                {
                    stderr.WriteLine($"  {t.Stage,-14} {t.Elapsed.TotalMilliseconds,9:F1} ms {t.Cpu.TotalMilliseconds,9:F1} ms cpu {t.AllocatedBytes / (1024.0 * 1024.0),10:F1} MiB allocated {t.GcPause.TotalMilliseconds,8:F1} ms GC pause ({t.Gen0Collections}/{t.Gen1Collections}/{t.Gen2Collections} gen0/1/2) {t.HeapBytesAfter / (1024.0 * 1024.0),8:F1} MiB heap after");
                }
            }
            if (consoleFormat == "text" && verbosity != Verbosity.Quiet)
            {
                var verb = check ? "checked" : result.Written ? "built" : "not written";
                stderr.WriteLine($"{verb}: {result.PageCount} pages, {result.Errors} errors, {result.Warnings} warnings, {result.Infos} infos in {sw.ElapsedMilliseconds} ms");
            }
            return !result.ConfigUsable ? CrosswalkCli.ExitUsage
                : result.Failed(options.Strict) ? CrosswalkCli.ExitErrors
                : CrosswalkCli.ExitOk;
        });
        return command;
    }
}
