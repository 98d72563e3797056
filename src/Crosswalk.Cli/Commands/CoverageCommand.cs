using System.CommandLine;
using System.Text;
using Crosswalk.Cli.Output;
using Crosswalk.Criteria;
using Crosswalk.Diagnostics;

namespace Crosswalk.Cli.Commands;

/// <summary>
/// <c>crosswalk coverage</c>: per criterion, the pages that claim it directly or through a group or alias, with
/// totals; with <c>--baseline</c>, what changed since a saved report.
/// </summary>
internal static class CoverageCommand
{
    public static readonly string[] Formats = ["text", "csv", "json", "markdown"];

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("coverage", "Report, per criterion, the pages that claim it (directly or through a group or alias), with totals and gaps.");
        var (catalog, config) = CriteriaCommands.AddSiteOptions(command);
        var format = CommonOptions.Format(Formats, "text, csv, json or markdown.");
        var directOnly = new Option<bool>("--direct-only") { Description = "Count only claims of a criterion itself: one claimed only through a group or alias is a gap." };
        var baseline = new Option<string?>("--baseline") { Description = "Compare with a report saved with --format json (e.g. from the base branch).", HelpName = "FILE" };
        var strict = new Option<bool>("--strict") { Description = "With --baseline: exit 1 when a criterion lost its coverage." };
        command.Options.Add(format);
        command.Options.Add(directOnly);
        command.Options.Add(baseline);
        command.Options.Add(strict);
        command.SetAction(parse =>
        {
            if (!CriteriaCommands.TryAnalyze(parse, config, catalog, stdout, stderr, out var analysis, out var catalogs))
            {
                return CrosswalkCli.ExitUsage;
            }
            var snapshot = CoverageSnapshot.Of(catalogs, analysis.Claims, parse.GetValue(directOnly));
            var chosen = parse.GetValue(format) ?? "text";
            SiteReport.NoteErrors(analysis, stderr);
            if (parse.GetValue(baseline) is not { } baselinePath)
            {
                stdout.Write(chosen switch
                {
                    "csv" => CoverageCsv.Write(snapshot),
                    "json" => snapshot.ToJson(),
                    "markdown" => CoverageMarkdown.Report(snapshot),
                    _ => Text(snapshot),
                });
                return CrosswalkCli.ExitOk;
            }
            CoverageSnapshot before;
            try
            {
                before = CoverageSnapshot.FromJson(File.ReadAllText(baselinePath));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
            {
                stderr.WriteLine($"crosswalk: cannot read the baseline '{baselinePath}': {ex.Message}");
                return CrosswalkCli.ExitUsage;
            }
            if (before.DirectOnly != snapshot.DirectOnly)
            {
                stderr.WriteLine($"crosswalk: the baseline '{baselinePath}' was made {(before.DirectOnly ? "with" : "without")} --direct-only; compare it with a report made the same way");
                return CrosswalkCli.ExitUsage;
            }
            if (!before.KnowsDirect)
            {
                stderr.WriteLine("note: the baseline comes from an older Crosswalk that does not say how pages claim: only criteria lost and gained are compared");
            }
            var diff = CoverageDiff.Compare(before, snapshot);
            stdout.Write(chosen switch
            {
                "json" => CoverageMarkdown.DiffJson(diff),
                "markdown" => CoverageMarkdown.Diff(diff, snapshot),
                _ => DiffText(diff),
            });
            // A lost criterion is a warning where editors and CI read them; the page is where its claim was.
            foreach (var (change, gone) in diff.Lost.Select(c => (c, false)).Concat(diff.Dropped.Select(c => (c, true))))
            {
                var pages = string.Join(", ", change.Pages.Select(p => p.Title));
                var d = Diagnostic.Create(DiagnosticDescriptors.CoverageLost,
                    gone ? $"{change.Catalog} {change.Id} is no longer in the report (its catalog was removed, or it is gone from it); it was claimed by {pages}"
                         : $"{change.Catalog} {change.Id} is no longer claimed by any document (it was claimed by {pages})",
                    change.Pages.FirstOrDefault() is { } page ? new SourceLocation(page.Source, 1, 1) : null,
                    gone ? "keep the catalog in catalogs:, or save a new baseline if it was removed on purpose" : "restore the claim, or claim the criterion in another document");
                stderr.Write(DiagnosticFormatter.Text([d]));
            }
            return diff.Lost.Count + diff.Dropped.Count > 0 && parse.GetValue(strict) ? CrosswalkCli.ExitErrors : CrosswalkCli.ExitOk;
        });
        return command;
    }

    private static string Text(CoverageSnapshot snapshot)
    {
        var sb = new StringBuilder();
        foreach (var catalog in snapshot.Catalogs)
        {
            sb.Append(catalog.Id).Append(": ").Append(SafeText.Terminal(catalog.Name)).Append('\n');
            foreach (var criterion in catalog.Criteria)
            {
                sb.Append("  ").Append(criterion.Id.PadRight(10)).Append(' ')
                  .Append(criterion.Pages.Count > 0
                      ? string.Join("; ", criterion.Pages.Select(p => SafeText.Terminal(p.Title) + (p.Direct ? "" : " (inherited)")))
                      : criterion.Leaf ? "-- gap --" : "")
                  .Append('\n');
            }
            var (count, direct, inherited, gaps) = catalog.Totals;
            sb.Append($"  total: {count} criteria: {direct} claimed directly, {inherited} only through a group or alias, {gaps} gaps\n");
            if (gaps > 0)
            {
                sb.Append("  gaps: ").Append(string.Join(", ", catalog.Criteria.Where(c => c.Leaf && c.Coverage == Coverage.Gap).Select(g => g.Id))).Append('\n');
            }
        }
        return sb.ToString();
    }

    private static string DiffText(CoverageDiff diff)
    {
        if (diff.IsEmpty)
        {
            return "coverage unchanged\n";
        }
        var sb = new StringBuilder();
        void Section(string title, IReadOnlyList<CoverageChange> changes)
        {
            if (changes.Count == 0)
            {
                return;
            }
            sb.Append(title).Append(" (").Append(changes.Count).Append("):\n");
            foreach (var c in changes)
            {
                sb.Append("  ").Append(SafeText.Terminal($"{c.Catalog} {c.Id}")).Append("  ").Append(SafeText.Terminal(c.Title))
                  .Append(c.Pages.Count > 0 ? "  [" + SafeText.Terminal(string.Join("; ", c.Pages.Select(p => p.Title))) + "]" : "").Append('\n');
            }
        }
        Section("lost", diff.Lost);
        Section("no longer in the report", diff.Dropped);
        Section("gained", diff.Gained);
        Section("no longer claimed directly", diff.Weakened);
        Section("now claimed directly", diff.Strengthened);
        if (diff.Documents.Count > 0)
        {
            sb.Append("documents whose claims changed (").Append(diff.Documents.Count).Append("):\n");
            foreach (var d in diff.Documents)
            {
                sb.Append("  ").Append(SafeText.Terminal(d.Source)).Append(": ")
                  .Append(SafeText.Terminal(string.Join(", ", d.Added.Select(a => "+" + a).Concat(d.Removed.Select(r => "-" + r))))).Append('\n');
            }
        }
        return sb.ToString();
    }
}
