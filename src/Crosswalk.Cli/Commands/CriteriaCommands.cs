using System.CommandLine;
using Crosswalk.Criteria;
using Crosswalk.Diagnostics;
using Crosswalk.Pipeline;

namespace Crosswalk.Cli.Commands;

/// <summary><c>crosswalk criteria</c>: catalogs and claims; the site options the reports share.</summary>
internal static class CriteriaCommands
{
    public static Command Criteria(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("criteria", "List a catalog's criteria, or show one criterion with the pages that claim it.");
        var id = new Argument<string?>("ID") { Description = "A criterion or group ID, e.g. CC6.1 or A.9.", Arity = ArgumentArity.ZeroOrOne };
        command.Arguments.Add(id);
        var (catalog, config) = AddSiteOptions(command);
        command.SetAction(parse =>
        {
            if (!TryAnalyze(parse, config, catalog, stdout, stderr, out var analysis, out var catalogs))
            {
                return CrosswalkCli.ExitUsage;
            }
            var wanted = parse.GetValue(id);
            if (wanted is null)
            {
                foreach (var c in catalogs)
                {
                    stdout.WriteLine($"{c.Id}: {c.Name}{(c.IsWithdrawn ? " (withdrawn)" : "")}");
                    foreach (var criterion in c.Criteria)
                    {
                        var pages = analysis.Claims.PagesCovering(criterion).Count;
                        stdout.WriteLine($"  {new string(' ', 2 * criterion.Depth)}{criterion.Id,-10} {criterion.Title}{(pages > 0 ? $"  [{pages} page{(pages == 1 ? "" : "s")}]" : criterion.IsLeaf ? "  [gap]" : "")}");
                    }
                }
                return CrosswalkCli.ExitOk;
            }
            var found = catalogs.Select(c => c.FindIgnoreCase(wanted)).FirstOrDefault(c => c is not null);
            if (found is null)
            {
                var all = catalogs.SelectMany(c => c.Criteria).Select(c => c.Id).Distinct();
                var help = DidYouMean.Help(wanted, all);
                stderr.WriteLine($"crosswalk: unknown criterion '{wanted}' in {string.Join(", ", catalogs.Select(c => c.Id))}"
                    + (help is null ? "" : $" ({help})"));
                return CrosswalkCli.ExitUsage;
            }
            Describe(found, analysis, stdout);
            return CrosswalkCli.ExitOk;
        });
        return command;
    }

    /// <summary>The options both reports take: --catalog, --config and --verbose.</summary>
    internal static (Option<string?> Catalog, Option<string?> Config) AddSiteOptions(Command command)
    {
        var catalog = new Option<string?>("--catalog") { Description = "Catalog id (default: every catalog named in site.yml).", HelpName = "ID" };
        var config = CommonOptions.Config();
        command.Options.Add(catalog);
        command.Options.Add(config);
        command.Options.Add(CommonOptions.Verbose());
        return (catalog, config);
    }

    /// <summary>Analyzes the site and picks the catalogs to report on; false (after saying why) when it cannot.</summary>
    internal static bool TryAnalyze(ParseResult parse, Option<string?> config, Option<string?> catalog, TextWriter stdout, TextWriter stderr,
        out SiteAnalysis analysis, out IReadOnlyList<Catalog> catalogs)
    {
        catalogs = [];
        if (SiteReport.Analyze(parse.GetValue(config), stdout, stderr) is not { } found)
        {
            analysis = null!;
            return false;
        }
        analysis = found;
        return SelectCatalogs(analysis, parse.GetValue(catalog), stderr, out catalogs);
    }

    /// <summary>The catalog <paramref name="id"/> names, or with none the configured ones; false (after saying why) when there are none.</summary>
    internal static bool SelectCatalogs(SiteAnalysis analysis, string? id, TextWriter stderr, out IReadOnlyList<Catalog> catalogs)
    {
        if (id is null)
        {
            catalogs = analysis.Configured.Count > 0 ? analysis.Configured : analysis.Catalogs!.All;
            if (catalogs.Count == 0)
            {
                stderr.WriteLine("crosswalk: no catalogs are configured; add 'catalogs:' to site.yml");
                return false;
            }
            return true;
        }
        var catalog = analysis.Catalogs!.Get(id) ?? CatalogSet.Load([id], Environment.CurrentDirectory, new DiagnosticBag()).Get(id);
        if (catalog is null)
        {
            var known = analysis.Catalogs!.Ids.Concat(CatalogSet.BuiltInIds).Distinct().ToList();
            var help = DidYouMean.Help(id, known, 1);
            stderr.WriteLine($"crosswalk: unknown catalog '{id}'" + (help is null ? $"; known: {string.Join(", ", known)}" : $" ({help})"));
            catalogs = [];
            return false;
        }
        catalogs = [catalog];
        return true;
    }

    private static void Describe(Criterion criterion, SiteAnalysis analysis, TextWriter stdout)
    {
        stdout.WriteLine($"{criterion.Id} {criterion.Title}");
        stdout.WriteLine($"  catalog: {criterion.Catalog.Id} ({criterion.Catalog.Name})");
        stdout.WriteLine($"  kind:    {criterion.Kind}");
        if (criterion.Parent is { } parent)
        {
            stdout.WriteLine($"  group:   {parent.Id} {parent.Title}");
        }
        if (criterion.Children.Count > 0)
        {
            stdout.WriteLine($"  contains: {string.Join(", ", criterion.Children.Select(c => c.Id))}");
        }
        var claims = analysis.Claims.Covering(criterion).ToList();
        stdout.WriteLine(claims.Count == 0 ? "  claims:  none" : $"  claims:  {claims.Count}");
        foreach (var claim in claims.OrderBy(c => c.Page.Title, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Location.File, StringComparer.Ordinal).ThenBy(c => c.Location.Line))
        {
            var via = claim.Criterion == criterion ? "" : $" (through {claim.Criterion.Id})";
            stdout.WriteLine($"    {claim.Page.Title} {claim.Page.Url}{via} — {claim.Location}");
        }
        if (analysis.Catalogs is { } catalogs)
        {
            foreach (var mapping in catalogs.Mappings.Where(m => m.Source == criterion.Catalog))
            {
                var successors = catalogs.Successors(criterion).Where(s => s.Catalog == mapping.Target).ToList();
                if (successors.Count > 0)
                {
                    stdout.WriteLine($"  in {mapping.Target.Id}: {string.Join(", ", successors.Select(s => s.Id))}");
                }
            }
        }
    }
}
